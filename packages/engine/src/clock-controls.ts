import { warningLeadMs } from './budgets.ts';
import type { EngineState, StepState } from './state.ts';

/** Most time one `add-time` event may add: a slip of the finger must not add hours. */
export const MAX_ADD_TIME_MS = 30 * 60_000;

/**
 * Stops the clock at `now`. Works on a private copy of the state (the machine's draft); a pause
 * of a paused or ended interview changes nothing.
 */
export function applyPause(s: EngineState, now: number): void {
  if (s.status === 'ended' || s.pausedAt !== null) return;
  s.pausedAt = now;
}

/**
 * Starts the clock again. The current step (and a pending reply's timeout) is shifted by the
 * paused time, so the step keeps the time it had left and its used time leaves the pause out.
 */
export function applyResume(s: EngineState, now: number): void {
  if (s.pausedAt === null) return;
  const pausedFor = Math.max(0, now - s.pausedAt);
  s.pausedAt = null;
  s.pausedMs += pausedFor;
  const step = s.steps[s.stepIndex];
  if (step?.startedAt != null) step.startedAt += pausedFor;
  if (s.speakingSince !== null) s.speakingSince += pausedFor;
}

/**
 * Adds `ms` (clamped to 1 s .. MAX_ADD_TIME_MS) to the current step's budget. When that puts the
 * end more than a warning's lead away again, the one-minute warning is re-armed.
 */
export function applyAddTime(s: EngineState, ms: number, now: number): void {
  if (s.status === 'ended' || !Number.isFinite(ms)) return;
  const added = Math.min(MAX_ADD_TIME_MS, Math.max(1_000, Math.round(ms)));
  const step = s.steps[s.stepIndex];
  if (!step) return;
  step.budgetMs += added;
  const clockNow = s.pausedAt ?? now;
  if (step.warned && remainingAt(step, clockNow) > warningLeadMs(step.budgetMs)) step.warned = false;
}

/** Time left in `step` at `now` on the interview's clock (negative once over). */
function remainingAt(step: StepState, now: number): number {
  return (step.startedAt ?? now) + step.budgetMs - now;
}

/** Milliseconds left in the current step at `now`, frozen while the clock is paused. */
export function remainingMs(s: EngineState, now: number): number {
  const step = s.steps[s.stepIndex];
  if (!step) return 0;
  return remainingAt(step, s.pausedAt ?? now);
}
