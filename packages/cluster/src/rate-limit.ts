import type { Redis } from 'ioredis';
import { clusterKeys, DEFAULT_PREFIX } from './keys.ts';

/**
 * The options that make `@fastify/rate-limit` count in Redis, so every instance shares one count
 * per address (its own RedisStore, fed this ioredis client). Spread them into the plugin's options
 * next to `max` and `timeWindow`. While Redis is unreachable requests pass (`skipOnError`):
 * limits are a guard against abuse, not worth an outage.
 */
export function redisRateLimitOptions(
  redis: Redis,
  options: { prefix?: string; skipOnError?: boolean } = {},
): { redis: Redis; nameSpace: string; skipOnError: boolean } {
  return {
    redis,
    nameSpace: clusterKeys(options.prefix ?? DEFAULT_PREFIX).rateLimit(),
    skipOnError: options.skipOnError ?? true,
  };
}
