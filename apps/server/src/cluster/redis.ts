import { clusterRedisOptions } from '@mlsd/cluster';
import { Redis } from 'ioredis';

/** How long the first connection may take before the start is refused. */
const CONNECT_TIMEOUT_MS = 5_000;

/** The URL without its password, for messages and logs. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured URL';
  }
}

/**
 * The process's one Redis client, connected. A Redis that cannot be reached at start is an error
 * naming REDIS_URL, not an endless retry loop; once connected, ioredis reconnects on its own
 * (with a capped backoff) and commands wait for it or fail, never the process.
 */
export async function connectRedis(url: string, timeoutMs = CONNECT_TIMEOUT_MS): Promise<Redis> {
  let connected = false;
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    // Before the first connection: give up at once (the start reports it). After: keep trying.
    retryStrategy: (times) => (connected ? Math.min(times * 200, 2_000) : null),
    // A command issued while Redis is away fails after a few reconnect attempts instead of hanging.
    maxRetriesPerRequest: 2,
    // And one sent to a Redis that hangs with its connection open fails after a second: lease
    // renewals, owner lookups and the rate limit's counts go on or give up instead of waiting.
    ...clusterRedisOptions(),
  });
  // Without a listener ioredis prints every failed reconnect as an unhandled error.
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    connected = true;
    return redis;
  } catch (error) {
    redis.disconnect();
    throw new Error(
      `REDIS_URL: cannot reach Redis at ${redactRedisUrl(url)} (${(error as Error).message}). Start Redis or fix REDIS_URL, or unset it to run one instance on its own.`,
    );
  }
}
