import type { HintLevel, RedFlagSeverity } from '@mlsd/protocol';
import { round1 } from './grading.ts';
import type { HintGiven } from './session.ts';

/**
 * Step points (of 100) a red flag said in earnest takes off its step. A step's weights sum to
 * 21-25, so an essential point (weight 3) is worth 12-14 step points: a major flag costs about what
 * leaving out one essential point costs, a minor one (a weak choice) less than half of that, and
 * a severe one (leaks the test set, ships the wrong objective) wipes out two essential points.
 * Documented in packages/scoring/README.md.
 */
export const RED_FLAG_DEDUCTIONS: Record<RedFlagSeverity, number> = { minor: 5, major: 12, severe: 25 };

/**
 * Share of the deduction a red flag still costs when the candidate took it back within two
 * messages ("actually no, accuracy is useless here"): catching one's own mistake is what a good
 * candidate does under a challenge, but the interviewer had to ask, so it is not free.
 */
export const TAKEN_BACK_FACTOR = 0.5;

export function redFlagDeduction(severity: RedFlagSeverity, takenBack: boolean): number {
  const full = RED_FLAG_DEDUCTIONS[severity];
  return takenBack ? round1(full * TAKEN_BACK_FACTOR) : full;
}

/**
 * Share of a point's credit kept when a hint steered to it before the candidate first said it:
 * a rephrased question (1) gives nothing away, pointing at the area (2) some, naming the concept
 * (3) half the idea.
 */
export const HINT_FACTORS: Record<HintLevel, number> = { 1: 1, 2: 0.8, 3: 0.5 };

/**
 * The step score a reader sees: what the content earned minus the red flags, floored at 0. A step
 * the interview never reached scores 0 whatever was said about it earlier.
 */
export function finalStepScore(
  contentScore: number,
  deductions: readonly number[],
  reached: boolean,
): number {
  if (!reached) return 0;
  const total = deductions.reduce((sum, amount) => sum + amount, 0);
  return round1(Math.max(0, contentScore - total));
}

/**
 * The strongest hint that steered to `pointId` before the text that first earned it credit (turn
 * order `firstOrder`; Infinity for notes-only evidence, which has no time and so counts as after).
 */
export function hintBefore(
  hints: readonly HintGiven[],
  pointId: string,
  firstOrder: number,
): { level: HintLevel; factor: number } | null {
  let level: HintLevel | null = null;
  for (const hint of hints) {
    if (hint.turnIndex >= firstOrder || !hint.pointIds.includes(pointId)) continue;
    if (level === null || hint.level > level) level = hint.level;
  }
  return level === null ? null : { level, factor: HINT_FACTORS[level] };
}
