import { createHash, timingSafeEqual } from 'node:crypto';
import { ACCESS_KEY_HEADER, type AccessMode, OWNER_HEADER, OwnerKey } from '@mlsd/protocol';
import type { FastifyRequest } from 'fastify';
import { hashToken } from './auth.ts';
import { AppError } from './errors.ts';

/**
 * Who may create and list: the server's access passphrase (`MLSD_ACCESS_KEY`, off by default) and
 * the owner that sessions belong to: the browser's owner key, or, behind an authenticating proxy
 * (`MLSD_USER_HEADER`), the user the proxy names. Seat tokens are checked elsewhere (auth.ts); a
 * seat link never needs any of these.
 */
export interface Access {
  mode: AccessMode;
  /** Throws ACCESS_KEY_REQUIRED unless the server is open or the request carries its passphrase. */
  requireKey(request: FastifyRequest): void;
  /** The sha256 of whoever the request speaks for, or null when it names nobody (a browser without a key). */
  ownerOf(request: FastifyRequest): string | null;
  /** Like `ownerOf`, for requests that mean nothing without one (listing a history). */
  requireOwner(request: FastifyRequest): string;
}

/** Users named by an authenticating reverse proxy, trusted only from the proxy's own addresses. */
export interface ProxyUsers {
  /** Lower-case header name, e.g. `x-forwarded-user` or `remote-user`. */
  header: string;
  /** Addresses the proxy connects from (the TCP peer, not a forwarded header). */
  proxies: ReadonlySet<string>;
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

export function createAccess(key: string | null, users: ProxyUsers | null = null): Access {
  const owners = users ? proxyOwners(users) : { ownerOf: ownerHashOf, requireOwner: requireOwnerHash };
  if (key === null) return { mode: 'open', requireKey: () => undefined, ...owners };
  const expected = digest(key);
  return {
    mode: 'key',
    ...owners,
    requireKey(request) {
      const given = request.headers[ACCESS_KEY_HEADER];
      // Digests have one length, so the comparison takes the same time for every wrong guess.
      if (typeof given === 'string' && timingSafeEqual(digest(given), expected)) return;
      throw new AppError(
        'ACCESS_KEY_REQUIRED',
        given === undefined
          ? `this server asks for its access passphrase: send it in the ${ACCESS_KEY_HEADER} header (the web app asks for it once)`
          : `that access passphrase is not this server's; ask whoever runs it for the passphrase set in MLSD_ACCESS_KEY`,
      );
    },
  };
}

/** The sha256 of the request's owner key, or null when it sent none; a malformed key is refused. */
export function ownerHashOf(request: FastifyRequest): string | null {
  const given = request.headers[OWNER_HEADER];
  if (given === undefined) return null;
  const parsed = OwnerKey.safeParse(given);
  if (!parsed.success) {
    throw new AppError(
      'VALIDATION_FAILED',
      `the ${OWNER_HEADER} header is not an owner key: ${parsed.error.issues[0]?.message ?? 'malformed'}`,
    );
  }
  return hashToken(parsed.data);
}

/** Like `ownerHashOf`, for requests that mean nothing without one (listing a history). */
export function requireOwnerHash(request: FastifyRequest): string {
  const hash = ownerHashOf(request);
  if (hash !== null) return hash;
  throw new AppError(
    'VALIDATION_FAILED',
    `a history belongs to whoever created its sessions: send the ${OWNER_HEADER} header with the owner key the sessions were created with`,
  );
}

/**
 * Owners named by the proxy: "alice" owns what alice created, on any device, and sees nobody
 * else's. The header is believed only from the proxy's addresses, since anyone could send it; a
 * request that bypasses the proxy is refused rather than treated as anonymous.
 */
function proxyOwners(users: ProxyUsers): Pick<Access, 'ownerOf' | 'requireOwner'> {
  const requireOwner = (request: FastifyRequest): string => {
    // The TCP peer, not request.ip: with trusted proxies request.ip is the client behind them.
    const peer = request.socket.remoteAddress ?? '';
    if (!users.proxies.has(peer)) {
      throw new AppError(
        'FORBIDDEN',
        `this server takes users from its authenticating proxy only; connect through the proxy (${peer} is not one of MLSD_TRUSTED_PROXIES)`,
      );
    }
    const user = request.headers[users.header];
    if (typeof user !== 'string' || user.trim() === '' || user.length > 320) {
      throw new AppError(
        'UNAUTHORIZED',
        `the proxy did not say who you are (no ${users.header} header); sign in through it and try again`,
      );
    }
    return hashToken(`user:${user.trim()}`);
  };
  return { ownerOf: requireOwner, requireOwner };
}
