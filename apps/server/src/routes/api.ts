import {
  ClaimSessionsBody,
  type ClaimSessionsResponse,
  CreateSessionBody,
  type HealthResponse,
  SESSIONS_NEXT_HEADER,
  SessionListQuery,
} from '@mlsd/protocol';
import type { FastifyInstance } from 'fastify';
import type { Access } from '../access.ts';
import { tokenMatches } from '../auth.ts';
import type { Clock } from '../clock.ts';
import { storeHealth } from '../data-health.ts';
import { AppError } from '../errors.ts';
import { lanUrls } from '../lan-urls.ts';
import { parseOrThrow } from '../validation.ts';
import { authorizedSession } from './authorized-session.ts';
import { sessionDetail, sessionSummary } from './views.ts';

/** The REST API under /api. */
export async function apiRoutes(
  app: FastifyInstance,
  options: { clock: Clock; access: Access },
): Promise<void> {
  const { clock, access } = options;

  app.get('/health', async (_request, reply) => {
    // A read that works proves little: a read-only file or a full disk still answers `select 1`
    // while every answer fails to commit. Health proves a write and, on SQLite, looks at free
    // space (PostgreSQL's disk is its server's: there the write check is the whole verdict).
    const data = await storeHealth(app.store);
    // A model that does not answer leaves the server healthy: sessions run offline.
    const llm = await app.llm.status();
    const body: HealthResponse = {
      ok: data.ok,
      interviewer: llm.ready ? 'llm' : 'offline',
      llm,
      db: data.ok ? 'ok' : 'error',
      ...(data.detail ? { dbDetail: data.detail } : {}),
      ...(data.disk ? { disk: data.disk } : {}),
      access: access.mode,
    };
    // For a page opened at 127.0.0.1: the address to put in links a friend on another machine opens.
    const lan = lanUrls(app.server.address());
    if (lan.length > 0) body.lanUrls = lan;
    return reply.status(data.ok ? 200 : 503).send(body);
  });

  app.get('/cases', async () => app.rubrics.caseSummaries());

  // Creating a session writes to disk and starts a timer; a runaway client should not fill the disk.
  app.post(
    '/sessions',
    { config: { rateLimit: { max: 30, timeWindow: 60_000 } } },
    async (request, reply) => {
      access.requireKey(request);
      const body = parseOrThrow(CreateSessionBody, request.body ?? {}, 'session request');
      const created = await app.sessions.create(body, {
        address: request.ip,
        ownerHash: access.ownerOf(request),
      });
      return reply.status(201).send(created);
    },
  );

  // Paged: a history of thousands of sessions must not be one reply. The body stays the array it
  // always was; the next page's cursor travels in a header, so older clients keep working.
  // A history is one owner's: sessions created with another owner key, or none, are not listed.
  app.get('/sessions', async (request, reply) => {
    access.requireKey(request);
    const ownerHash = access.requireOwner(request);
    const query = parseOrThrow(SessionListQuery, request.query ?? {}, 'session list query');
    const page = await app.store.sessions.page({
      ownerHash,
      limit: query.limit,
      before: query.before ?? null,
    });
    if (page.next) {
      reply.header(SESSIONS_NEXT_HEADER, page.next);
      reply.header('link', `</api/sessions?limit=${query.limit}&before=${page.next}>; rel="next"`);
    }
    return page.items.map(sessionSummary);
  });

  // Sessions from before owners existed belong to no history until a holder of the seat token
  // claims them; a wrong token or an unknown id claims nothing and says nothing about which.
  app.post(
    '/sessions/claim',
    { config: { rateLimit: { max: 30, timeWindow: 60_000 } } },
    async (request): Promise<ClaimSessionsResponse> => {
      access.requireKey(request);
      const ownerHash = access.requireOwner(request);
      const body = parseOrThrow(ClaimSessionsBody, request.body ?? {}, 'claim request');
      let claimed = 0;
      for (const { id, token } of body.sessions) {
        const record = await app.store.sessions.get(id);
        if (
          record &&
          tokenMatches(token, record.tokenHash) &&
          (await app.store.sessions.claim(id, ownerHash))
        )
          claimed += 1;
      }
      return { claimed };
    },
  );

  app.get('/sessions/:id', async (request) => {
    const record = await authorizedSession(app, request);
    const report = (await app.store.sessions.report(record.id))?.report ?? null;
    return sessionDetail(
      record,
      report,
      await app.store.sessions.transcript(record.id),
      app.rubrics.current,
      clock.now(),
    );
  });

  app.get('/reports/:id', async (request) => {
    const record = await authorizedSession(app, request);
    const stored = await app.store.sessions.report(record.id);
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
