import type { AddressInfo } from 'node:net';
import { type ErrorMessage, RETRYABLE_CODES } from '@mlsd/protocol';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import type { Refusal } from '../src/rooms/refusals.ts';
import type { Rooms, SeatRoom } from '../src/rooms/registry.ts';
import { Connection } from '../src/transport/ws/connection.ts';
import { FakeClock } from './fake-clock.ts';

// The web client keeps a refused answer queued and resends it only when the error frame says
// `retryable`; this checks the socket layer sets it for "not now" codes and for nothing else.

/** One room whose every command gets the next refusal in line, as a seat link or a room would. */
function refusingRooms(refusals: Refusal[]): Rooms {
  const room: SeatRoom = {
    id: 'r1',
    join: async () => undefined,
    leave: async () => undefined,
    handle: async () => refusals.shift() ?? null,
  };
  const rooms = {
    join: async () => ({ ok: true as const, room, seat: 'candidate' as const, view: 'candidate' as const }),
    release: () => undefined,
  };
  return rooms as unknown as Rooms;
}

describe('error frames of refused commands', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  async function connect(refusals: Refusal[]) {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const log = Fastify({ logger: false }).log;
    server.on(
      'connection',
      (socket) => new Connection(socket, refusingRooms(refusals), new FakeClock(), log),
    );
    closers.push(
      () =>
        new Promise<void>((resolve) => {
          for (const client of server.clients) client.terminate();
          server.close(() => resolve());
        }),
    );
    const { port } = server.address() as AddressInfo;
    const client = new WebSocket(`ws://127.0.0.1:${port}/ws`);
    const frames: ErrorMessage[] = [];
    client.on('message', (data) => frames.push(JSON.parse(data.toString()) as ErrorMessage));
    await new Promise<void>((resolve, reject) => {
      client.once('open', () => resolve());
      client.once('error', reject);
    });
    closers.push(async () => client.close());
    client.send(JSON.stringify({ type: 'hello', roomId: 'r1', token: 't', lastSeq: 0 }));
    return { client, frames };
  }

  async function until(check: () => boolean): Promise<void> {
    const deadline = Date.now() + 5_000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error('timed out waiting for the error frames');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('marks UNAVAILABLE retryable and leaves every other refusal unmarked', async () => {
    expect([...RETRYABLE_CODES]).toEqual(['UNAVAILABLE']);
    const { client, frames } = await connect([
      { code: 'UNAVAILABLE', message: 'the server running this interview did not answer in time' },
      { code: 'RATE_LIMITED', message: 'too many messages' },
    ]);
    client.send(JSON.stringify({ type: 'say', clientId: 'c1', text: 'first' }));
    client.send(JSON.stringify({ type: 'say', clientId: 'c2', text: 'second' }));
    await until(() => frames.length >= 2);

    expect(frames[0]).toEqual({
      type: 'error',
      code: 'UNAVAILABLE',
      message: 'the server running this interview did not answer in time',
      clientId: 'c1',
      retryable: true,
    });
    expect(frames[1]).toEqual({
      type: 'error',
      code: 'RATE_LIMITED',
      message: 'too many messages',
      clientId: 'c2',
    });
  });
});
