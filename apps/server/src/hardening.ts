import { type HostPolicy, LOCAL_HOSTS } from './transport/hosts.ts';
import { DEFAULT_MAX_BUFFERED_BYTES } from './transport/ws/backpressure.ts';
import type { OriginPolicy } from './transport/ws/origin.ts';

/** Limits that keep one client (or a stranger's page) from hurting the server or other sessions. */
export interface Hardening {
  /** Origins allowed to open the websocket besides the page's own (MLSD_ALLOWED_ORIGINS). */
  origins: OriginPolicy;
  /** Host names the server answers to (MLSD_ALLOWED_HOSTS and the listen address); others get 421. */
  hosts: HostPolicy;
  /** Requests to /api and /ws per client address per window; false turns it off. Routes may set stricter ones. */
  restRateLimit: { max: number; windowMs: number } | false;
  /** Frames one socket may send: a burst of `capacity`, refilled at `perSecond`. */
  socketRate: { capacity: number; perSecond: number };
  /** Ping every socket this often; one that misses a ping is dropped at the next. */
  heartbeatMs: number;
  /** Unsent bytes one socket may have queued before it is dropped (a browser that stopped reading). */
  maxBufferedBytes: number;
  /** A socket that has not joined a room this long after opening is closed (1008). */
  helloTimeoutMs: number;
  /** Open sockets one remote address may hold at once; the next is closed with 1008. */
  maxSocketsPerAddress: number;
  /** Open sockets the server holds at once; the next is closed with 1013 (try again later). */
  maxSockets: number;
  /** Failed `hello`s one socket may send before it is closed (1008): guessing tokens costs a socket each few tries. */
  maxHelloAttempts: number;
  /** How long a shutdown waits for close handshakes before cutting sockets. */
  closeGraceMs: number;
  /** Solo interviews one address may have running at once; the next create answers 429. */
  maxActiveSessionsPerAddress: number;
}

/** What each socket connection needs of the limits. */
export type SocketLimits = Pick<
  Hardening,
  'socketRate' | 'maxBufferedBytes' | 'maxHelloAttempts' | 'helloTimeoutMs'
>;

export const DEFAULT_HARDENING: Hardening = {
  origins: { allowed: new Set(), any: false },
  hosts: LOCAL_HOSTS,
  // Generous: a person clicking around never meets it; a script hammering the API does.
  restRateLimit: { max: 600, windowMs: 60_000 },
  // Enough for a notes pad saving on every pause; a flood is refused, not queued.
  socketRate: { capacity: 120, perSecond: 20 },
  heartbeatMs: 30_000,
  maxBufferedBytes: DEFAULT_MAX_BUFFERED_BYTES,
  closeGraceMs: 2_000,
  // A browser needs one hello per socket (a few when a link is mistyped); a script guessing needs many.
  maxHelloAttempts: 10,
  // A browser says hello as soon as the socket opens; seconds are plenty even on a slow link.
  helloTimeoutMs: 10_000,
  // A household or classroom behind one NAT, a few tabs each; a script opening thousands is not that.
  maxSocketsPerAddress: 50,
  maxSockets: 2_000,
  // Interviews end on their own clock within an hour; fifty running at once is a classroom, not a person.
  maxActiveSessionsPerAddress: 50,
};

export function resolveHardening(overrides: Partial<Hardening> = {}): Hardening {
  return { ...DEFAULT_HARDENING, ...overrides };
}
