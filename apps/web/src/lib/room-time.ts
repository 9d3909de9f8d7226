import type { StepProgress } from '@mlsd/protocol';
import { serverTime } from './countdown.ts';

/** What the room's clocks are drawn from: the fields of `RoomState` they read. */
export interface RoomTimes {
  steps: readonly StepProgress[];
  currentStep: string | null;
  stepStartedAt: number;
  stepBudgetMs: number;
  pausedAt: number | null;
  clockOffset: number;
}

/** The server time the room's clocks show: frozen at `pausedAt` while the clock is paused. */
export function roomClockNow(times: RoomTimes, localNow: number): number {
  return times.pausedAt ?? serverTime(localNow, times.clockOffset);
}

/** Milliseconds left in the current step (negative once its budget is spent). */
export function stepLeftMs(times: RoomTimes, localNow: number): number {
  return times.stepStartedAt + times.stepBudgetMs - roomClockNow(times, localNow);
}

/**
 * Milliseconds left in the whole interview, as the server will run it: what is left of the
 * current step plus the budgets of the steps still to come. Time a candidate leaves unused by
 * moving on early is not given back, and a step that runs over (a late reply) eats no more.
 */
export function overallLeftMs(times: RoomTimes, localNow: number): number {
  const current = times.steps.findIndex((step) => step.id === times.currentStep);
  if (current < 0) return 0;
  const later = times.steps
    .slice(current + 1)
    .filter((step) => step.status === 'pending')
    .reduce((sum, step) => sum + step.budgetMs, 0);
  return Math.max(0, stepLeftMs(times, localNow)) + later;
}
