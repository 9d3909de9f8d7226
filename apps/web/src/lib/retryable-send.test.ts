import type { AddressInfo } from 'node:net';
import { type ErrorMessage, ServerMessage } from '@mlsd/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { sampleSnapshot } from './fixtures.ts';
import type { SocketLike } from './reconnecting-socket.ts';
import { type ConnectionStatus, RoomConnection } from './room-connection.ts';
import { initialRoomState, type RoomState, roomReducer } from './room-state.ts';
import { memoryStore, type Outbox, storedOutbox } from './storage.ts';

/** A `say` frame as the test room received it. */
interface SayFrame {
  clientId: string;
  text: string;
}

/** What the test room answers the n-th `say` it receives (1-based), and whether it then drops the socket. */
type Answer = (say: SayFrame, n: number) => { reply: ServerMessage; drop?: boolean };

const ack = (say: SayFrame): ServerMessage => ({ type: 'ack', clientId: say.clientId, duplicate: false });
const notNow = (say: SayFrame): ErrorMessage => ({
  type: 'error',
  code: 'UNAVAILABLE',
  message: 'the server running this interview did not answer in time',
  clientId: say.clientId,
  retryable: true,
});

/**
 * A real websocket server on 127.0.0.1 playing a room: every hello gets a snapshot, every `say`
 * the scripted answer (validated against the protocol, as the real server's frames are).
 */
