import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

/** A new seat token: 32 random bytes, base64url. Only its hash is stored. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

/** Compares a presented token with a stored hash in constant time (both sides are fixed-length digests). */
export function tokenMatches(token: string | undefined, storedHash: string): boolean {
  if (!token) return false;
  const given = createHash('sha256').update(token, 'utf8').digest();
  const stored = Buffer.from(storedHash, 'base64url');
  return stored.length === given.length && timingSafeEqual(given, stored);
}

const UNAUTHORIZED =
  'this needs the session token: send "Authorization: Bearer <token>" with the token from POST /api/sessions';

/** Reads `Authorization: Bearer <token>`; throws one message for missing and wrong tokens alike. */
export function requireBearer(header: string | undefined, storedHash: string): void {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!tokenMatches(match?.[1], storedHash)) throw new AppError('UNAUTHORIZED', UNAUTHORIZED);
}

/** The token of `Authorization: Bearer <token>`; a missing one is refused exactly like a wrong one. */
export function bearerToken(request: FastifyRequest, unauthorized: string): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  if (!match?.[1]) throw new AppError('UNAUTHORIZED', unauthorized);
  return match[1];
}
