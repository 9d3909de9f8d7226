import { DRAWING_FORMAT, type DrawingScene, type ServerMessage, type SnapshotMessage } from '@mlsd/protocol';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeSocket } from '../fake-socket.ts';
import type { ConnectionStatus } from '../room-connection.ts';
import { memoryStore, storedOutbox } from '../storage.ts';
import { PeerConnection } from './peer-connection.ts';
import { parsePeerRoute } from './peer-routes.ts';
import {
  initialPeerState,
  peerReducer,
  peerRemainingMs,
  peerStepUsedMs,
  peerStoppedAt,
} from './peer-state.ts';

const clock = {
  steps: [
    {
      id: 'requirements' as const,
      title: 'Requirements',
      budgetMs: 300_000,
      usedMs: 0,
      status: 'active' as const,
    },
  ],
  currentStep: 'requirements' as const,
  stepStartedAt: 1_000,
  stepBudgetMs: 300_000,
  pausedAt: null,
  serverNow: 2_000,
};

function snapshot(status: 'lobby' | 'active' | 'ended' = 'active', lastSeq = 2): SnapshotMessage {
  return {
    type: 'snapshot',
    seat: 'candidate',
    view: 'candidate',
    room: {
      id: 'r1',
      mode: 'peer',
      caseId: 'c',
      interviewer: 'human',
      reportId: null,
      degraded: false,
      status,
      durationMinutes: 30,
      surprise: false,
      caseTitle: 'Case',
      prompt: 'Design it',
      createdAt: 0,
      startedAt: 1_000,
      endedAt: null,
      endReason: null,
      nextRoomId: null,
    },
    presence: { interviewer: true, candidate: true, observers: 0 },
    clock: status === 'lobby' ? null : clock,
    transcript: [],
    notes: '',
    lastSeq,
  };
}

const turn = (seq: number, clientId?: string): ServerMessage => ({
  type: 'turn',
  seq,
  turn: {
    id: `t${seq}`,
    role: 'candidate',
    step: 'requirements',
    kind: 'answer',
    text: 'hi',
    at: 5,
    ...(clientId ? { clientId } : {}),
  },
});

describe('peerReducer', () => {
  const apply = (messages: ServerMessage[], localNow = 1_500) =>
    messages.reduce(
      (state, message) => peerReducer(state, { type: 'server', message, localNow }),
      initialPeerState([{ clientId: 'mine', text: 'hi', createdAt: 1 }]),
    );

  it('takes the snapshot, adds each turn once, and drops the pending line it confirms', () => {
    const state = apply([snapshot(), turn(3, 'mine'), turn(3, 'mine'), turn(2)]);
    expect(state.seat).toBe('candidate');
    expect(state.transcript.map((t) => t.id)).toEqual(['t3']);
    expect(state.local).toEqual([]);
    expect(state.clockOffset).toBe(500);
  });

  it('marks the end and the swapped room', () => {
    const state = apply([
      snapshot(),
      { type: 'ended', seq: 3, reason: 'ended-early', reportId: 'r1' },
      { type: 'next_room', roomId: 'r2' },
    ]);
    expect(state.room).toMatchObject({ status: 'ended', endReason: 'ended-early', nextRoomId: 'r2' });
  });

  it('keeps the interviewer console, coverage and assessment apart from the room', () => {
    const coverage = {
      points: { p1: { level: 'explained' as const, credit: 1, quote: 'x' } },
      stepScores: {},
    };
    const state = apply([
      snapshot(),
      {
        type: 'console',
        caseId: 'c',
        caseTitle: 'Case',
        prompt: 'p',
        steps: [],
        facts: [],
        coverage,
        assessment: { marks: {}, ratings: {}, privateNotes: '' },
      },
      { type: 'assessment', assessment: { marks: { p1: 'missed' }, ratings: {}, privateNotes: 'n' } },
      { type: 'notes_update', text: 'pad', at: 3 },
    ]);
    expect(state.console?.caseId).toBe('c');
    expect(state.coverage).toEqual(coverage);
    expect(state.assessment?.marks).toEqual({ p1: 'missed' });
    expect(state.pad).toBe('pad');
  });

  it("follows the candidate's whiteboard: from the snapshot, then each update", () => {
    const box = { id: 'b1', type: 'rectangle' as const, x: 0, y: 0, width: 100, height: 40 };
    const first: DrawingScene = { format: DRAWING_FORMAT, version: 1, elements: [box] };
    const second: DrawingScene = {
      format: DRAWING_FORMAT,
      version: 2,
      elements: [box, { ...box, id: 'b2', x: 200 }],
    };
    expect(apply([snapshot()]).drawing).toBeNull();
    expect(apply([{ ...snapshot(), drawing: first }]).drawing).toEqual(first);
    const state = apply([
      { ...snapshot(), drawing: first },
      { type: 'drawing_update', scene: second, at: 5 },
    ]);
    expect(state.drawing?.elements.map((element) => element.id)).toEqual(['b1', 'b2']);
  });
});

