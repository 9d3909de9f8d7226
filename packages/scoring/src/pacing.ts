import type { StepId } from '@mlsd/rubric';

export interface TimedTurn {
  step: StepId | null;
  atMs: number | null;
}

/**
 * Time spent per step, from the times turns were sent. The time between two timed turns belongs
 * to the step of the earlier one (the step that was in progress); the time from `startMs` to the
 * first turn belongs to that turn's step, and the time from the last turn to `endMs` to the last
 * step. Null when no turn carries both a time and a step.
 */
export function stepDurations(
  turns: readonly TimedTurn[],
  startMs: number | null,
  endMs: number | null,
): Map<StepId, number> | null {
  const timed = turns.filter(
    (turn): turn is { step: StepId; atMs: number } => turn.step !== null && turn.atMs !== null,
  );
  const first = timed[0];
  const last = timed[timed.length - 1];
  if (!first || !last) return null;
  const used = new Map<StepId, number>();
  const add = (step: StepId, ms: number) => used.set(step, (used.get(step) ?? 0) + Math.max(0, ms));
  if (startMs !== null) add(first.step, first.atMs - startMs);
  for (let i = 1; i < timed.length; i++) {
    const before = timed[i - 1];
    const turn = timed[i];
    if (before && turn) add(before.step, turn.atMs - before.atMs);
  }
  if (endMs !== null) add(last.step, endMs - last.atMs);
  return used;
}

/** A step's time budget in a session of `durationMinutes`, scaled from the framework's 45-minute plan. */
export function budgetMs(stepMinutes: number, durationMinutes: number): number {
  return Math.round(stepMinutes * (durationMinutes / 45) * 60_000);
}
