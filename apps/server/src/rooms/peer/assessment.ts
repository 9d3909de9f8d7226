import type { PeerAssessment, PointVerdict, StepId } from '@mlsd/protocol';
import { type Refusal, refuse } from '../refusals.ts';

export const EMPTY_ASSESSMENT: PeerAssessment = { marks: {}, ratings: {}, privateNotes: '' };

/** The interviewer's verdict on a point of this case; null goes back to the matcher's. */
export function withMark(
  assessment: PeerAssessment,
  pointIds: ReadonlySet<string>,
  pointId: string,
  verdict: PointVerdict | null,
): PeerAssessment | Refusal {
  if (!pointIds.has(pointId))
    return refuse('BAD_MESSAGE', `unknown talking point "${pointId.slice(0, 120)}"`);
  const marks = { ...assessment.marks };
  if (verdict === null) delete marks[pointId];
  else marks[pointId] = verdict;
  return { ...assessment, marks };
}

export function withRating(
  assessment: PeerAssessment,
  step: StepId,
  score: number | null,
  comment: string,
): PeerAssessment {
  return { ...assessment, ratings: { ...assessment.ratings, [step]: { score, comment } } };
}

export function withPrivateNotes(assessment: PeerAssessment, text: string): PeerAssessment {
  return { ...assessment, privateNotes: text };
}
