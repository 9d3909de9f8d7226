import {
  CreateSessionBody,
  type HealthResponse,
  SESSIONS_NEXT_HEADER,
  SessionListQuery,
} from '@mlsd/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireBearer } from '../auth.ts';
import type { Clock } from '../clock.ts';
import { dataHealth } from '../data-health.ts';
import { AppError } from '../errors.ts';
import { parseOrThrow } from '../validation.ts';
import { sessionDetail, sessionSummary } from './views.ts';

const IdParams = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, 'ids are the letters, digits and dashes returned by POST /api/sessions'),
});

/** The REST API under /api. */
export async function apiRoutes(app: FastifyInstance, options: { clock: Clock }): Promise<void> {
  const { clock } = options;

  /** The session named in the URL, after checking the bearer token: 404 before 401. */
  function authorizedSession(request: FastifyRequest) {
    const { id } = parseOrThrow(IdParams, request.params, 'session id');
    const record = app.db.sessions.get(id);
    if (!record)
      throw new AppError('SESSION_NOT_FOUND', `no session ${id}; see GET /api/sessions for the list`);
    requireBearer(request.headers.authorization, record.tokenHash);
    return record;
  }

  app.get('/health', async (_request, reply) => {
    // A read that works proves little: a read-only file or a full disk still answers `select 1`
    // while every answer fails to commit. Health proves a write and looks at free space.
    const data = dataHealth(app.db);
    // A model that does not answer leaves the server healthy: sessions run offline.
    const llm = await app.llm.status();
    const body: HealthResponse = {
      ok: data.ok,
      interviewer: llm.ready ? 'llm' : 'offline',
      llm,
      db: data.ok ? 'ok' : 'error',
      ...(data.detail ? { dbDetail: data.detail } : {}),
      ...(data.disk ? { disk: data.disk } : {}),
    };
    return reply.status(data.ok ? 200 : 503).send(body);
  });

  app.get('/cases', async () => app.rubrics.caseSummaries());

  // Creating a session writes to disk and starts a timer; a runaway client should not fill the disk.
  app.post(
    '/sessions',
    { config: { rateLimit: { max: 30, timeWindow: 60_000 } } },
    async (request, reply) => {
      const body = parseOrThrow(CreateSessionBody, request.body ?? {}, 'session request');
      const created = await app.sessions.create(body, request.ip);
      return reply.status(201).send(created);
    },
  );

  // Paged: a history of thousands of sessions must not be one reply. The body stays the array it
  // always was; the next page's cursor travels in a header, so older clients keep working.
  app.get('/sessions', async (request, reply) => {
    const query = parseOrThrow(SessionListQuery, request.query ?? {}, 'session list query');
    const page = app.db.sessions.page({ limit: query.limit, before: query.before ?? null });
    if (page.next) {
      reply.header(SESSIONS_NEXT_HEADER, page.next);
      reply.header('link', `</api/sessions?limit=${query.limit}&before=${page.next}>; rel="next"`);
    }
    return page.items.map(sessionSummary);
  });

  app.get('/sessions/:id', async (request) => {
    const record = authorizedSession(request);
    const report = app.db.sessions.report(record.id)?.report ?? null;
    return sessionDetail(
      record,
      report,
      app.db.sessions.transcript(record.id),
      app.rubrics.current,
      clock.now(),
    );
  });

  app.get('/reports/:id', async (request) => {
    const record = authorizedSession(request);
    const stored = app.db.sessions.report(record.id);
    if (!stored) {
      throw new AppError(
        'REPORT_NOT_READY',
        record.status === 'active'
          ? 'the interview is still running; the report is built when it ends'
          : 'the report for this session is not available',
      );
    }
    return stored.report;
  });
}
