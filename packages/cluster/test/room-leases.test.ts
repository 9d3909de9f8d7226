import { expect, it } from 'vitest';
import { type LeaseLossReason, RoomLeases } from '../src/index.ts';
import { eventually, useRedis } from './redis-setup.ts';

const redis = await useRedis();

redis.describeRedis('RoomLeases', () => {
  const instances = (
    ids: string[],
    options: { ttlMs?: number; renewEveryMs?: number; holdThroughOutage?: boolean } = {},
    manual: string[] = [],
  ) => {
    const prefix = redis.prefix();
    return ids.map((instanceId) => {
      const client = redis.client();
      const autoRenew = !manual.includes(instanceId);
      const leases = new RoomLeases(client, { instanceId, prefix, autoRenew, ...options });
      redis.defer(() => leases.close().catch(() => {}));
      return { client, leases };
    });
  };

  it('gives a room to exactly one of several contending instances', async () => {
    const all = instances(['a', 'b', 'c', 'd']);
    const results = await Promise.all(all.map(({ leases }) => leases.acquire('r1')));
    const winners = results.filter((lease) => lease !== null);
    expect(winners).toHaveLength(1);
    const winner = all[results.findIndex((lease) => lease !== null)]!;
    expect(await all[0]!.leases.holder('r1')).toEqual({
      instanceId: winner.leases.instanceId,
      token: winners[0]!.token,
    });
    // Another room is independent.
    expect(await all[0]!.leases.acquire('r2')).not.toBeNull();
  });

  it('keeps a renewed lease past its TTL, and hands it over at once on release', async () => {
    const [a, b] = instances(['a', 'b'], { ttlMs: 600, renewEveryMs: 150 });
    const lease = (await a!.leases.acquire('r'))!;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(lease.held).toBe(true);
    expect(await b!.leases.acquire('r')).toBeNull();
    await lease.release();
    expect(lease.held).toBe(false);
    const next = await b!.leases.acquire('r');
    expect(next?.token).toBeGreaterThan(lease.token);
  });

  it('lets another instance take the room within the TTL after the holder dies', async () => {
    const [a, b] = instances(['a', 'b'], { ttlMs: 1_000, renewEveryMs: 300 });
    const lease = (await a!.leases.acquire('r'))!;
    const lost: LeaseLossReason[] = [];
    lease.onLost((reason) => lost.push(reason));
    expect(await b!.leases.acquire('r')).toBeNull();
    // The holder's connection drops for good: it can no longer renew.
    a!.client.disconnect();
    const died = Date.now();
    const taken = await eventually(() => b!.leases.acquire('r'), 10_000);
    expect(taken.token).toBeGreaterThan(lease.token);
    // Not before the TTL (less a renewal interval: the last renewal may predate the drop).
    expect(Date.now() - died).toBeGreaterThanOrEqual(1_000 - 300 - 50);
    // The dead holder finds out on its own that the room is no longer its.
    await eventually(() => lost.length > 0);
    expect(lost).toEqual(['expired']);
    expect(lease.held).toBe(false);
  });

  it('refuses renewal and release to a stale holder, and fences it with a lower token', async () => {
    // The holder does not renew on its own: it is "paused" (a long GC, a stopped VM) past its TTL.
    const [a, b] = instances(['a', 'b'], { ttlMs: 300, renewEveryMs: 100 }, ['a']);
    const stale = (await a!.leases.acquire('r'))!;
    const lost: LeaseLossReason[] = [];
    stale.onLost((reason) => lost.push(reason));
    const fresh = await eventually(() => b!.leases.acquire('r'));
    expect(fresh.token).toBeGreaterThan(stale.token);
    expect(await stale.renew()).toBe(false);
    await stale.release();
    expect(await b!.leases.holder('r')).toEqual({ instanceId: 'b', token: fresh.token });
    expect(lost).toEqual(['expired']);
    expect(stale.held).toBe(false);
    expect(fresh.held).toBe(true);
  });

  it('numbers leases on a room in increasing order across instances and releases', async () => {
    const [a, b] = instances(['a', 'b']);
    const tokens: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const lease = (await (i % 2 === 0 ? a! : b!).leases.acquire('r'))!;
      tokens.push(lease.token);
      await lease.release();
    }
    expect(tokens).toEqual([...tokens].sort((x, y) => x - y));
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('returns the lease it already holds when asked again', async () => {
    const [a] = instances(['a']);
    const first = await a!.leases.acquire('r');
    expect(await a!.leases.acquire('r')).toBe(first);
    expect(a!.leases.held()).toEqual([first]);
  });

  it('holds a lease through an outage past its TTL when the store fences, and sets it again', async () => {
    // Paused past the TTL (no renewals), as when Redis could not be reached: the key expired.
    const [a] = instances(['a'], { ttlMs: 300, renewEveryMs: 100, holdThroughOutage: true }, ['a']);
    const lease = (await a!.leases.acquire('r'))!;
    const lost: LeaseLossReason[] = [];
    lease.onLost((reason) => lost.push(reason));
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await a!.leases.holder('r')).toBeNull();
    expect(lease.held).toBe(false);
    // Nobody acquired it meanwhile: the same lease, under the same token, is set again.
    expect(await lease.renew()).toBe(true);
    expect(lease.held).toBe(true);
    expect(await a!.leases.holder('r')).toEqual({ instanceId: 'a', token: lease.token });
    expect(lost).toEqual([]);
  });

  it('ends a held-through lease as taken when another instance acquired the room meanwhile', async () => {
    const options = { ttlMs: 300, renewEveryMs: 100, holdThroughOutage: true };
    const [a, b] = instances(['a', 'b'], options, ['a']);
    const stale = (await a!.leases.acquire('r'))!;
    const lost: LeaseLossReason[] = [];
    stale.onLost((reason) => lost.push(reason));
    const fresh = await eventually(() => b!.leases.acquire('r'));
    await fresh.release();
    // Released again, so the key is gone: the counter, not the key, tells that someone came between.
    expect(await stale.renew()).toBe(false);
    expect(lost).toEqual(['taken']);
    expect(await a!.leases.holder('r')).toBeNull();
  });

  it('keeps a held-through lease while Redis cannot be reached, without calling it lost', async () => {
    const [a] = instances(['a'], { ttlMs: 300, renewEveryMs: 100, holdThroughOutage: true });
    const lease = (await a!.leases.acquire('r'))!;
    const lost: LeaseLossReason[] = [];
    lease.onLost((reason) => lost.push(reason));
    a!.client.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(lease.held).toBe(false);
    expect(lost).toEqual([]);
  });

  it('hands out tokens above a floor, as when Redis lost its counters', async () => {
    const [a] = instances(['a']);
    const lease = (await a!.leases.acquire('r', 41))!;
    expect(lease.token).toBe(42);
    await lease.release();
    expect((await a!.leases.acquire('r', 10))!.token).toBe(43);
  });
});
