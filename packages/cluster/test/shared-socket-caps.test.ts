import { expect, it } from 'vitest';
import { type SharedAdmission, SharedSocketCaps } from '../src/index.ts';
import { eventually, useRedis } from './redis-setup.ts';

const redis = await useRedis();

redis.describeRedis('SharedSocketCaps', () => {
  const caps = (
    instanceId: string,
    prefix: string,
    options: { ttlMs?: number; heartbeatMs?: number } = {},
  ) => {
    const instance = new SharedSocketCaps(redis.client(), {
      instanceId,
      prefix,
      perAddress: 3,
      total: 5,
      ...options,
    });
    redis.defer(() => instance.close().catch(() => {}));
    return instance;
  };
  const ok = (admission: SharedAdmission) => {
    if (!admission.ok) throw new Error(`refused: ${admission.limit}`);
    return admission;
  };

  it('counts one address and the total across two instances', async () => {
    const prefix = redis.prefix();
    const [a, b] = [caps('a', prefix), caps('b', prefix)];
    const first = ok(await a.admit('10.0.0.1'));
    ok(await b.admit('10.0.0.1'));
    ok(await a.admit('10.0.0.1'));
    expect(await b.admit('10.0.0.1')).toEqual({ ok: false, limit: 'address', count: 3 });
    // Closing one frees a place on either instance.
    await first.release();
    await first.release();
    ok(await b.admit('10.0.0.1'));
    ok(await a.admit('10.0.0.2'));
    ok(await b.admit('10.0.0.3'));
    expect(await a.admit('10.0.0.4')).toEqual({ ok: false, limit: 'total', count: 5 });
  });

  it("forgets a dead instance's sockets once its heartbeat stops", async () => {
    const prefix = redis.prefix();
    const a = caps('a', prefix, { ttlMs: 600, heartbeatMs: 150 });
    const dyingClient = redis.client();
    const dying = new SharedSocketCaps(dyingClient, {
      instanceId: 'b',
      prefix,
      perAddress: 3,
      total: 5,
      ttlMs: 600,
      heartbeatMs: 150,
    });
    for (let i = 0; i < 3; i += 1) ok(await dying.admit('10.0.0.1'));
    expect(await a.admit('10.0.0.1')).toMatchObject({ ok: false, limit: 'address' });
    // Still counted while b's heartbeat goes on.
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(await a.admit('10.0.0.1')).toMatchObject({ ok: false, limit: 'address' });
    // b dies without closing: its connection drops and its heartbeat no longer reaches Redis.
    dyingClient.disconnect();
    redis.defer(() => dying.close().catch(() => {}));
    await eventually(async () => (await a.admit('10.0.0.1')).ok);
  });

  it('writes its counts again when its hash was lost while it lived (Redis restarted empty)', async () => {
    const prefix = redis.prefix();
    const [a, b] = [caps('a', prefix), caps('b', prefix)];
    for (let i = 0; i < 3; i += 1) ok(await a.admit('10.0.0.1'));
    await redis.client().flushall();
    await a.heartbeat();
    expect(await b.admit('10.0.0.1')).toEqual({ ok: false, limit: 'address', count: 3 });
  });
});
