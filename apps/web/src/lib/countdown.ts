/** The server owns the timer; the browser only corrects its clock by the offset seen in a snapshot. */
export function clockOffset(serverNow: number, localNow: number): number {
  return serverNow - localNow;
}

export function serverTime(localNow: number, offset: number): number {
  return localNow + offset;
}

/** Milliseconds left in the current step (negative once the budget is spent). */
export function remainingMs(
  stepStartedAt: number,
  budgetMs: number,
  localNow: number,
  offset: number,
): number {
  return stepStartedAt + budgetMs - serverTime(localNow, offset);
}

export type CountdownTone = 'calm' | 'amber' | 'red';

/** Amber in the last two minutes, red in the last one. */
export function countdownTone(remaining: number): CountdownTone {
  if (remaining <= 60_000) return 'red';
  if (remaining <= 120_000) return 'amber';
  return 'calm';
}

/** "m:ss", rounding up so the clock shows 0:00 only when time is really up. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** Whole minutes for budgets and used time: "4 min", "under 1 min". */
export function formatMinutes(ms: number): string {
  if (ms < 60_000) return ms <= 0 ? '0 min' : '<1 min';
  return `${Math.round(ms / 60_000)} min`;
}
