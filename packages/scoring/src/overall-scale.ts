import { round1 } from './grading.ts';

/**
 * The overall on a careful human's scale, from the steps' scores weighted by their minutes (issue:
 * "map step scores to the overall so that the overall agrees with a careful human"). A step's score
 * is the share of its rubric weight the candidate earned, and the rubric holds more than any one
 * strong answer says in 45 minutes: interviews written from the brief alone, as users answer, reach
 * 55-80 where a human gives 75-90, and a medium one 20-30 where a human gives 40-55. Below a
 * quarter of the rubric (buzzwords, agreement, an answer aimed at the grader, a weak interview) the
 * score stays where it is; above it, it rises faster, then flattens towards 100.
 *
 * Knots (weighted steps -> overall), piecewise linear. Fitted on the calibration set's tune and
 * held-out halves and the score-report test's dev and brief halves together (packages/scoring/
 * README.md, "The overall's scale"), with the calibration goals as constraints (rambling at most
 * 30, agree-only at most 10, injection at most weak + 10, strong in plain words within 25 of
 * jargon) and a concave top; checked on the halves never fitted on, the calibration blind half
 * and the score-report blind half. It is monotone, so every order the steps' scores give (and
 * every rank correlation) is kept.
 */
export const OVERALL_SCALE: readonly (readonly [steps: number, overall: number])[] = [
  [0, 0],
  [10, 14],
  [25, 24],
  [40, 52],
  [60, 75],
  [80, 88],
  [100, 100],
];

/** The overall for a weighted step score (0..100), one decimal. */
export function calibratedOverall(weightedSteps: number): number {
  if (!Number.isFinite(weightedSteps)) return weightedSteps > 0 ? 100 : 0;
  const x = Math.min(100, Math.max(0, weightedSteps));
  for (let i = 1; i < OVERALL_SCALE.length; i++) {
    const [x1, y1] = OVERALL_SCALE[i] ?? [100, 100];
    if (x > x1) continue;
    const [x0, y0] = OVERALL_SCALE[i - 1] ?? [0, 0];
    return round1(y0 + ((x - x0) / (x1 - x0)) * (y1 - y0));
  }
  return 100;
}
