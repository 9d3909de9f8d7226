import { join } from 'node:path';
import { buildApp } from '../src/app.ts';
import { REPO_ROOT } from './helpers.ts';

/**
 * An app instance for two-process tests whose limits differ from `server.ts`'s defaults: the real
 * app on DATABASE_URL and REDIS_URL with at most MLSD_TEST_MAX_ACTIVE running solo interviews per
 * address, behind a trusted proxy on 127.0.0.1 (so a test names its client in X-Forwarded-For).
 * Started by `Instance.start(cappedLauncher(), env)`; it prints the line `ServerProcess` waits for.
 */
const app = await buildApp({
  db: process.env.DATABASE_URL ?? '',
  redisUrl: process.env.REDIS_URL,
  rubricsDir: join(REPO_ROOT, 'rubrics'),
  trustedProxies: ['127.0.0.1'],
  hardening: { maxActiveSessionsPerAddress: Number(process.env.MLSD_TEST_MAX_ACTIVE ?? 2) },
});
const url = await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
console.log(`mlsd-mock is running at ${url}`);
process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
