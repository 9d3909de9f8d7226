import { expect, it } from 'vitest';
import { ClusterError, type FanoutEvent, RoomFanout, RoomLeases } from '../src/index.ts';
import { eventually, useRedis } from './redis-setup.ts';

const redis = await useRedis();

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const eventOf = (seq: number): FanoutEvent => ({
  seq,
  payload: JSON.stringify({ seq, text: `event ${seq}` }),
});

redis.describeRedis('RoomFanout', () => {
  const fanout = (prefix: string, options: { maxLen?: number } = {}) => {
    const instance = new RoomFanout(redis.client(), { prefix, blockMs: 2_000, ...options });
    redis.defer(() => instance.close());
    return instance;
  };

  it('delivers 500 events to subscribers on three instances, each exactly once and in order', async () => {
    const prefix = redis.prefix();
    const [owner, b, c] = [fanout(prefix), fanout(prefix), fanout(prefix)];
    const seen: number[][] = [[], [], []];
    const payloadsOk: boolean[] = [];
    for (const [i, instance] of [owner, b, c].entries()) {
      instance.subscribe('room', {
        after: 0,
        onEvent: (event) => {
          seen[i]!.push(event.seq);
          payloadsOk.push(event.payload === eventOf(event.seq).payload);
        },
      });
    }
    // A second room's traffic on the same instances must not leak in.
    const other: number[] = [];
    b.subscribe('other', { after: 0, onEvent: (event) => other.push(event.seq) });
    for (const seq of range(1, 500)) {
      await owner.publish('room', eventOf(seq));
      if (seq % 100 === 0) await owner.publish('other', eventOf(seq / 100));
    }
    await eventually(() => seen.every((list) => list.length >= 500) && other.length >= 5, 15_000);
    for (const list of seen) expect(list).toEqual(range(1, 500));
    expect(other).toEqual(range(1, 5));
    expect(payloadsOk.every(Boolean)).toBe(true);
  });

  it('lets a subscriber that went away come back with its last seq and miss nothing', async () => {
    const prefix = redis.prefix();
    const owner = fanout(prefix);
    const first = fanout(prefix);
    const seen: number[] = [];
    let subscription = first.subscribe('room', { after: 0, onEvent: (event) => seen.push(event.seq) });
    const publishing = (async () => {
      for (const seq of range(1, 500)) {
        await owner.publish('room', eventOf(seq));
        if (seq % 50 === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    await eventually(() => seen.length >= 150);
    // The whole instance goes: its subscription and its connections.
    subscription.close();
    await first.close();
    const last = seen.at(-1)!;
    await new Promise((resolve) => setTimeout(resolve, 50));
    const again = fanout(prefix);
    subscription = again.subscribe('room', { after: last, onEvent: (event) => seen.push(event.seq) });
    await publishing;
    await eventually(() => seen.length >= 500, 15_000);
    expect(seen).toEqual(range(1, 500));
    expect(subscription.lastSeq).toBe(500);
  });

  it('carries on without loss when Redis drops every connection mid-stream', async () => {
    const prefix = redis.prefix();
    const [owner, b] = [fanout(prefix), fanout(prefix)];
    const admin = redis.client();
    const seen: number[] = [];
    b.subscribe('room', { after: 0, onEvent: (event) => seen.push(event.seq) });
    for (const seq of range(1, 250)) await owner.publish('room', eventOf(seq));
    await eventually(() => seen.length >= 100);
    await admin.client('KILL', 'TYPE', 'normal', 'SKIPME', 'yes');
    // Publishes that meet the dropped connection fail; the owner retries them (its seqs are committed).
    for (const seq of range(251, 500)) {
      await eventually(() => owner.publish('room', eventOf(seq)).catch(() => undefined));
    }
    await eventually(() => seen.length >= 500, 15_000);
    expect(seen).toEqual(range(1, 500));
  });

  it('joins late on an instance that already reads the room, and gets the earlier events too', async () => {
    const prefix = redis.prefix();
    const [owner, b] = [fanout(prefix), fanout(prefix)];
    const early: number[] = [];
    const late: number[] = [];
    b.subscribe('room', { after: 0, onEvent: (event) => early.push(event.seq) });
    for (const seq of range(1, 100)) await owner.publish('room', eventOf(seq));
    await eventually(() => early.length >= 100);
    b.subscribe('room', { after: 40, onEvent: (event) => late.push(event.seq) });
    for (const seq of range(101, 200)) await owner.publish('room', eventOf(seq));
    await eventually(() => early.length >= 200 && late.length >= 160);
    expect(early).toEqual(range(1, 200));
    expect(late).toEqual(range(41, 200));
  });

  it('fills what the trimmed stream no longer has, and what was never published, from the database', async () => {
    const prefix = redis.prefix();
    const [owner, b] = [fanout(prefix, { maxLen: 20 }), fanout(prefix)];
    // The database has every event; the owner "died" between committing 395 and publishing it.
    const database = range(1, 400).map(eventOf);
    for (const seq of range(1, 400)) if (seq !== 395) await owner.publish('room', eventOf(seq));
    expect(await owner.lastPublished('room')).toBe(400);
    const reads: [number, number][] = [];
    const seen: number[] = [];
    b.subscribe('room', {
      after: 0,
      onEvent: (event) => seen.push(event.seq),
      readMissing: async (_room, after, before) => {
        reads.push([after, before]);
        return database.filter((event) => event.seq > after && event.seq < before);
      },
    });
    await eventually(() => seen.length >= 400);
    expect(seen).toEqual(range(1, 400));
    // First what trimming dropped (Redis trims whole nodes, so not exactly 20), then the hole.
    expect(reads).toHaveLength(2);
    expect(reads[0]![0]).toBe(0);
    expect(reads[0]![1]).toBeGreaterThan(1);
    expect(reads[1]).toEqual([394, 396]);
  });

  it('reports a gap it cannot fill instead of delivering out of order', async () => {
    const prefix = redis.prefix();
    const [owner, b] = [fanout(prefix, { maxLen: 10 }), fanout(prefix)];
    for (const seq of range(1, 300)) await owner.publish('room', eventOf(seq));
    const seen: number[] = [];
    const errors: ClusterError[] = [];
    b.subscribe('room', {
      after: 0,
      onEvent: (event) => seen.push(event.seq),
      onError: (e) => errors.push(e),
    });
    await eventually(() => errors.length > 0);
    expect(errors[0]).toBeInstanceOf(ClusterError);
    expect(errors[0]!.code).toBe('FANOUT_GAP');
    expect(seen).toEqual([]);
  });

  it('refuses a repeated seq, and a publish from an instance whose lease is gone', async () => {
    const prefix = redis.prefix();
    const owner = fanout(prefix);
    const leases = new RoomLeases(redis.client(), { instanceId: 'a', prefix });
    redis.defer(() => leases.close());
    const lease = (await leases.acquire('room'))!;
    const fence = { instanceId: 'a', token: lease.token };
    expect(await owner.publish('room', eventOf(1), fence)).toBe('published');
    expect(await owner.publish('room', eventOf(2), fence)).toBe('published');
    expect(await owner.publish('room', eventOf(2), fence)).toBe('duplicate');
    expect(await owner.publish('room', eventOf(1), fence)).toBe('duplicate');
    await lease.release();
    await expect(owner.publish('room', eventOf(3), fence)).rejects.toMatchObject({ code: 'LEASE_LOST' });
    expect(await owner.lastPublished('room')).toBe(2);
  });
});
