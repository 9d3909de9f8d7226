import type { SnapshotMessage, Turn, TurnDeltaMessage } from '@mlsd/protocol';
import { describe, expect, it } from 'vitest';
import { sampleSnapshot } from './fixtures.ts';
import { FrameBatcher, type FrameScheduler } from './frame-batcher.ts';
import { initialRoomState, type RoomAction, type RoomState, roomReducer } from './room-state.ts';

function snapshot(over: Partial<SnapshotMessage['room']> = {}): SnapshotMessage {
  return sampleSnapshot({ lastSeq: 1 }, { interviewer: 'llm', ...over });
}

const delta = (text: string, draftId = 's1:2'): TurnDeltaMessage => ({
  type: 'turn_delta',
  draftId,
  step: 'requirements',
  text,
});

const turn = (over: Partial<Turn> = {}): Turn => ({
  id: '1',
  role: 'interviewer',
  step: 'requirements',
  kind: 'probe',
  text: 'How many users a day?',
  at: 1,
  ...over,
});

const server = (message: Extract<RoomAction, { type: 'server' }>['message']): RoomAction => ({
  type: 'server',
  message,
  localNow: 0,
});

const run = (state: RoomState, ...actions: RoomAction[]) => actions.reduce(roomReducer, state);

describe('streamed drafts in the room', () => {
  it('grows a draft piece by piece, then swaps it for the committed turn', () => {
    let state = run(
      initialRoomState(),
      server(snapshot()),
      { type: 'deltas', deltas: [delta('How many '), delta('users ')] },
      server(delta('a day?')),
    );
    expect(state.drafts).toEqual([{ draftId: 's1:2', step: 'requirements', text: 'How many users a day?' }]);
    state = run(state, server({ type: 'turn', seq: 2, turn: turn({ draftId: 's1:2' }) }));
    expect(state.drafts).toEqual([]);
    expect(state.transcript.map((t) => t.text)).toEqual(['How many users a day?']);
  });

  it('drops a discarded draft and keeps the committed replacement only', () => {
    const state = run(
      initialRoomState(),
      server(snapshot()),
      server(delta('Half a sent')),
      server({ type: 'turn_discard', draftId: 's1:2', reason: 'failed' }),
      server({ type: 'turn', seq: 2, turn: turn({ kind: 'notice', text: 'The model did not answer.' }) }),
      server({ type: 'turn', seq: 3, turn: turn({ id: '2', text: 'Offline line.', draftId: 's1:2' }) }),
    );
    expect(state.drafts).toEqual([]);
    expect(state.transcript.map((t) => t.text)).toEqual(['The model did not answer.', 'Offline line.']);
    expect(state.degraded).toBe(true);
  });

  it('forgets drafts on a reconnect and takes the degraded flag from the snapshot', () => {
    const state = run(
      initialRoomState(),
      server(snapshot()),
      server(delta('Some words')),
      server(snapshot({ degraded: true })),
    );
    expect(state.drafts).toEqual([]);
    expect(state.degraded).toBe(true);
  });

  it('keeps drafts of two moves apart', () => {
    const state = run(initialRoomState(), server(snapshot()), {
      type: 'deltas',
      deltas: [delta('First.', 's1:2'), delta('Second', 's1:3'), delta(' move.', 's1:3')],
    });
    expect(state.drafts.map((d) => d.text)).toEqual(['First.', 'Second move.']);
  });
});

/** Frames the test runs by hand. */
function manualFrames(): FrameScheduler & { run(): void; pending: number } {
  let queued: (() => void)[] = [];
  return {
    request(callback) {
      queued.push(callback);
      return callback;
    },
    cancel(handle) {
      queued = queued.filter((callback) => callback !== handle);
    },
    run() {
      const now = queued;
      queued = [];
      for (const callback of now) callback();
    },
    get pending() {
      return queued.length;
    },
  };
}

describe('FrameBatcher', () => {
  it('hands over everything pushed in a frame at once, with one frame requested', () => {
    const frames = manualFrames();
    const delivered: string[][] = [];
    const batcher = new FrameBatcher<string>((items) => delivered.push(items), frames);
    batcher.push('a');
    batcher.push('b');
    batcher.push('c');
    expect(frames.pending).toBe(1);
    expect(delivered).toEqual([]);
    frames.run();
    expect(delivered).toEqual([['a', 'b', 'c']]);
    frames.run();
    expect(delivered).toHaveLength(1);
  });

  it('flushes at once when asked, cancelling the frame', () => {
    const frames = manualFrames();
    const delivered: string[][] = [];
    const batcher = new FrameBatcher<string>((items) => delivered.push(items), frames);
    batcher.push('a');
    batcher.flush();
    expect(delivered).toEqual([['a']]);
    expect(frames.pending).toBe(0);
    batcher.flush();
    batcher.push('b');
    batcher.dispose();
    frames.run();
    expect(delivered).toEqual([['a']]);
  });
});