describe('peerRemainingMs', () => {
  it('counts down on the server clock and stands still while paused', () => {
    expect(peerRemainingMs(clock, 100_000, 1_000)).toBe(1_000 + 300_000 - 101_000);
    const paused = { ...clock, pausedAt: 61_000 };
    expect(peerRemainingMs(paused, 100_000, 1_000)).toBe(240_000);
    expect(peerRemainingMs(paused, 900_000, 1_000)).toBe(240_000);
  });

  it('stops for good when the interview ends, on the server clock', () => {
    const server = (message: ServerMessage, localNow: number) => ({
      type: 'server' as const,
      message,
      localNow,
    });
    let state = peerReducer(initialPeerState(), server(snapshot('active', 2), 2_000));
    state = peerReducer(state, server({ type: 'clock', clock: { ...clock, serverNow: 51_000 } }, 50_000));
    state = peerReducer(
      state,
      server({ type: 'ended', seq: 3, reason: 'ended-early', reportId: 'r' }, 60_000),
    );
    const { room, clock: stopped, clockOffset: offset } = state;
    if (!room || !stopped) throw new Error('no room');
    const stoppedAt = peerStoppedAt(room, stopped);
    expect(stoppedAt).not.toBeNull();
    const soon = Date.now() + 1_000;
    const much = soon + 5_000_000;
    expect(peerRemainingMs(stopped, much, offset, stoppedAt)).toBe(
      peerRemainingMs(stopped, soon, offset, stoppedAt),
    );
    expect(peerStepUsedMs(stopped, 'requirements', much, offset, stoppedAt)).toBe(
      peerStepUsedMs(stopped, 'requirements', soon, offset, stoppedAt),
    );
    expect(peerRemainingMs(stopped, much, offset)).toBeLessThan(peerRemainingMs(stopped, soon, offset));
  });

  it('stops where the server says the room ended', () => {
    const ended = snapshot('ended');
    const state = peerReducer(initialPeerState(), {
      type: 'server',
      message: { ...ended, room: { ...ended.room, endedAt: 101_000 } },
      localNow: 2_000,
    });
    if (!state.room || !state.clock) throw new Error('no room');
    expect(peerRemainingMs(state.clock, 9e9, 0, peerStoppedAt(state.room, state.clock))).toBe(200_000);
  });
});

describe('parsePeerRoute', () => {
  it('reads a seat link and its report, and refuses anything else', () => {
    const token = 'a'.repeat(43);
    expect(parsePeerRoute(`/peer/room-1/${token}`)).toEqual({
      name: 'peer',
      roomId: 'room-1',
      token,
      view: 'room',
    });
    expect(parsePeerRoute(`/peer/room-1/${token}/report`)?.view).toBe('report');
    expect(parsePeerRoute('/peer/room-1/short')).toBeNull();
    expect(parsePeerRoute(`/peer/<x>/${token}`)).toBeNull();
  });
});

describe('PeerConnection', () => {
  let sockets: FakeSocket[];
  let statuses: ConnectionStatus[];
  let received: ServerMessage[];
  let timers: (() => void)[];
  let store: ReturnType<typeof memoryStore>;
  let ids: number;

  const make = () =>
    new PeerConnection({
      url: 'ws://x/ws',
      roomId: 'r1',
      token: 'tok',
      createSocket: () => {
        const socket = new FakeSocket();
        sockets.push(socket);
        return socket;
      },
      outbox: storedOutbox(store, 'peer-r1'),
      onMessage: (m) => received.push(m),
      onStatus: (s) => statuses.push(s),
      setTimer: (fn) => timers.push(fn),
      clearTimer: () => undefined,
      now: () => 0,
      random: () => 0.5,
      newId: () => `id${++ids}`,
    });

  beforeEach(() => {
    sockets = [];
    statuses = [];
    received = [];
    timers = [];
    store = memoryStore();
    ids = 0;
  });

  it('says hello with the token, then resends unacknowledged lines after each snapshot', () => {
    const conn = make();
    conn.start();
    conn.say('queued while connecting', { kind: 'probe', pointId: 'p1' });
    sockets[0]?.onopen?.({});
    expect(sockets[0]?.sent[0]).toEqual({ type: 'hello', roomId: 'r1', token: 'tok' });
    sockets[0]?.push(snapshot());
    expect(sockets[0]?.sent[1]).toEqual({
      type: 'say',
      clientId: 'id1',
      text: 'queued while connecting',
      kind: 'probe',
      pointId: 'p1',
    });
    sockets[0]?.onclose?.({ code: 1006, reason: '' });
    timers.shift()?.();
    sockets[1]?.onopen?.({});
    sockets[1]?.push(snapshot());
    expect(sockets[1]?.sent[1]).toMatchObject({ type: 'say', clientId: 'id1' });
    sockets[1]?.push({ type: 'ack', clientId: 'id1', duplicate: true });
    expect(storedOutbox(store, 'peer-r1').list()).toEqual([]);
  });

  it('stays connected after the end, for ratings and the swap', () => {
    const conn = make();
    conn.start();
    sockets[0]?.onopen?.({});
    sockets[0]?.push(snapshot('active'));
    sockets[0]?.push({ type: 'ended', seq: 3, reason: 'completed', reportId: 'r1' });
    expect(conn.swap()).toBe('id1');
    expect(sockets[0]?.closed).toBe(false);
  });

  it('gives up on a refused link instead of retrying forever', () => {
    const conn = make();
    conn.start();
    sockets[0]?.onopen?.({});
    sockets[0]?.push({ type: 'error', code: 'ROOM_EXPIRED', message: 'expired' });
    expect(statuses.at(-1)).toEqual({ kind: 'failed', code: 'ROOM_EXPIRED', message: 'expired' });
    expect(sockets[0]?.closed).toBe(true);
    expect(conn.timer('pause')).toBeNull();
  });
});
