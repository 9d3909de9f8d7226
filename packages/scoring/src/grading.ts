import type { HireSignal } from '@mlsd/protocol';

/**
 * Lowest overall score (0-100) for each hire signal; below the last one is no-hire. Documented
 * with the reasoning in packages/scoring/README.md and checked against calibration/.
 */
export const HIRE_THRESHOLDS = { 'strong-hire': 70, hire: 50, 'lean-no-hire': 25 } as const;

export function hireSignal(overall: number): HireSignal {
  if (overall >= HIRE_THRESHOLDS['strong-hire']) return 'strong-hire';
  if (overall >= HIRE_THRESHOLDS.hire) return 'hire';
  if (overall >= HIRE_THRESHOLDS['lean-no-hire']) return 'lean-no-hire';
  return 'no-hire';
}

/**
 * Weighted share of credit, 0..100, one decimal. A `bonus` item (a point expected only above the
 * session's level) adds what it earned but not its weight to the total, and the score stays <= 100.
 */
export function weightedScore(items: readonly { weight: number; credit: number; bonus?: boolean }[]): number {
  const total = items.reduce((sum, item) => sum + (item.bonus ? 0 : item.weight), 0);
  if (total === 0) return 0;
  const earned = items.reduce((sum, item) => sum + item.weight * item.credit, 0);
  return round1(Math.min(1, earned / total) * 100);
}

export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
