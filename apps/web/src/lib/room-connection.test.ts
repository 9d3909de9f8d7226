import type { ServerMessage, SnapshotMessage } from '@mlsd/protocol';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeSocket } from './fake-socket.ts';
import { sampleSnapshot } from './fixtures.ts';
import { type ConnectionStatus, RoomConnection } from './room-connection.ts';
import { memoryStore, storedOutbox } from './storage.ts';

function snapshot(lastSeq: number, status: 'active' | 'ended' = 'active'): SnapshotMessage {
  return sampleSnapshot(
    { clock: { serverNow: 1000 }, lastSeq },
    { status, reportId: status === 'ended' ? 'r1' : null },
  );
}

const turn = (seq: number) => ({
  type: 'turn',
  seq,
  turn: { id: `t${seq}`, role: 'interviewer', step: 'requirements', kind: 'probe', text: 'hi', at: 1 },
});

describe('RoomConnection', () => {
  let sockets: FakeSocket[];
  let timers: { fn: () => void; ms: number }[];
  let received: ServerMessage[];
  let statuses: ConnectionStatus[];
  let store: ReturnType<typeof memoryStore>;
  let ids: number;

  const make = () =>
    new RoomConnection({
      url: 'ws://x/ws',
      sessionId: 's1',
      token: 'tok',
      createSocket: () => {
        const s = new FakeSocket();
        sockets.push(s);
        return s;
      },
      outbox: storedOutbox(store, 's1'),
      onMessage: (m) => received.push(m),
      onStatus: (s) => statuses.push(s),
      setTimer: (fn, ms) => timers.push({ fn, ms }),
      clearTimer: () => {},
      now: () => 0,
      random: () => 0.5,
      newId: () => `id${++ids}`,
    });

  beforeEach(() => {
    sockets = [];
    timers = [];
    received = [];
    statuses = [];
    store = memoryStore();
    ids = 0;
  });

  it('says hello, applies each event once and reconnects with the last seq', () => {
    const conn = make();
    conn.start();
    const first = sockets[0]!;
    first.open();
    expect(first.sent[0]).toEqual({ type: 'hello', roomId: 's1', token: 'tok', lastSeq: 0 });
    first.push(snapshot(2));
    first.push(turn(2)); // already in the snapshot
    first.push(turn(3));
    first.push(turn(3)); // duplicate
    expect(received.map((m) => m.type)).toEqual(['snapshot', 'turn']);
    expect(conn.seq).toBe(3);

    first.drop();
    expect(statuses.at(-1)).toMatchObject({ kind: 'waiting', attempt: 1 });
    timers[0]!.fn();
    const second = sockets[1]!;
    second.open();
    expect(second.sent[0]).toMatchObject({ type: 'hello', lastSeq: 3 });
  });

  it('passes streamed drafts through without counting them as events', () => {
    const conn = make();
    conn.start();
    const socket = sockets[0]!;
    socket.open();
    const delta = { type: 'turn_delta', draftId: 's1:4', step: 'requirements', text: 'How ' };
    socket.push(delta); // before the snapshot: not joined, dropped
    socket.push(snapshot(2));
    socket.push(delta);
    socket.push({ type: 'turn_discard', draftId: 's1:4', reason: 'failed' });
    socket.push(turn(3));
    expect(received.map((m) => m.type)).toEqual(['snapshot', 'turn_delta', 'turn_discard', 'turn']);
    expect(conn.seq).toBe(3);
  });

  it("passes presence and the pad through once joined, so the counts and an observer's pad stay live", () => {
    const conn = make();
    conn.start();
    const socket = sockets[0]!;
    socket.open();
    const presence = { type: 'presence', presence: { interviewer: true, candidate: true, observers: 2 } };
    socket.push(presence); // before the snapshot: dropped
    socket.push(snapshot(0));
    socket.push(presence);
    socket.push({ type: 'notes_update', text: 'graph LR; a-->b', at: 5 });
    expect(received.map((m) => m.type)).toEqual(['snapshot', 'presence', 'notes_update']);
    expect(conn.seq).toBe(0);
  });

  it('backs off exponentially and resets after a snapshot', () => {
    const conn = make();
    conn.start();
    for (let i = 0; i < 4; i++) {
      sockets.at(-1)!.drop();
      timers.at(-1)!.fn();
    }
    expect(timers.map((t) => t.ms)).toEqual([500, 1000, 2000, 4000]);
    sockets.at(-1)!.open();
    sockets.at(-1)!.push(snapshot(0));
    sockets.at(-1)!.drop();
    expect(timers.at(-1)!.ms).toBe(500);
  });

  it('keeps unacknowledged answers and resends them with the same client id', () => {
    const conn = make();
    conn.start();
    const first = sockets[0]!;
    first.open();
    first.push(snapshot(0));
    conn.sendAnswer('first answer');
    conn.sendAnswer('second answer');
    first.push({ type: 'ack', clientId: 'id1', duplicate: false });
    first.drop();

    // not joined: queued only
    conn.sendAnswer('typed while offline');
    expect(first.sent.filter((m) => m.type === 'say')).toHaveLength(2);

    // a reloaded page reads the outbox back from storage
    expect(
      storedOutbox(store, 's1')
        .list()
        .map((e) => e.clientId),
    ).toEqual(['id2', 'id3']);

    timers[0]!.fn();
    const second = sockets[1]!;
    second.open();
    expect(second.sent).toHaveLength(1); // hello only, before the snapshot
    second.push(snapshot(0));
    expect(second.sent.slice(1)).toEqual([
      { type: 'say', clientId: 'id2', text: 'second answer' },
      { type: 'say', clientId: 'id3', text: 'typed while offline' },
    ]);
    second.push({ type: 'ack', clientId: 'id2', duplicate: true });
    expect(
      storedOutbox(store, 's1')
        .list()
        .map((e) => e.clientId),
    ).toEqual(['id3']);
  });

  it('drops a refused answer from the outbox and passes the error on', () => {
    const conn = make();
    conn.start();
    sockets[0]!.open();
    sockets[0]!.push(snapshot(0));
    conn.sendAnswer('x');
    sockets[0]!.push({ type: 'error', code: 'TEXT_TOO_LONG', message: 'too long', clientId: 'id1' });
    expect(storedOutbox(store, 's1').list()).toEqual([]);
    expect(received.at(-1)).toMatchObject({ type: 'error', clientId: 'id1' });
  });

  it('stops retrying when the server refuses the seat', () => {
    const conn = make();
    conn.start();
    sockets[0]!.open();
    sockets[0]!.push({ type: 'error', code: 'UNAUTHORIZED', message: 'unknown session or token' });
    sockets[0]!.drop(1008);
    expect(statuses.at(-1)).toEqual({
      kind: 'failed',
      code: 'UNAUTHORIZED',
      message: 'unknown session or token',
    });
    expect(timers).toHaveLength(0);
    expect(sockets[0]!.closed).toBe(true);
  });

  it('stops after the interview ends and ignores junk frames', () => {
    const conn = make();
    conn.start();
    sockets[0]!.open();
    sockets[0]!.onmessage?.({ data: 'not json' });
    sockets[0]!.push({ type: 'mystery' });
    sockets[0]!.push(snapshot(0));
    sockets[0]!.push({ type: 'ended', seq: 1, reason: 'ended-early', reportId: 'r1' });
    sockets[0]!.drop();
    expect(received.map((m) => m.type)).toEqual(['snapshot', 'ended']);
    expect(timers).toHaveLength(0);
    expect(conn.sendControl('next_step')).toBeNull();
  });

  it('sends controls and notes only while joined', () => {
    const conn = make();
    conn.start();
    expect(conn.sendNotes('n')).toBe(false);
    sockets[0]!.open();
    sockets[0]!.push(snapshot(0));
    expect(conn.sendControl('next_step')).toBe('id1');
    expect(conn.sendNotes('n')).toBe(true);
    expect(sockets[0]!.sent.slice(1)).toEqual([
      { type: 'timer', action: 'next_step', clientId: 'id1' },
      { type: 'notes', text: 'n' },
    ]);
  });
});
