import type { ServerMessage } from '@mlsd/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DELTA_TICK_MS, DeltaBatch } from '../src/transport/ws/delta-batch.ts';

const delta = (text: string, draftId = 'd1') =>
  ({ type: 'turn_delta', draftId, step: 'data', text }) as const;

describe('per-socket delta coalescing', () => {
  let sent: ServerMessage[];
  let batch: DeltaBatch;

  beforeEach(() => {
    vi.useFakeTimers();
    sent = [];
    batch = new DeltaBatch((message) => sent.push(message));
  });

  afterEach(() => {
    batch.close();
    vi.useRealTimers();
  });

  it('sends the first delta at once and joins the rest of the tick, in order, into one frame', () => {
    batch.delta(delta('How '));
    expect(sent).toEqual([delta('How ')]);
    batch.delta(delta('would '));
    batch.delta(delta('you '));
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(DELTA_TICK_MS);
    expect(sent).toEqual([delta('How '), delta('would you ')]);
    // The tick that follows gathers again; a quiet tick ends the batching.
    batch.delta(delta('split'));
    vi.advanceTimersByTime(DELTA_TICK_MS);
    expect(sent.at(-1)).toEqual(delta('split'));
    vi.advanceTimersByTime(DELTA_TICK_MS);
    batch.delta(delta(' it?'));
    expect(sent.at(-1)).toEqual(delta(' it?'));
  });

  it('flushes before any other frame, so no delta follows the turn it belongs to', () => {
    batch.delta(delta('a'));
    batch.delta(delta('b'));
    batch.flush();
    sent.push({ type: 'turn_discard', draftId: 'd1', reason: 'failed' });
    vi.advanceTimersByTime(DELTA_TICK_MS * 3);
    expect(sent.map((m) => (m.type === 'turn_delta' ? m.text : m.type))).toEqual(['a', 'b', 'turn_discard']);
  });

  it('never joins two drafts', () => {
    batch.delta(delta('one', 'd1'));
    batch.delta(delta('two', 'd1'));
    batch.delta(delta('three', 'd2'));
    vi.advanceTimersByTime(DELTA_TICK_MS);
    expect(sent).toEqual([delta('one', 'd1'), delta('two', 'd1'), delta('three', 'd2')]);
  });

  it('sends nothing after the socket closed', () => {
    batch.delta(delta('a'));
    batch.delta(delta('b'));
    batch.close();
    vi.advanceTimersByTime(DELTA_TICK_MS * 2);
    expect(sent).toEqual([delta('a')]);
  });
});
