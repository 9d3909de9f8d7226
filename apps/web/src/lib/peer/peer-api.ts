import { type CreatePeerRoomBody, CreatePeerRoomResponse, PeerReport, PeerRoomInfo } from '@mlsd/protocol';
import { bearer, ownerHeaders, request } from '../api.ts';

const room = (id: string) => `/api/peer/rooms/${encodeURIComponent(id)}`;

/** The peer REST calls. */
export const peerApi = {
  create: (body: CreatePeerRoomBody) =>
    request('/api/peer/rooms', CreatePeerRoomResponse, {
      method: 'POST',
      // The room is this browser's, like the sessions it starts.
      headers: { 'content-type': 'application/json', ...ownerHeaders() },
      body: JSON.stringify(body),
    }),
  info: (roomId: string, token: string) => request(room(roomId), PeerRoomInfo, bearer(token)),
  report: (roomId: string, token: string) => request(`${room(roomId)}/report`, PeerReport, bearer(token)),
};
