import type {
  Agreement,
  CurveballComparison,
  CurveballView,
  Evidence,
  PointComparison,
  RedFlagComparison,
  StepId,
  VerdictComparison,
} from '@mlsd/protocol';
import { percent } from './labels.ts';
import { plural } from './report-text.ts';

/** How the report words the model judge beside the offline matcher; shared by the page and the Markdown export. */

export const UNCERTAIN_TEXT = 'uncertain: the two judge runs disagreed';

export const POINT_AGREEMENT_LABEL: Record<Agreement, string> = {
  agree: 'agree',
  'judge-only': 'only the judge credits it',
  'offline-only': 'only the offline matcher credits it',
  level: 'different level',
};

/** A listed red flag that `agree`s is one neither counts: only one of the judge's runs found it. */
export const RED_FLAG_AGREEMENT_LABEL: Record<RedFlagComparison['agreement'], string> = {
  agree: 'neither counts it',
  'judge-only': 'only the judge found it',
  'offline-only': 'only the offline matcher found it',
};

/** What one scorer made of a red flag: found (with a quote), not counted (judge runs split) or not found. */
export function redFlagViewText(evidence: Evidence | null, uncertain = false): string {
  if (evidence) return 'found';
  return uncertain ? 'not counted' : 'not found';
}

/** "covered 50%", or "covered nothing"; the ideas it found covered are listed beside it. */
export function curveballCoverText(view: CurveballView): string {
  return view.covered.length === 0 ? 'covered nothing' : `covered ${percent(view.share)}`;
}

/** A red flag's severity and what it costs the scorer that counts it: "major, −12 points". */
export function redFlagCostText(flag: RedFlagComparison): string {
  return flag.agreement === 'agree' ? flag.severity : `${flag.severity}, −${flag.deduction} points`;
}

export interface Differences {
  points: number;
  redFlags: number;
  curveballs: number;
}

/** What the two scorers disagree on, in the whole report or in one step (older reports list only points). */
export function differences(comparison: VerdictComparison, step?: StepId): Differences {
  const count = (items: readonly { step: StepId }[] | undefined) =>
    (items ?? []).filter((item) => step === undefined || item.step === step).length;
  return {
    points: count(comparison.disagreements),
    redFlags: count(comparison.redFlagDisagreements),
    curveballs: count(comparison.curveballDisagreements),
  };
}

export function totalDifferences(counts: Differences): number {
  return counts.points + counts.redFlags + counts.curveballs;
}

/** "2 points · 1 red flag", or null when they agree on everything. */
export function differencesText(counts: Differences): string | null {
  const parts = [
    counts.points > 0 ? plural(counts.points, 'point') : null,
    counts.redFlags > 0 ? plural(counts.redFlags, 'red flag') : null,
    counts.curveballs > 0 ? plural(counts.curveballs, 'curveball') : null,
  ].filter((part) => part !== null);
  return parts.length === 0 ? null : parts.join(' · ');
}

/**
 * Points and curveballs where the judge's two runs split but what it kept matches the offline
 * matcher: not disagreements, yet worth knowing they were borderline.
 */
export function quietlyUncertain(comparison: VerdictComparison): {
  points: (PointComparison & { step: StepId })[];
  curveballs: (CurveballComparison & { step: StepId })[];
} {
  return {
    points: comparison.steps.flatMap((step) =>
      step.points
        .filter((point) => point.judge.uncertain && point.agreement === 'agree')
        .map((point) => ({ ...point, step: step.id })),
    ),
    curveballs: comparison.steps.flatMap((step) =>
      (step.curveballs ?? [])
        .filter((ball) => ball.judge.uncertain && ball.agreement === 'agree')
        .map((ball) => ({ ...ball, step: step.id })),
    ),
  };
}