async function startRoom(answer: Answer) {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const says: SayFrame[] = [];
  let hellos = 0;
  server.on('connection', (socket) => {
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { type: string } & Partial<SayFrame>;
      const reply = (message: ServerMessage) => socket.send(JSON.stringify(ServerMessage.parse(message)));
      if (frame.type === 'hello') {
        hellos += 1;
        reply(sampleSnapshot({ clock: { serverNow: Date.now() }, lastSeq: 0 }));
        return;
      }
      // Clock controls are not queued by the client: the room always answers them "not now".
      if (frame.type === 'timer') {
        reply(notNow({ clientId: String(frame.clientId), text: '' }));
        return;
      }
      if (frame.type !== 'say') return;
      const say = { clientId: String(frame.clientId), text: String(frame.text) };
      says.push(say);
      const { reply: message, drop } = answer(say, says.length);
      reply(message);
      if (drop) socket.close(1012, 'moved');
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/ws`,
    says,
    hellos: () => hellos,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}

/** A seat's connection with the room state the page would show, and every status the message had. */
function openSeat(url: string, retryWindowMs?: number) {
  const outbox: Outbox = storedOutbox(memoryStore(), 's1');
  let state: RoomState = initialRoomState();
  const received: ServerMessage[] = [];
  const shown: string[] = [];
  const statuses: ConnectionStatus[] = [];
  const conn = new RoomConnection({
    url,
    sessionId: 's1',
    token: 'tok',
    createSocket: (to) => new WebSocket(to) as unknown as SocketLike,
    outbox,
    onMessage: (message) => {
      received.push(message);
      state = roomReducer(state, { type: 'server', message, localNow: Date.now() });
      for (const m of state.local) shown.push(m.status);
    },
    onStatus: (status) => statuses.push(status),
    // The low end of every backoff: resends come at 400 ms, 800 ms, 1.6 s…
    random: () => 0,
    ...(retryWindowMs === undefined ? {} : { retryWindowMs }),
  });
  return {
    conn,
    outbox,
    received,
    shown,
    statuses,
    state: () => state,
    /** Types an answer and sends it, as the answer box does. */
    say(text: string) {
      const entry = conn.sendAnswer(text);
      state = roomReducer(state, { type: 'queued', entry });
      return entry;
    },
    retry(entry: { clientId: string; text: string; createdAt: number }) {
      conn.resend(entry);
      state = roomReducer(state, { type: 'queued', entry });
    },
  };
}

async function until(check: () => boolean, what: string, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a message refused with a retryable error', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setup(answer: Answer, retryWindowMs?: number) {
    const room = await startRoom(answer);
    cleanups.push(room.close);
    const seat = openSeat(room.url, retryWindowMs);
    cleanups.push(() => seat.conn.stop());
    seat.conn.start();
    await until(() => seat.conn.isJoined, 'the snapshot');
    return { room, seat };
  }

  it('is resent with the same client id, acknowledged once, and never shown as failed', async () => {
    const { room, seat } = await setup((say, n) => ({ reply: n === 1 ? notNow(say) : ack(say) }));
    const entry = seat.say('a feature store keyed by user id');

    await until(() => seat.received.some((m) => m.type === 'ack'), 'the ack');
    await pause(600); // room for a stray second resend
    expect(room.says).toEqual([
      { clientId: entry.clientId, text: 'a feature store keyed by user id' },
      { clientId: entry.clientId, text: 'a feature store keyed by user id' },
    ]);
    expect(seat.received.filter((m) => m.type === 'ack')).toHaveLength(1);
    expect(seat.shown).toContain('retrying');
    expect(seat.shown).not.toContain('failed');
    expect(seat.state().notice).toBeNull();
    expect(seat.state().local).toMatchObject([{ clientId: entry.clientId, status: 'sent' }]);
    expect(seat.outbox.list()).toEqual([]);
  });

  it('is resent on the reconnect when the server drops the socket after refusing it', async () => {
    const { room, seat } = await setup((say, n) => ({
      reply: n === 1 ? notNow(say) : ack(say),
      drop: n === 1,
    }));
    const entry = seat.say('shard the index by region');

    await until(() => seat.received.some((m) => m.type === 'ack'), 'the ack');
    await pause(600);
    expect(room.hellos()).toBe(2);
    expect(room.says.map((s) => s.clientId)).toEqual([entry.clientId, entry.clientId]);
    expect(seat.received.filter((m) => m.type === 'ack')).toHaveLength(1);
    expect(seat.shown).not.toContain('failed');
    expect(seat.state().local).toMatchObject([{ status: 'sent' }]);
  });

  it('gives up after the retry window with a clear message and keeps the text queued', async () => {
    let accept = false;
    const { room, seat } = await setup((say) => ({ reply: accept ? ack(say) : notNow(say) }), 1_500);
    const entry = seat.say('use a two-tower model for candidates');

    await until(() => seat.state().local[0]?.status === 'failed', 'the give-up', 4_000);
    const tries = room.says.length;
    expect(tries).toBeGreaterThanOrEqual(3);
    expect(new Set(room.says.map((s) => s.clientId))).toEqual(new Set([entry.clientId]));
    const failed = seat.state().local[0];
    expect(failed?.error).toMatch(/could not take this message for 2 seconds.*press Retry/s);
    expect(seat.state().notice?.code).toBe('UNAVAILABLE');
    // What the candidate typed is kept, in the page and in the stored outbox.
    expect(failed?.text).toBe('use a two-tower model for candidates');
    expect(seat.outbox.list()).toMatchObject([{ clientId: entry.clientId, text: entry.text }]);

    await pause(1_000);
    expect(room.says).toHaveLength(tries); // no resends after giving up

    // Retry by hand: a fresh attempt, same client id, and this time the room takes it.
    accept = true;
    seat.retry(entry);
    await until(() => seat.state().local[0]?.status === 'sent', 'the ack of the retry');
    expect(room.says.at(-1)?.clientId).toBe(entry.clientId);
    expect(seat.outbox.list()).toEqual([]);
  });

  it('a non-retryable refusal still fails at once and is not resent', async () => {
    const { room, seat } = await setup((say) => ({
      reply: {
        type: 'error',
        code: 'RATE_LIMITED',
        message: 'too many messages; wait a few seconds',
        clientId: say.clientId,
      },
    }));
    seat.say('cache the embeddings');

    await until(() => seat.state().local[0]?.status === 'failed', 'the refusal');
    await pause(800);
    expect(room.says).toHaveLength(1);
    expect(seat.shown).not.toContain('retrying');
    expect(seat.state().local[0]?.error).toBe('too many messages; wait a few seconds');
    expect(seat.outbox.list()).toEqual([]);
  });

  it('a retryable refusal of a frame nothing resends is passed on as a plain error', async () => {
    const { seat } = await setup((say) => ({ reply: ack(say) }));
    const clientId = seat.conn.sendControl('pause');

    await until(() => seat.received.some((m) => m.type === 'error'), 'the refusal');
    expect(seat.received.find((m) => m.type === 'error')).toMatchObject({ clientId, retryable: false });
    expect(seat.state().notice?.code).toBe('UNAVAILABLE');
  });
});
