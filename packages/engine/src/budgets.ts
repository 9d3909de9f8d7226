import type { StepId } from '@mlsd/protocol';
import type { Framework } from '@mlsd/rubric';

const MS_PER_MINUTE = 60_000;
const MS_PER_SECOND = 1_000;

/**
 * Per-step budgets in ms for a session of `durationMinutes`, scaled from the framework's
 * 45-minute split (its minutes are taken as shares, so the scale holds even if they drift from 45) and rounded to whole seconds so that they add up to the session length exactly
 * (largest-remainder rounding).
 */
export function stepBudgetsMs(framework: Framework, durationMinutes: number): Record<StepId, number> {
  if (!Number.isFinite(durationMinutes) || durationMinutes <= 0) {
    throw new RangeError(`session length must be a positive number of minutes, got ${durationMinutes}`);
  }
  const totalMinutes = framework.steps.reduce((sum, step) => sum + step.minutes, 0);
  const totalSeconds = Math.round((durationMinutes * MS_PER_MINUTE) / MS_PER_SECOND);
  const exact = framework.steps.map((step) => (step.minutes / totalMinutes) * totalSeconds);
  const seconds = exact.map(Math.floor);
  let missing = totalSeconds - seconds.reduce((sum, value) => sum + value, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (missing <= 0) break;
    seconds[index] = (seconds[index] ?? 0) + 1;
    missing -= 1;
  }
  const budgets = {} as Record<StepId, number>;
  framework.steps.forEach((step, index) => {
    budgets[step.id] = (seconds[index] ?? 0) * MS_PER_SECOND;
  });
  return budgets;
}

/**
 * How long before the end of a step its warning fires: one minute, or half the budget when the
 * budget is under two minutes (a one-minute warning in a 90-second step would come almost at once).
 */
export function warningLeadMs(budgetMs: number): number {
  return Math.min(MS_PER_MINUTE, Math.floor(budgetMs / 2));
}
