import { DEFAULT_MAX_BUFFERED_BYTES } from './transport/ws/backpressure.ts';
import type { OriginPolicy } from './transport/ws/origin.ts';

/** Limits that keep one client (or a stranger's page) from hurting the server or other sessions. */
export interface Hardening {
  /** Origins allowed to open the websocket besides the page's own (MLSD_ALLOWED_ORIGINS). */
  origins: OriginPolicy;
  /** Requests to /api and /ws per client address per window; false turns it off. Routes may set stricter ones. */
  restRateLimit: { max: number; windowMs: number } | false;
  /** Frames one socket may send: a burst of `capacity`, refilled at `perSecond`. */
  socketRate: { capacity: number; perSecond: number };
  /** Ping every socket this often; one that misses a ping is dropped at the next. */
  heartbeatMs: number;
  /** Unsent bytes one socket may have queued before it is dropped (a browser that stopped reading). */
  maxBufferedBytes: number;
  /** How long a shutdown waits for close handshakes before cutting sockets. */
  closeGraceMs: number;
}

/** What each socket connection needs of the limits. */
export type SocketLimits = Pick<Hardening, 'socketRate' | 'maxBufferedBytes'>;

export const DEFAULT_HARDENING: Hardening = {
  origins: { allowed: new Set(), any: false },
  // Generous: a person clicking around never meets it; a script hammering the API does.
  restRateLimit: { max: 600, windowMs: 60_000 },
  // Enough for a notes pad saving on every pause; a flood is refused, not queued.
  socketRate: { capacity: 120, perSecond: 20 },
  heartbeatMs: 30_000,
  maxBufferedBytes: DEFAULT_MAX_BUFFERED_BYTES,
  closeGraceMs: 2_000,
};

export function resolveHardening(overrides: Partial<Hardening> = {}): Hardening {
  return { ...DEFAULT_HARDENING, ...overrides };
}
