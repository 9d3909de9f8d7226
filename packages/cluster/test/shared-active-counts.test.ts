import { expect, it } from 'vitest';
import { SharedActiveCounts } from '../src/index.ts';
import { eventually, useRedis } from './redis-setup.ts';

const redis = await useRedis();

redis.describeRedis('SharedActiveCounts', () => {
  /** An instance whose running things per address are the map the test changes. */
  const instance = (
    instanceId: string,
    prefix: string,
    options: { ttlMs?: number; heartbeatMs?: number } = {},
  ) => {
    const running = new Map<string, number>();
    const client = redis.client();
    const counts = new SharedActiveCounts(client, {
      instanceId,
      name: 'solo',
      prefix,
      local: () => running,
      ...options,
    });
    redis.defer(() => counts.close().catch(() => {}));
    /** What the caller does: count the new one here, then ask. */
    const start = async (address: string, max: number) => {
      const here = (running.get(address) ?? 0) + 1;
      const verdict = await counts.admit(address, here, max);
      if (verdict.ok) running.set(address, here);
      return verdict;
    };
    return { counts, running, start, client };
  };

  it('caps one address across instances, each counting its own at once', async () => {
    const prefix = redis.prefix();
    const [a, b] = [instance('a', prefix), instance('b', prefix)];
    expect(await a.start('10.0.0.1', 3)).toEqual({ ok: true, count: 1 });
    expect(await b.start('10.0.0.1', 3)).toEqual({ ok: true, count: 2 });
    expect(await a.start('10.0.0.1', 3)).toEqual({ ok: true, count: 3 });
    expect(await b.start('10.0.0.1', 3)).toEqual({ ok: false, count: 3 });
    // Another address is counted apart.
    expect(await b.start('10.0.0.2', 3)).toEqual({ ok: true, count: 1 });
    // One of b's ends: b knows at once, a learns it at b's next heartbeat.
    b.running.set('10.0.0.1', 0);
    expect(await b.start('10.0.0.1', 3)).toEqual({ ok: true, count: 3 });
    a.running.set('10.0.0.1', 1);
    expect(await b.start('10.0.0.1', 3)).toEqual({ ok: false, count: 3 });
    await a.counts.heartbeat();
    expect(await b.start('10.0.0.1', 3)).toEqual({ ok: true, count: 3 });
  });

  it('gives the last place to exactly one of two instances asking at once', async () => {
    const prefix = redis.prefix();
    const [a, b] = [instance('a', prefix), instance('b', prefix)];
    await a.start('10.0.0.1', 2);
    const verdicts = await Promise.all([a.start('10.0.0.1', 2), b.start('10.0.0.1', 2)]);
    expect(verdicts.filter((verdict) => verdict.ok)).toHaveLength(1);
  });

  it("forgets a dead instance's counts once its heartbeat stops, and writes its own again after a loss", async () => {
    const prefix = redis.prefix();
    const a = instance('a', prefix, { ttlMs: 600, heartbeatMs: 150 });
    const dying = instance('b', prefix, { ttlMs: 600, heartbeatMs: 150 });
    await dying.start('10.0.0.1', 1);
    // Still counted while b's heartbeat goes on, past the TTL.
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(await a.start('10.0.0.1', 1)).toMatchObject({ ok: false });
    // b dies without closing: its counts expire.
    dying.client.disconnect();
    await eventually(async () => (await a.start('10.0.0.1', 1)).ok);
    // Redis restarted empty: a's next heartbeat writes what it runs again.
    await redis.client().flushall();
    const c = instance('c', prefix);
    expect(await c.start('10.0.0.1', 1)).toMatchObject({ ok: true });
    c.running.clear();
    await a.counts.heartbeat();
    expect(await c.start('10.0.0.1', 1)).toMatchObject({ ok: false, count: 1 });
  });
});
