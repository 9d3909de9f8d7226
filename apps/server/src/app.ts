import type { Db } from '@mlsd/db';
import type { LlmConfig } from '@mlsd/llm';
import { MAX_FRAME_BYTES } from '@mlsd/protocol';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { createAccess, type ProxyUsers } from './access.ts';
import { type Clock, systemClock } from './clock.ts';
import type { ClusterTimings } from './cluster/cluster.ts';
import clusterPlugin from './cluster/plugin.ts';
import { connectRedis } from './cluster/redis.ts';
import { installErrorHandler } from './errors.ts';
import type { GroupCommitOptions } from './group-commit/group-commits.ts';
import { type Hardening, resolveHardening } from './hardening.ts';
import dbPlugin, { isPostgresUrl } from './plugins/db.ts';
import llmPlugin from './plugins/llm.ts';
import { RequestLog } from './plugins/request-log.ts';
import roomsPlugin from './plugins/rooms.ts';
import rubricsPlugin from './plugins/rubrics.ts';
import { registerSecurity } from './plugins/security.ts';
import { registerWeb } from './plugins/web.ts';
import { type ReadingSettings, readingBrains } from './reading-pool/pooled-brains.ts';
import type { PeerScorer } from './rooms/peer/types.ts';
import type { SessionBrains } from './rooms/solo/brains.ts';
import { withModel } from './rooms/solo/model-brains.ts';
import { apiRoutes } from './routes/api.ts';
import { observerRoutes } from './routes/observers.ts';
import { peerRoutes } from './routes/peer.ts';
import { shareRoutes } from './routes/shares.ts';
import { studyRoutes } from './routes/study.ts';
import { voiceRoutes } from './routes/voice.ts';
import { socketRoutes } from './transport/ws/route.ts';
import { NO_VOICE, type VoiceSettings } from './voice/settings.ts';

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
  /** Where candidate messages are read (`MLSD_READ_WORKERS`); omitted: on the server's own thread. */
  reading?: ReadingSettings;
  /** Group the solo rooms' SQLite commits of one event-loop turn into one transaction (default true). */
  groupCommits?: boolean | GroupCommitOptions;
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
  /**
   * Reverse proxies (addresses or CIDR ranges) whose `X-Forwarded-For` is believed, so per-address
   * limits count the users behind them (`MLSD_TRUSTED_PROXIES`). Omitted: the TCP peer is the client.
   */
  trustedProxies?: readonly string[];
  /**
   * A Redis URL (`REDIS_URL`): share rooms with other instances on the same PostgreSQL database.
   * Omitted: this process runs every room itself.
   */
  redisUrl?: string;
  /** Lease, forwarding and sweep timings when sharing rooms (tests shorten them). */
  clusterTimings?: Partial<ClusterTimings>;
  /** Speech-to-text and text-to-speech endpoints (`readEnv().voice`); omitted: none (the browser's own, if any). */
  voice?: VoiceSettings;
}

/** Builds the whole server without listening: plugins, REST under /api, the socket at /ws, the web app. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const clock = options.clock ?? systemClock;
  const app = Fastify({
    logger: options.logger ?? false,
    // One line per request instead of two, at a level that depends on what it was.
    logController: new RequestLog(),
    bodyLimit: MAX_FRAME_BYTES,
    ...(options.trustedProxies?.length ? { trustProxy: [...options.trustedProxies] } : {}),
  });
  const hardening = resolveHardening(options.hardening);
  if (options.redisUrl !== undefined && !(typeof options.db === 'string' && isPostgresUrl(options.db))) {
    throw new Error(
      'REDIS_URL needs DATABASE_URL: instances that share rooms through Redis cannot share a SQLite file. Set DATABASE_URL to a PostgreSQL server, or unset REDIS_URL.',
    );
  }
  // Connected first, so an unreachable Redis stops the start before anything else opens.
  const redis = options.redisUrl === undefined ? null : await connectRedis(options.redisUrl);
  await registerSecurity(app, hardening, redis);
  const spa = await registerWeb(app, options.webDistDir);
  installErrorHandler(app, { spa });
  await app.register(dbPlugin, { db: options.db });
  await app.register(clusterPlugin, {
    redis,
    sockets: { perAddress: hardening.maxSocketsPerAddress, total: hardening.maxSockets },
    ...(options.clusterTimings ? { timings: options.clusterTimings } : {}),
  });
  await app.register(rubricsPlugin, { dir: options.rubricsDir, watch: options.dev ?? false });
  await app.register(llmPlugin, {
    config: options.llm?.config ?? null,
    problem: options.llm?.problem ?? null,
    clock,
  });
  const base = options.brains ?? readingBrains(app, options.reading ?? { workers: 0 });
  const brains = app.llm.model ? withModel(base, app.llm.model, app.log) : base;
  const limits = {
    maxActiveSessionsPerAddress: hardening.maxActiveSessionsPerAddress,
    groupCommits: options.groupCommits ?? true,
  };
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
  await app.register(studyRoutes, { prefix: '/api', clock, access, rubricsDir: options.rubricsDir });
  await app.register(voiceRoutes, { prefix: '/api', voice: options.voice ?? NO_VOICE });
  await app.register(socketRoutes, { clock, hardening });
  return app;
}
