import type { Db } from '@mlsd/db';
import type { LlmConfig } from '@mlsd/llm';
import { MAX_FRAME_BYTES } from '@mlsd/protocol';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { createAccess, type ProxyUsers } from './access.ts';
import { type Clock, systemClock } from './clock.ts';
import { installErrorHandler } from './errors.ts';
import { type Hardening, resolveHardening } from './hardening.ts';
import dbPlugin from './plugins/db.ts';
import llmPlugin from './plugins/llm.ts';
import { RequestLog } from './plugins/request-log.ts';
import roomsPlugin from './plugins/rooms.ts';
import rubricsPlugin from './plugins/rubrics.ts';
import { registerSecurity } from './plugins/security.ts';
import { registerWeb } from './plugins/web.ts';
import type { PeerScorer } from './rooms/peer/types.ts';
import type { SessionBrains } from './rooms/solo/brains.ts';
import { withModel } from './rooms/solo/model-brains.ts';
import { createBrains } from './rooms/solo/offline-brains.ts';
import { apiRoutes } from './routes/api.ts';
import { observerRoutes } from './routes/observers.ts';
import { peerRoutes } from './routes/peer.ts';
import { shareRoutes } from './routes/shares.ts';
import { socketRoutes } from './transport/ws/route.ts';

export interface AppOptions {
  /**
   * Where the data lives, opened and closed by the app: a SQLite file path, or a postgres:// or
   * postgresql:// URL. Or an open SQLite database (the caller closes it).
   */
  db: string | Db;
  /** The rubrics directory: framework.yaml and cases/. */
  rubricsDir: string;
  /** Defaults to the system clock. */
  clock?: Clock;
  /** Fastify's logger option; defaults to off. */
  logger?: FastifyServerOptions['logger'];
  /** The built web app to serve (apps/web/dist); omitted or missing: API only. */
  webDistDir?: string;
  /** Development mode: rubric hot reload. */
  dev?: boolean;
  /** Replaces the offline interviewer and scorer (tests). */
  brains?: SessionBrains;
  /**
   * The language-model endpoint (from `readEnv().llm`); omitted or null config: offline only.
   * `problem` says why the settings were refused, for the log and the home page.
   */
  llm?: { config: LlmConfig | null; problem?: string | null };
  /** Replaces the peer rooms' automatic scorer (tests). */
  peerScorer?: PeerScorer;
  /** Origins, rate limits, heartbeat and socket buffer caps; defaults in hardening.ts. */
  hardening?: Partial<Hardening>;
  /** The access passphrase (`MLSD_ACCESS_KEY`); omitted or null: an open server. */
  accessKey?: string | null;
  /** Users named by an authenticating proxy; omitted: sessions belong to browsers' owner keys. */
  proxyUsers?: ProxyUsers;
}

/** Builds the whole server without listening: plugins, REST under /api, the socket at /ws, the web app. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const clock = options.clock ?? systemClock;
  const app = Fastify({
    logger: options.logger ?? false,
    // One line per request instead of two, at a level that depends on what it was.
    logController: new RequestLog(),
    bodyLimit: MAX_FRAME_BYTES,
  });
  const hardening = resolveHardening(options.hardening);
  await registerSecurity(app, hardening);
  const spa = await registerWeb(app, options.webDistDir);
  installErrorHandler(app, { spa });
  await app.register(dbPlugin, { db: options.db });
  await app.register(rubricsPlugin, { dir: options.rubricsDir, watch: options.dev ?? false });
  await app.register(llmPlugin, {
    config: options.llm?.config ?? null,
    problem: options.llm?.problem ?? null,
    clock,
  });
  const base = options.brains ?? createBrains();
  const brains = app.llm.model ? withModel(base, app.llm.model, app.log) : base;
  const limits = { maxActiveSessionsPerAddress: hardening.maxActiveSessionsPerAddress };
  await app.register(
    roomsPlugin,
    options.peerScorer
      ? { clock, brains, peerScorer: options.peerScorer, ...limits }
      : { clock, brains, ...limits },
  );
  const access = createAccess(options.accessKey ?? null, options.proxyUsers ?? null);
  await app.register(apiRoutes, { prefix: '/api', clock, access });
  await app.register(shareRoutes, { prefix: '/api', clock });
  await app.register(peerRoutes, { prefix: '/api/peer', access });
  await app.register(observerRoutes, { prefix: '/api/rooms', clock });
  await app.register(socketRoutes, { clock, hardening });
  return app;
}
