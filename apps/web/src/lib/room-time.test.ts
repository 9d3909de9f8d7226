import type { StepProgress } from '@mlsd/protocol';
import { describe, expect, it } from 'vitest';
import { overallLeftMs, type RoomTimes, roomClockNow, stepLeftMs } from './room-time.ts';

const MIN = 60_000;
const step = (id: StepProgress['id'], budgetMs: number, status: StepProgress['status']): StepProgress => ({
  id,
  title: id,
  budgetMs,
  usedMs: 0,
  status,
});

/** Step two of four is running: it started at 100 min (server time) with 10 min to spend. */
const times: RoomTimes = {
  steps: [
    step('requirements', 5 * MIN, 'done'),
    step('framing', 10 * MIN, 'active'),
    step('data', 8 * MIN, 'pending'),
    step('model', 12 * MIN, 'pending'),
  ],
  currentStep: 'framing',
  stepStartedAt: 100 * MIN,
  stepBudgetMs: 10 * MIN,
  pausedAt: null,
  // The browser's clock is one minute behind the server's.
  clockOffset: MIN,
};

describe('the room clocks', () => {
  it('run on the server clock: the step and the whole interview count down together', () => {
    const localNow = 103 * MIN;
    expect(roomClockNow(times, localNow)).toBe(104 * MIN);
    expect(stepLeftMs(times, localNow)).toBe(6 * MIN);
    // Six minutes of this step and the budgets of the two steps to come; the done step's are gone.
    expect(overallLeftMs(times, localNow)).toBe(26 * MIN);
    expect(overallLeftMs(times, localNow + 30_000)).toBe(26 * MIN - 30_000);
  });

  it('stand still while paused', () => {
    const paused = { ...times, pausedAt: 102 * MIN };
    expect(stepLeftMs(paused, 103 * MIN)).toBe(8 * MIN);
    expect(overallLeftMs(paused, 103 * MIN)).toBe(28 * MIN);
    expect(overallLeftMs(paused, 150 * MIN)).toBe(28 * MIN);
  });

  it('count a step that runs over (a late reply) as nothing left, not as time owed', () => {
    expect(stepLeftMs(times, 111 * MIN)).toBe(-2 * MIN);
    expect(overallLeftMs(times, 111 * MIN)).toBe(20 * MIN);
  });

  it('leave skipped steps out, and show nothing left before the clock is known', () => {
    const skipping = {
      ...times,
      steps: times.steps.map((s) => (s.id === 'data' ? { ...s, status: 'skipped' as const } : s)),
    };
    expect(overallLeftMs(skipping, 103 * MIN)).toBe(18 * MIN);
    expect(overallLeftMs({ ...times, currentStep: null }, 103 * MIN)).toBe(0);
  });
});
