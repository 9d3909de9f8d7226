import {
  ApiError,
  type CreatePeerRoomBody,
  CreatePeerRoomResponse,
  PeerReport,
  PeerRoomInfo,
} from '@mlsd/protocol';
import type { z } from 'zod';
import { ApiRequestError } from '../api.ts';

async function request<T>(path: string, schema: z.ZodType<T>, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiRequestError(
      0,
      'NETWORK',
      'The server is not answering. Check that it is running, then retry.',
    );
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = ApiError.safeParse(body);
    throw error.success
      ? new ApiRequestError(response.status, error.data.code, error.data.message)
      : new ApiRequestError(response.status, 'HTTP', `The server answered ${response.status}.`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new ApiRequestError(response.status, 'BAD_RESPONSE', `Unexpected reply from ${path}.`);
  return parsed.data;
}

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
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
