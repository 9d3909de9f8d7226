import type { CoveredPoint, RedFlagSeverity, StepInterventions, StepReport } from '@mlsd/protocol';

/** How the report words a step's numbers and the interviewer's help; shared by the page and the Markdown export. */

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Probes, follow-ups, hints and challenges summed over steps (older reports carry none). */
export function totalInterventions(steps: readonly StepReport[]): StepInterventions {
  const total = { probes: 0, followUps: 0, hints: 0, challenges: 0 };
  for (const step of steps) {
    const counts = step.interventions;
    if (!counts) continue;
    total.probes += counts.probes;
    total.followUps += counts.followUps;
    total.hints += counts.hints;
    total.challenges += counts.challenges;
  }
  return total;
}

/** "2 hints · 1 challenge · 1 follow-up", or null when the interviewer only opened and listened. */
export function interventionsText(counts: StepInterventions | undefined): string | null {
  if (!counts) return null;
  const parts = [
    counts.hints > 0 ? plural(counts.hints, 'hint') : null,
    counts.challenges > 0 ? plural(counts.challenges, 'challenge') : null,
    counts.followUps > 0 ? plural(counts.followUps, 'follow-up') : null,
    counts.probes > 0 ? plural(counts.probes, 'probe') : null,
  ].filter((part) => part !== null);
  return parts.length === 0 ? null : parts.join(' · ');
}

/** How long the clock stood paused: "none", "45 s", "3 min 5 s". */
export function pausedText(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds <= 0) return 'none';
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return `${rest} s`;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

/** The tag of a point credited though the session's level does not expect it. */
export const ABOVE_LEVEL_TEXT = 'above level: bonus';

/** The heading of a missed point's staff paragraph. */
export const STAFF_ADDS_TEXT = 'What a staff answer adds';

/** Credited points the level expects, and bonus points above it, over the steps given. */
export function pointCounts(steps: readonly StepReport[]): { expected: number; bonus: number } {
  let expected = 0;
  let bonus = 0;
  for (const step of steps) {
    for (const point of step.covered) {
      if (point.beyondLevel) bonus += 1;
      else expected += 1;
    }
  }
  return { expected, bonus };
}

/** How the candidate got to a point: on their own, after a probe or follow-up, or after a hint (and what it cost). */
export function promptText(point: CoveredPoint): string {
  const hint = point.afterHint;
  if (hint) {
    const cost = hint.factor < 1 ? ` (×${hint.factor} credit)` : '';
    if (hint.level === 3) return `after a hint that named it${cost}`;
    if (hint.level === 2) return `after a hint${cost}`;
    return 'after a rephrased question';
  }
  return point.unprompted ? 'unprompted' : 'after being asked';
}

export const SEVERITY_LABEL: Record<RedFlagSeverity, string> = {
  minor: 'minor',
  major: 'major',
  severe: 'severe',
};

/**
 * Whether the scorer that produced this step took its red flags off the score: a reached step with
 * a `contentScore`. Older reports, and a judge's steps, carry flags that cost nothing.
 */
export function deductsRedFlags(step: StepReport): boolean {
  return step.reached && step.contentScore !== undefined;
}

/** Step points the red flags took off (before the floor at 0). */
export function totalDeduction(step: StepReport): number {
  if (!deductsRedFlags(step)) return 0;
  return step.redFlags.reduce((sum, flag) => sum + (flag.deduction ?? 0), 0);
}

/** "content 54 − red flags 24 = 30" when red flags changed the score; null otherwise. */
export function scoreBreakdown(step: StepReport): string | null {
  const deduction = totalDeduction(step);
  if (deduction === 0 || step.contentScore === undefined) return null;
  return `content ${Math.round(step.contentScore)} − red flags ${Math.round(deduction)} = ${Math.round(step.score)}`;
}

/** The matcher's reasons for a near miss, in words for the candidate; other reasons show as given. */
const NEAR_MISS_REASONS: Record<string, string> = {
  rejected: 'said only to turn it down',
  'states the mistake': 'said in a sentence that makes the mistake it guards against',
  'echo of the interviewer': "repeats the interviewer's words",
  question: 'asked as a question, not stated',
  'diagram-label': 'only a label in a diagram',
  'different idea': 'about a different idea',
  generic: 'too generic to count',
  'no reason or specifics': 'named without a reason or specifics',
  'bare list': 'named in a bare list',
  hedged: 'hedged',
  'in passing': "one word of it, in a sentence about another step's point",
};

export function nearMissText(why: string): string {
  return NEAR_MISS_REASONS[why] ?? why;
}
