import { curveballCredit, type StepVerdicts } from './verdicts.ts';

const RANK = { missed: 0, mentioned: 1, explained: 2 } as const;

/**
 * Whether a second run can change anything. Combining keeps only what both runs assert, so when
 * the first credits nothing, finds no red flag and no covered curveball idea, a second run could
 * only mark points uncertain, never move a score: it is not asked.
 */
export function worthConfirming(first: StepVerdicts): boolean {
  return (
    first.points.some((point) => point.credit > 0) ||
    first.redFlags.some((flag) => flag.stated) ||
    first.curveballs.some((ball) => ball.covered.length > 0)
  );
}

/**
 * Two runs of one step made one: the judge asserts only what both runs assert. A point takes the
 * lower of its two verdicts (level, then credit) and is `uncertain` when the levels differ; a red
 * flag counts only when both runs found it stated; a curveball keeps the ideas both runs found
 * covered. Evidence comes from the run whose verdict is kept (each was checked on its own).
 */
export function combineRuns(first: StepVerdicts, second: StepVerdicts): StepVerdicts {
  const points = first.points.map((a) => {
    const b = second.points.find((point) => point.pointId === a.pointId);
    if (!b) return a;
    const lower =
      RANK[b.level] < RANK[a.level] || (RANK[b.level] === RANK[a.level] && b.credit < a.credit) ? b : a;
    return { ...lower, uncertain: a.level !== b.level };
  });
  const redFlags = first.redFlags.map((a) => {
    const b = second.redFlags.find((flag) => flag.flagId === a.flagId);
    if (!b) return a;
    const stated = a.stated && b.stated;
    return {
      ...a,
      stated,
      evidence: stated ? a.evidence : null,
      rejected: a.rejected ?? b.rejected,
      uncertain: a.stated !== b.stated,
    };
  });
  const curveballs = first.curveballs.map((a) => {
    const b = second.curveballs.find((ball) => ball.curveballId === a.curveballId);
    if (!b) return a;
    const both = a.covered.filter((index) => b.covered.includes(index));
    return {
      ...a,
      ...curveballCredit(both, a.ideas),
      evidence: both.length > 0 ? a.evidence : null,
      rejected: a.rejected ?? b.rejected,
      uncertain: both.length !== a.covered.length || both.length !== b.covered.length,
    };
  });
  return { points, redFlags, curveballs, runs: 2 };
}
