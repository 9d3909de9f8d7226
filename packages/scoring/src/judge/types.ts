import type { CandidateIntent, HintLevel, TurnKind } from '@mlsd/protocol';
import type { StepId } from '@mlsd/rubric';

/**
 * The turn shape the judge reads, apart from the code that reads it. It sits in this leaf file
 * (importing nothing that imports it back) so that `prompt.ts`, `ask.ts` and `view.ts` can share it
 * without import cycles.
 */

/**
 * The part of a transcript turn the judge reads; `Turn` from @mlsd/protocol fits. The interviewer's
 * `kind`, hints and curveballs let the judge's report apply the offline report's rules.
 */
export interface JudgeTurn {
  role: 'interviewer' | 'candidate';
  text: string;
  step?: StepId | null;
  at?: number | null;
  kind?: TurnKind;
  probedPointIds?: readonly string[];
  hintLevel?: HintLevel;
  hintPointIds?: readonly string[];
  curveballId?: string;
  intent?: CandidateIntent;
}
