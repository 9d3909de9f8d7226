/** A peer seat's page: the room and the seat token, both from the link (the token never leaves the hash). */
export type PeerRoute = { name: 'peer'; roomId: string; token: string; view: 'room' | 'report' };

/** A room id and a seat or observer token as they stand in a link (base64url, nothing to decode). */
export const ROOM_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const SEAT_TOKEN = /^[A-Za-z0-9_-]{16,256}$/;

/** Reads `#/peer/<room>/<token>` and `#/peer/<room>/<token>/report`; null for anything else. */
export function parsePeerRoute(path: string): PeerRoute | null {
  const match = /^\/peer\/([^/]+)\/([^/]+)(\/report)?$/.exec(path);
  if (!match) return null;
  const roomId = match[1] ?? '';
  const token = match[2] ?? '';
  if (!ROOM_ID.test(roomId) || !SEAT_TOKEN.test(token)) return null;
  return { name: 'peer', roomId, token, view: match[3] ? 'report' : 'room' };
}

export function peerHref(route: Omit<PeerRoute, 'name'>): string {
  const base = `#/peer/${encodeURIComponent(route.roomId)}/${encodeURIComponent(route.token)}`;
  return route.view === 'report' ? `${base}/report` : base;
}
