import { randomUUID } from 'node:crypto';
import type { ReportShareRecord } from '@mlsd/db';
import {
  type CreateShareResponse,
  type ReportShare,
  SHARES_PER_SESSION,
  type SharedReport,
} from '@mlsd/protocol';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { hashToken, newToken } from '../auth.ts';
import type { Clock } from '../clock.ts';
import { AppError } from '../errors.ts';
import { parseOrThrow } from '../validation.ts';
import { authorizedSession } from './authorized-session.ts';
import { sessionDetail } from './views.ts';

const ShareParams = z.object({ shareId: z.string().uuid('a share id from the list of this report’s links') });
const SharedParams = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'the token at the end of a read-only report link'),
});

const GONE =
  'this read-only report link does not open: its owner revoked it, or it was never made here; ask them for a new link';

const shareView = (share: ReportShareRecord): ReportShare => ({
  id: share.id,
  createdAt: share.createdAt,
  revokedAt: share.revokedAt,
});

/**
 * Read-only report links. Whoever holds the session's seat token (its owner) makes, lists and
 * revokes them; the link alone opens the report and transcript, never the seat.
 */
export async function shareRoutes(app: FastifyInstance, options: { clock: Clock }): Promise<void> {
  const { clock } = options;

  app.post(
    '/sessions/:id/shares',
    { config: { rateLimit: { max: 30, timeWindow: 60_000 } } },
    async (request, reply) => {
      const record = await authorizedSession(app, request);
      if (!(await app.store.sessions.report(record.id))) {
        throw new AppError(
          'REPORT_NOT_READY',
          'a report can be shared once it exists: finish or end the interview first',
        );
      }
      if ((await app.store.shares.liveCount(record.id)) >= SHARES_PER_SESSION) {
        throw new AppError(
          'RATE_LIMITED',
          `this report already has ${SHARES_PER_SESSION} live links; revoke one you no longer need, then make another`,
        );
      }
      const { token, hash } = newToken();
      const share = { id: randomUUID(), sessionId: record.id, tokenHash: hash, createdAt: clock.now() };
      await app.store.shares.create(share);
      const created: CreateShareResponse = {
        ...shareView({ ...share, revokedAt: null }),
        token,
        path: `#/shared/${token}`,
      };
      return reply.status(201).send(created);
    },
  );

  app.get('/sessions/:id/shares', async (request): Promise<ReportShare[]> => {
    const record = await authorizedSession(app, request);
    return (await app.store.shares.list(record.id)).map(shareView);
  });

  app.delete('/sessions/:id/shares/:shareId', async (request, reply) => {
    const record = await authorizedSession(app, request);
    const { shareId } = parseOrThrow(ShareParams, request.params, 'share id');
    if (!(await app.store.shares.revoke(record.id, shareId, clock.now()))) {
      throw new AppError(
        'NOT_FOUND',
        `this report has no link ${shareId}; see GET /api/sessions/${record.id}/shares`,
      );
    }
    return reply.status(204).send();
  });

  // The token is 256 random bits, so guessing is hopeless; the limit keeps a scanner cheap anyway.
  app.get(
    '/shared/:token',
    { config: { rateLimit: { max: 60, timeWindow: 60_000 } } },
    async (request): Promise<SharedReport> => {
      const { token } = parseOrThrow(SharedParams, request.params, 'report link');
      const share = await app.store.shares.byTokenHash(hashToken(token));
      if (!share || share.revokedAt !== null) throw new AppError('NOT_FOUND', GONE);
      const record = await app.store.sessions.get(share.sessionId);
      const stored = record && (await app.store.sessions.report(record.id));
      if (!record || !stored) throw new AppError('NOT_FOUND', GONE);
      const session = sessionDetail(
        record,
        stored.report,
        await app.store.sessions.transcript(record.id),
        app.rubrics.current,
        clock.now(),
      );
      return { session, report: stored.report };
    },
  );
}
