import { randomUUID } from 'node:crypto';
import type { Redis, RedisOptions } from 'ioredis';
import { afterAll, afterEach, describe } from 'vitest';
import { startRedisTestServer } from './redis-test-server.ts';

/**
 * One throwaway Redis per test file (stopped after it), `describe` or `describe.skip` with the
 * reason, and per test a fresh key prefix and clients that are closed after the test.
 */
export async function useRedis() {
  const started = await startRedisTestServer();
  const server = 'server' in started ? started.server : undefined;
  if (server) afterAll(() => server.stop());
  const suffix = server ? '' : ` (skipped: ${'skipped' in started ? started.skipped : ''})`;
  const describeRedis = (name: string, body: () => void) =>
    (server ? describe : describe.skip)(`${name}${suffix}`, body);

  let cleanup: (() => Promise<unknown> | unknown)[] = [];
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step();
    cleanup = [];
  });
  return {
    describeRedis,
    /** A new client (an instance's connection), closed after the test. */
    client(options?: RedisOptions): Redis {
      const client = server!.connect(options);
      cleanup.push(() => client.disconnect());
      return client;
    },
    /**
     * Runs `body` with the server stopped in its tracks (SIGSTOP: connections stay open, nothing
     * answers), and lets it go on afterwards whatever happened.
     */
    async frozen<T>(body: () => Promise<T>): Promise<T> {
      server!.freeze();
      try {
        return await body();
      } finally {
        server!.thaw();
      }
    },
    /** Runs after the test, before the clients close. */
    defer(step: () => Promise<unknown> | unknown) {
      cleanup.push(step);
    },
    /** A key prefix no other test uses. */
    prefix: () => `t-${randomUUID().slice(0, 8)}:`,
  };
}

/** Polls until `check` holds; fails after `ms` (a generous deadline, not a timing assertion). */
export async function eventually<T>(check: () => T | Promise<T>, ms = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
