import { expect, it } from 'vitest';
import { clusterRedisOptions, RoomLeases, SharedSocketCaps } from '../src/index.ts';
import { eventually, useRedis } from './redis-setup.ts';

// A Redis that hangs with its connections open (SIGSTOP): commands from a client with the command
// timeout fail instead of waiting for as long as it hangs, and what they leave behind once Redis
// answers again is cleaned up.

const redis = await useRedis();
/** Short, so the tests do not wait long; the server uses REDIS_COMMAND_TIMEOUT_MS. */
const TIMEOUT_MS = 300;
/** How long a command may take to settle before the test calls it hung: far past the timeout. */
const HUNG_AFTER_MS = 5_000;

type Outcome<T> = { value: T } | { error: string } | 'still waiting';

/** How `promise` settles, or 'still waiting' after `ms`. */
function settled<T>(promise: Promise<T>, ms = HUNG_AFTER_MS): Promise<Outcome<T>> {
  return Promise.race([
    promise.then(
      (value) => ({ value }),
      (error: unknown) => ({ error: (error as Error).message }),
    ),
    new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), ms)),
  ]);
}

redis.describeRedis('the command timeout', () => {
  it('gives up a lease renewal Redis does not answer, and renews under the same token once it does', async () => {
    const prefix = redis.prefix();
    const client = redis.client(clusterRedisOptions(TIMEOUT_MS));
    const leases = new RoomLeases(client, {
      instanceId: 'a',
      prefix,
      ttlMs: 600,
      autoRenew: false,
      holdThroughOutage: true,
    });
    redis.defer(() => leases.close().catch(() => {}));
    const lease = (await leases.acquire('r'))!;
    const lost: string[] = [];
    lease.onLost((reason) => lost.push(reason));

    const during = await redis.frozen(async () => {
      const outcome = await settled(lease.renew());
      // Frozen past the TTL: the key expires in Redis meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 800));
      return outcome;
    });
    expect(during).toEqual({ value: false });
    expect(lost).toEqual([]);
    // Nobody took the room meanwhile: the same lease is set again, under the same token.
    expect(await eventually(() => lease.renew())).toBe(true);
    expect(await leases.holder('r')).toEqual({ instanceId: 'a', token: lease.token });
  });

  it('takes back a lease whose acquisition timed out but ran once Redis answered', async () => {
    const prefix = redis.prefix();
    // A TTL far longer than the test: only the undo can free the room.
    const a = new RoomLeases(redis.client(clusterRedisOptions(TIMEOUT_MS)), {
      instanceId: 'a',
      prefix,
      ttlMs: 60_000,
    });
    const b = new RoomLeases(redis.client(), { instanceId: 'b', prefix, ttlMs: 60_000 });
    redis.defer(() => Promise.all([a.close(), b.close()]).catch(() => {}));

    const outcome = await redis.frozen(() => settled(a.acquire('r')));
    expect(outcome).toEqual({ error: 'Command timed out' });
    expect(a.held()).toEqual([]);
    // The acquisition ran after the thaw (it moved the token counter), and the undo right behind it.
    const reader = redis.client();
    await eventually(async () => (await reader.get(`${prefix}lease-token:{r}`)) === '1');
    expect(await b.holder('r')).toBeNull();
    expect((await b.acquire('r'))?.token).toBe(2);
  });

  it('takes out a socket count that ran in Redis after its admission timed out, at the next heartbeat', async () => {
    const prefix = redis.prefix();
    const options = { prefix, perAddress: 1, total: 10 };
    const a = new SharedSocketCaps(redis.client(clusterRedisOptions(TIMEOUT_MS)), {
      instanceId: 'a',
      ...options,
    });
    const b = new SharedSocketCaps(redis.client(), { instanceId: 'b', ...options });
    redis.defer(() => Promise.all([a.close(), b.close()]).catch(() => {}));

    const outcome = await redis.frozen(() => settled(a.admit('10.0.0.1')));
    expect(outcome).toEqual({ error: 'Command timed out' });
    // Once Redis answers the count runs anyway: the address's one place is held by no socket.
    const reader = redis.client();
    await eventually(async () => (await reader.hget(`${prefix}sockets:a`, '10.0.0.1')) === '1');
    expect(await b.admit('10.0.0.1')).toMatchObject({ ok: false, limit: 'address' });
    // a's own counts say it holds no socket; its heartbeat writes that.
    await a.heartbeat();
    expect(await reader.hget(`${prefix}sockets:a`, '10.0.0.1')).toBeNull();
    expect(await b.admit('10.0.0.1')).toMatchObject({ ok: true });
  });
});
