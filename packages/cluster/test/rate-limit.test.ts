import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { expect, it } from 'vitest';
import { redisRateLimitOptions } from '../src/index.ts';
import { useRedis } from './redis-setup.ts';

const redis = await useRedis();

redis.describeRedis('redisRateLimitOptions', () => {
  const app = async (prefix: string): Promise<FastifyInstance> => {
    const instance = Fastify();
    await instance.register(rateLimit, {
      max: 5,
      timeWindow: 60_000,
      ...redisRateLimitOptions(redis.client(), { prefix }),
    });
    instance.get('/api/ping', async () => ({ ok: true }));
    instance.get('/api/strict', { config: { rateLimit: { max: 2, timeWindow: 60_000 } } }, async () => ({
      ok: true,
    }));
    await instance.ready();
    redis.defer(() => instance.close());
    return instance;
  };
  const hit = (instance: FastifyInstance, url: string, ip = '10.0.0.1') =>
    instance.inject({ method: 'GET', url, remoteAddress: ip }).then((response) => response.statusCode);

  it('shares one count per address between two instances', async () => {
    const prefix = redis.prefix();
    const [a, b] = [await app(prefix), await app(prefix)];
    const codes = [];
    for (let i = 0; i < 6; i += 1) codes.push(await hit(i % 2 === 0 ? a : b, '/api/ping'));
    expect(codes).toEqual([200, 200, 200, 200, 200, 429]);
    expect(await hit(a, '/api/ping')).toBe(429);
    // Another address has its own count.
    expect(await hit(b, '/api/ping', '10.0.0.2')).toBe(200);
  });

  it("shares a route's own stricter limit too", async () => {
    const prefix = redis.prefix();
    const [a, b] = [await app(prefix), await app(prefix)];
    expect([await hit(a, '/api/strict'), await hit(b, '/api/strict'), await hit(a, '/api/strict')]).toEqual([
      200, 200, 429,
    ]);
  });

  it('keeps apart deployments with different prefixes', async () => {
    const [a, b] = [await app(redis.prefix()), await app(redis.prefix())];
    for (let i = 0; i < 5; i += 1) expect(await hit(a, '/api/ping')).toBe(200);
    expect(await hit(a, '/api/ping')).toBe(429);
    expect(await hit(b, '/api/ping')).toBe(200);
  });
});
