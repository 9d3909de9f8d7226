import { type CreatePeerRoomBody, CreatePeerRoomResponse, PeerReport, PeerRoomInfo } from '@mlsd/protocol';
import type { z } from 'zod';
import { request as apiRequest, bearer } from '../api.ts';

const request = <T>(path: string, schema: z.ZodType<T>, init: RequestInit = {}) =>
  apiRequest(path, schema, init, { brief: true });
const room = (id: string) => `/api/peer/rooms/${encodeURIComponent(id)}`;

/** The peer REST calls. */
export const peerApi = {
  create: (body: CreatePeerRoomBody) =>
    request('/api/peer/rooms', CreatePeerRoomResponse, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  info: (roomId: string, token: string) => request(room(roomId), PeerRoomInfo, bearer(token)),
  report: (roomId: string, token: string) => request(`${room(roomId)}/report`, PeerReport, bearer(token)),
};
