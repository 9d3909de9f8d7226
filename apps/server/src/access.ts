import { createHash, timingSafeEqual } from 'node:crypto';
import { ACCESS_KEY_HEADER, type AccessMode, OWNER_HEADER, OwnerKey } from '@mlsd/protocol';
import type { FastifyRequest } from 'fastify';
import { hashToken } from './auth.ts';
import { AppError } from './errors.ts';

/**
 * Who may create and list: the server's access passphrase (`MLSD_ACCESS_KEY`, off by default) and
 * the owner key that ties sessions to the browser that created them. Seat tokens are checked
 * elsewhere (auth.ts); a seat link never needs either of these.
 */
export interface Access {
  mode: AccessMode;
  /** Throws ACCESS_KEY_REQUIRED unless the server is open or the request carries its passphrase. */
  requireKey(request: FastifyRequest): void;
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

export function createAccess(key: string | null): Access {
  if (key === null) return { mode: 'open', requireKey: () => undefined };
  const expected = digest(key);
  return {
    mode: 'key',
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
