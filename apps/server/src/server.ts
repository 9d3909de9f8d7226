import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import { acquireDataLock, type DataLock } from './data-lock.ts';
import { startRetention } from './data-retention.ts';
import { type DataSettings, readDataSettings } from './data-settings.ts';
import { readEnv, type ServerEnv } from './env.ts';
import { lanUrls } from './lan-urls.ts';
import { readingSettingsFor } from './reading-pool/on-demand.ts';
import { warmCases, warmFactIndexes } from './warm.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** A data directory, rubric or database problem: say it plainly and refuse to start. */
function cannotStart(error: unknown): never {
  process.stderr.write(
    `mlsd-mock cannot start:\n${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}

let env: ServerEnv;
try {
  env = readEnv();
} catch (error) {
  cannotStart(error);
}
let data: DataSettings;
try {
  data = readDataSettings();
} catch (error) {
  cannotStart(error);
}
// readEnv only reads the environment; creating the data directory is the start's job, done just
// before the database file inside it is opened (so a first `pnpm start` makes ./data).
// With DATABASE_URL the data lives in PostgreSQL: no directory, and no lock either, because
// PostgreSQL keeps its own consistency between connections.
let lock: DataLock | null = null;
if (env.databaseUrl === undefined) {
  try {
    mkdirSync(env.dataDir, { recursive: true });
  } catch (error) {
    cannotStart(new Error(`cannot create the data directory: ${(error as Error).message}`));
  }
  // Before the database opens: a second server on the same files would corrupt live sessions.
  try {
    lock = acquireDataLock(env.dataDir);
  } catch (error) {
    cannotStart(error);
  }
  // Every exit path (a refused start, shutdown, a crash that still runs exit handlers) frees it;
  // kill -9 leaves it behind, and the next start takes over a lock whose process is gone.
  process.on('exit', () => lock?.release());
}
const app = await buildApp({
  db: env.databaseUrl ?? join(env.dataDir, 'mlsd.sqlite'),
  rubricsDir: env.rubricsDir ?? join(repoRoot, 'rubrics'),
  webDistDir: join(repoRoot, 'apps/web/dist'),
  dev: env.dev,
  hardening: { origins: env.allowedOrigins, hosts: env.allowedHosts },
  llm: env.llm,
  accessKey: env.accessKey,
  // Workers start once the server listens (`auto`: once enough sessions are live), and answers are
  // read here until they are warm.
  reading: readingSettingsFor(env.readWorkers, env.readWorkersAt, availableParallelism()),
  voice: env.voice,
  ...(env.proxyUsers ? { proxyUsers: env.proxyUsers } : {}),
  ...(env.trustedProxies ? { trustedProxies: env.trustedProxies } : {}),
  ...(env.redisUrl ? { redisUrl: env.redisUrl } : {}),
  logger: { level: env.dev ? 'debug' : 'info' },
}).catch(cannotStart);

// Off unless MLSD_RETENTION_DAYS is set: deleting someone's history is never a default.
const stopRetention =
  data.retentionDays === null
    ? () => undefined
    : startRetention(app.store, data.retentionDays, Date.now, {
        info: (message) => app.log.info(message),
        error: (message) => app.log.error(message),
      });

/** A shutdown that hangs (a stuck socket, a slow disk) must not keep a restart waiting forever. */
const SHUTDOWN_DEADLINE_MS = 10_000;

let closing = false;
async function shutdown(signal: string): Promise<void> {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  setTimeout(() => {
    app.log.error('shutdown took too long; exiting without waiting further');
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS).unref();
  stopRetention();
  try {
    // Stops accepting, closes sockets with 1012 (reconnect), stops session timers and waits for
    // in-flight commits, then closes the database.
    await app.close();
    process.exit(0);
  } catch (error) {
    app.log.error({ err: error }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

// Before listening: the first answer of a case must not compile its matcher while every other
// session waits behind it (warm.ts).
app.log.info(await warmCases(app.rubrics.current), 'every case is ready');

try {
  await app.listen({ port: env.port, host: env.host });
} catch (error) {
  app.log.error({ err: error }, 'cannot listen');
  process.stderr.write(
    `mlsd-mock cannot listen on ${env.host}:${env.port}: ${(error as Error).message}\nSet PORT to use another port.\n`,
  );
  await app.close();
  process.exit(1);
}
// Fact indexes (a case's first question) are built just after, one case per event-loop turn.
void warmFactIndexes(app.rubrics.current).catch((error: unknown) =>
  app.log.warn({ err: error }, 'warming the fact indexes failed; each is built on its first question'),
);
const shownHost = env.host.includes(':') ? `[${env.host}]` : env.host;
process.stdout.write(`mlsd-mock is running at http://${shownHost}:${env.port}\n`);
// 0.0.0.0 is not an address anyone can open: name the ones a friend on the network can.
const lan = lanUrls(app.server.address());
if (lan.length > 0 && lan[0] !== `http://${shownHost}:${env.port}`) {
  process.stdout.write(`On your network: ${lan.join(', ')}\n`);
}
// On a LAN address without a passphrase, anyone who can reach the port may start sessions and
// peer rooms (and so read any case's answer key). Fine for a trusted network; say it plainly.
if (env.accessKey === null && !['127.0.0.1', 'localhost', '::1'].includes(env.host)) {
  process.stdout.write(
    `Anyone who can reach ${shownHost}:${env.port} can start interviews and peer rooms. ` +
      'Set MLSD_ACCESS_KEY to a passphrase to require it (seat links keep working without it); see docs/security.md.\n',
  );
}
