import type { SnapshotMessage, StepProgress, Turn } from '@mlsd/protocol';
import { describe, expect, it } from 'vitest';
import { sampleSnapshot } from './fixtures.ts';
import { initialRoomState, type RoomAction, type RoomState, roomReducer, stepUsedMs } from './room-state.ts';

const steps: StepProgress[] = [
  { id: 'requirements', title: 'Requirements', budgetMs: 300_000, usedMs: 0, status: 'active' },
  { id: 'framing', title: 'Framing', budgetMs: 300_000, usedMs: 0, status: 'pending' },
  { id: 'data', title: 'Data', budgetMs: 480_000, usedMs: 0, status: 'pending' },
  { id: 'model', title: 'Model', budgetMs: 480_000, usedMs: 0, status: 'pending' },
];

const opening: Turn = {
  id: 't1',
  role: 'interviewer',
  step: 'requirements',
  kind: 'opening',
  text: 'Hi',
  at: 1000,
};

function snapshot(over: Partial<Omit<SnapshotMessage, 'clock'>> = {}): SnapshotMessage {
  return sampleSnapshot(
    { clock: { steps, stepStartedAt: 1000, serverNow: 11_000 }, transcript: [opening], lastSeq: 2, ...over },
    { startedAt: 1000 },
  );
}

const server = (message: Extract<RoomAction, { type: 'server' }>['message'], localNow = 0): RoomAction => ({
  type: 'server',
  message,
  localNow,
});

function run(state: RoomState, ...actions: RoomAction[]): RoomState {
  return actions.reduce(roomReducer, state);
}

describe('roomReducer', () => {
  it('takes the snapshot and corrects the clock', () => {
    const state = run(initialRoomState(), server(snapshot(), 20_000));
    expect(state.transcript).toEqual([opening]);
    expect(state.clockOffset).toBe(-9000);
    expect(state.lastSeq).toBe(2);
  });

  it("follows who is connected and, for an observer, the candidate's pad as it is typed", () => {
    const joined = run(initialRoomState(), server(snapshot({ notes: 'v1' })));
    expect(joined.presence).toEqual({ interviewer: true, candidate: true, observers: 0 });
    expect(joined.notes).toBe('v1');
    const later = run(
      joined,
      server({ type: 'presence', presence: { interviewer: true, candidate: false, observers: 2 } }),
      server({ type: 'notes_update', text: 'v2', at: 5 }),
    );
    expect(later.presence).toEqual({ interviewer: true, candidate: false, observers: 2 });
    expect(later.notes).toBe('v2');
    expect(later.lastSeq).toBe(joined.lastSeq);
  });

  it('ignores events at or below the last applied seq', () => {
    const turn: Turn = { ...opening, id: 't2', text: 'Next' };
    const state = run(
      initialRoomState(),
      server(snapshot()),
      server({ type: 'turn', seq: 2, turn: { ...opening, id: 'old' } }),
      server({ type: 'turn', seq: 3, turn }),
      server({ type: 'turn', seq: 3, turn: { ...turn, id: 'dup' } }),
    );
    expect(state.transcript.map((t) => t.id)).toEqual(['t1', 't2']);
    expect(state.lastSeq).toBe(3);
  });

  it('shows a message as pending until the server puts it in the transcript', () => {
    const entry = { clientId: 'c1', text: 'How many users?', createdAt: 5 };
    let state = run(initialRoomState(), server(snapshot()), { type: 'queued', entry });
    expect(state.local).toEqual([{ ...entry, status: 'pending' }]);
    state = run(state, server({ type: 'ack', clientId: 'c1', duplicate: false }));
    expect(state.local[0]?.status).toBe('sent');
    const turn: Turn = {
      id: 't9',
      role: 'candidate',
      step: 'requirements',
      kind: 'answer',
      text: entry.text,
      at: 9,
      clientId: 'c1',
    };
    state = run(state, server({ type: 'turn', seq: 3, turn }));
    expect(state.local).toEqual([]);
    expect(state.transcript.at(-1)).toEqual(turn);
  });

  it('restores the outbox after a reload and drops what the snapshot already holds', () => {
    const outbox = [
      { clientId: 'stored', text: 'a', createdAt: 1 },
      { clientId: 'lost', text: 'b', createdAt: 2 },
    ];
    const stored: Turn = {
      id: 't5',
      role: 'candidate',
      step: 'requirements',
      kind: 'answer',
      text: 'a',
      at: 3,
      clientId: 'stored',
    };
    const state = run(initialRoomState(outbox), server(snapshot({ transcript: [opening, stored] })));
    expect(state.local.map((m) => m.clientId)).toEqual(['lost']);
  });

  it('marks a refused message as failed with the reason', () => {
    const state = run(
      initialRoomState(),
      server(snapshot()),
      { type: 'queued', entry: { clientId: 'c1', text: 'x', createdAt: 1 } },
      server({ type: 'error', code: 'RATE_LIMITED', message: 'slow down', clientId: 'c1' }),
    );
    expect(state.local[0]).toMatchObject({ status: 'failed', error: 'slow down' });
    expect(state.notice).toEqual({ code: 'RATE_LIMITED', message: 'slow down' });
  });

  it('closes the previous step and opens the next one', () => {
    const state = run(
      initialRoomState(),
      server(snapshot()),
      server({ type: 'warning', seq: 3, step: 'requirements', remainingMs: 60_000 }),
      server({
        type: 'step',
        seq: 4,
        step: 'data',
        index: 2,
        startedAt: 241_000,
        budgetMs: 480_000,
        reason: 'candidate',
      }),
    );
    expect(state.steps.map((s) => s.status)).toEqual(['done', 'skipped', 'active', 'pending']);
    expect(state.steps[0]?.usedMs).toBe(240_000);
    expect(state.currentStep).toBe('data');
    expect(state.stepStartedAt).toBe(241_000);
    expect(state.warning).toBeNull();
    expect(stepUsedMs(state, state.steps[2]!, 301_000)).toBe(60_000);
  });

  it('freezes on a pause and takes the shifted step start on resume', () => {
    const paused = run(
      initialRoomState(),
      server(snapshot()),
      server({ type: 'clock', clock: { ...snapshot().clock!, pausedAt: 61_000, serverNow: 61_000 } }, 70_000),
    );
    expect(paused.pausedAt).toBe(61_000);
    expect(paused.clockOffset).toBe(-9000);
    const resumed = run(
      paused,
      server(
        { type: 'clock', clock: { ...snapshot().clock!, stepStartedAt: 121_000, serverNow: 181_000 } },
        190_000,
      ),
    );
    expect(resumed.pausedAt).toBeNull();
    expect(resumed.stepStartedAt).toBe(121_000);
    // A step change clears a pause the way the server does.
    const moved = run(
      paused,
      server({
        type: 'step',
        seq: 3,
        step: 'framing',
        index: 1,
        startedAt: 90_000,
        budgetMs: 300_000,
        reason: 'candidate',
      }),
    );
    expect(moved.pausedAt).toBeNull();
  });

  it('records the end and the report id', () => {
    const state = run(
      initialRoomState(),
      server(snapshot()),
      server({ type: 'ended', seq: 3, reason: 'ended-early', reportId: 'r1' }),
    );
    expect(state.ended).toEqual({ reason: 'ended-early', reportId: 'r1' });
    expect(state.session?.status).toBe('ended');
  });
});
