import type { SessionRecord } from '@mlsd/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireBearer } from '../auth.ts';
import { AppError } from '../errors.ts';
import { parseOrThrow } from '../validation.ts';

export const IdParams = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, 'ids are the letters, digits and dashes returned by POST /api/sessions'),
});

/** The session named in the URL, after checking the bearer token: 404 before 401. */
export async function authorizedSession(
  app: FastifyInstance,
  request: FastifyRequest,
): Promise<SessionRecord> {
  const { id } = parseOrThrow(IdParams, request.params, 'session id');
  const record = await app.store.sessions.get(id);
  if (!record)
    throw new AppError('SESSION_NOT_FOUND', `no session ${id}; see GET /api/sessions for the list`);
  requireBearer(request.headers.authorization, record.tokenHash);
  return record;
}
