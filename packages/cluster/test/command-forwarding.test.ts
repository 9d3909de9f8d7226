import { expect, it } from 'vitest';
import { CommandForwarding, RoomLeases } from '../src/index.ts';
import { useRedis } from './redis-setup.ts';

const redis = await useRedis();

type Command = { clientId: string; text: string };
type Reply = { ack: string } | { refused: string };

redis.describeRedis('CommandForwarding', () => {
  /** An instance that runs the rooms it holds a lease on, acking commands unless they say "refuse". */
  const instance = async (instanceId: string, prefix: string) => {
    const leases = new RoomLeases(redis.client(), { instanceId, prefix });
    const handled: string[] = [];
    const forwarding = new CommandForwarding<Command, Reply>(redis.client(), {
      leases,
      prefix,
      timeoutMs: 5_000,
      blockMs: 200,
      handle: async (roomId, command) => {
        if (!leases.held().some((lease) => lease.roomId === roomId && lease.held)) return undefined;
        handled.push(`${instanceId}:${roomId}:${command.clientId}`);
        return command.text === 'refuse' ? { refused: 'not your turn' } : { ack: command.clientId };
      },
    });
    await forwarding.start();
    redis.defer(async () => {
      await forwarding.close();
      await leases.close();
    });
    return { leases, forwarding, handled };
  };

  it("sends a seat command to the room's owner on another instance and returns its reply", async () => {
    const prefix = redis.prefix();
    const a = await instance('a', prefix);
    const b = await instance('b', prefix);
    await a.leases.acquire('room');
    expect(await b.forwarding.send('room', { clientId: 'c1', text: 'hello' })).toEqual({
      ok: true,
      reply: { ack: 'c1' },
    });
    expect(await b.forwarding.send('room', { clientId: 'c2', text: 'refuse' })).toEqual({
      ok: true,
      reply: { refused: 'not your turn' },
    });
    // Several at once, each matched to its own reply.
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) => b.forwarding.send('room', { clientId: `m${i}`, text: 'x' })),
    );
    expect(replies).toEqual(Array.from({ length: 20 }, (_, i) => ({ ok: true, reply: { ack: `m${i}` } })));
    // The owner runs its own rooms' commands without a round trip through Redis.
    expect(await a.forwarding.send('room', { clientId: 'c3', text: 'hi' })).toEqual({
      ok: true,
      reply: { ack: 'c3' },
    });
    expect(a.handled).toHaveLength(23);
    expect(b.handled).toEqual([]);
  });

  it('says NO_OWNER when no instance holds the room', async () => {
    const prefix = redis.prefix();
    const b = await instance('b', prefix);
    await expect(b.forwarding.send('nobody', { clientId: 'c1', text: 'hi' })).rejects.toMatchObject({
      code: 'NO_OWNER',
      message: expect.stringMatching(/room nobody is not running on any instance/),
    });
  });

  it('times out when the owner holds the lease but no longer answers', async () => {
    const prefix = redis.prefix();
    const a = await instance('a', prefix);
    const b = await instance('b', prefix);
    await a.leases.acquire('room');
    // The owner's process hangs: its lease has not expired yet, but nothing reads its inbox.
    await a.forwarding.close();
    await expect(b.forwarding.send('room', { clientId: 'c1', text: 'hi' }, 500)).rejects.toMatchObject({
      code: 'TIMEOUT',
      message: expect.stringMatching(/owner \(instance a\) did not answer within 500 ms/),
    });
  });

  it('answers NOT_OWNER from an instance whose lease is listed but whose room is not running there', async () => {
    const prefix = redis.prefix();
    const a = await instance('a', prefix);
    const b = await instance('b', prefix);
    // The lease names a, but a's room registry does not run the room (e.g. mid-handover).
    const elsewhere = new RoomLeases(redis.client(), { instanceId: 'a', prefix, autoRenew: false });
    await elsewhere.acquire('room');
    expect(await b.forwarding.send('room', { clientId: 'c1', text: 'hi' })).toEqual({
      ok: false,
      code: 'NOT_OWNER',
      message: expect.stringMatching(/not running on instance a/),
    });
    expect(a.handled).toEqual([]);
  });

  it('rejects a send that close() overtakes while its request is on the way, without an unhandled rejection', async () => {
    const prefix = redis.prefix();
    const a = await instance('a', prefix);
    await a.leases.acquire('room');
    const client = redis.client();
    const leases = new RoomLeases(redis.client(), { instanceId: 'b', prefix });
    const b = new CommandForwarding<Command, Reply>(client, {
      leases,
      prefix,
      handle: async () => undefined,
    });
    await b.start();
    // close() runs while the request's push to the owner's inbox is in flight, as on a shutdown
    // with a seat's command still waiting.
    const multi = client.multi.bind(client);
    client.multi = ((...args: Parameters<typeof client.multi>) => {
      const batch = multi(...args);
      const exec = batch.exec.bind(batch);
      batch.exec = (async () => {
        void b.close();
        return exec();
      }) as typeof batch.exec;
      return batch;
    }) as typeof client.multi;
    await expect(b.send('room', { clientId: 'c1', text: 'late' })).rejects.toMatchObject({ code: 'CLOSED' });
  });
});
