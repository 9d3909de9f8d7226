import { type PeerRoute, parsePeerRoute, peerHref, ROOM_ID, SEAT_TOKEN } from './peer/peer-routes.ts';

/** The app's pages, parsed from and rendered to the location hash (no server fallback needed). */
export type Route =
  | { name: 'home'; caseId?: string }
  | { name: 'history' }
  /** Study modes: trade-off drills (one card open, or the deck), spaced review, drawing a case from memory. */
  | { name: 'drills'; cardId?: string }
  | { name: 'review' }
  | { name: 'draw'; caseId: string }
  | { name: 'room'; sessionId: string }
  | { name: 'report'; sessionId: string }
  | PeerRoute
  /** A read-only watch link to any room, solo or peer: the observer token lives only in the hash. */
  | { name: 'watch'; roomId: string; token: string }
  /** A read-only copy of a solo report, shared by its owner: the share token lives only in the hash. */
  | { name: 'shared'; token: string }
  | { name: 'not-found'; path: string };

const SESSION_ID = /^[A-Za-z0-9_-]{1,64}$/;
const CASE_ID = /^[A-Za-z0-9_-]{1,80}$/;

/** Reads a route from `location.hash` ("#/room/abc"); anything unknown is `not-found`. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'home' };
  const start = /^\/start\/([^/]+)$/.exec(path);
  if (start) {
    const caseId = safeDecode(start[1] ?? '');
    if (caseId !== null && CASE_ID.test(caseId)) return { name: 'home', caseId };
  }
  if (path === '/history') return { name: 'history' };
  const study = parseStudyRoute(path);
  if (study) return study;
  const match = /^\/(room|report)\/([^/]+)$/.exec(path);
  if (match) {
    const [, page, rawId] = match;
    const sessionId = safeDecode(rawId ?? '');
    if (sessionId !== null && SESSION_ID.test(sessionId)) {
      return page === 'room' ? { name: 'room', sessionId } : { name: 'report', sessionId };
    }
  }
  const peer = parsePeerRoute(path);
  if (peer) return peer;
  const watch = /^\/watch\/([^/]+)\/([^/]+)$/.exec(path);
  if (watch) {
    const [, roomId = '', token = ''] = watch;
    if (ROOM_ID.test(roomId) && SEAT_TOKEN.test(token)) return { name: 'watch', roomId, token };
  }
  const shared = /^\/shared\/([^/]+)$/.exec(path);
  if (shared && SEAT_TOKEN.test(shared[1] ?? '')) return { name: 'shared', token: shared[1] ?? '' };
  return { name: 'not-found', path };
}

/** The hash link for a route. */
export function href(route: Exclude<Route, { name: 'not-found' }>): string {
  switch (route.name) {
    case 'home':
      return route.caseId ? `#/start/${encodeURIComponent(route.caseId)}` : '#/';
    case 'history':
      return '#/history';
    case 'drills':
      return route.cardId ? `#/drills/${encodeURIComponent(route.cardId)}` : '#/drills';
    case 'review':
      return '#/review';
    case 'draw':
      return `#/draw/${encodeURIComponent(route.caseId)}`;
    case 'room':
      return `#/room/${encodeURIComponent(route.sessionId)}`;
    case 'report':
      return `#/report/${encodeURIComponent(route.sessionId)}`;
    case 'peer':
      return peerHref(route);
    case 'watch':
      return `#/watch/${encodeURIComponent(route.roomId)}/${encodeURIComponent(route.token)}`;
    case 'shared':
      return `#/shared/${encodeURIComponent(route.token)}`;
  }
}

/** The full address of an app route on this page: origin and path, then the hash route. */
export function pageLink(
  path: string,
  location: Pick<Location, 'origin' | 'pathname'> = window.location,
): string {
  return `${location.origin}${location.pathname}${path.startsWith('#') ? path : `#${path}`}`;
}

function parseStudyRoute(path: string): Route | null {
  if (path === '/drills') return { name: 'drills' };
  if (path === '/review') return { name: 'review' };
  const match = /^\/(drills|draw)\/([^/]+)$/.exec(path);
  const id = match ? safeDecode(match[2] ?? '') : null;
  if (!match || id === null || !CASE_ID.test(id)) return null;
  return match[1] === 'drills' ? { name: 'drills', cardId: id } : { name: 'draw', caseId: id };
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
