import type { CaseStudy, Framework } from '@mlsd/rubric';
import { type AnalysisCache, readCandidateMessage } from '@mlsd/scoring';
import type { TranscriptLine } from '../interviewer.ts';

/**
 * "No, that's fine here: that number is for dispatch, not for the customer.", "That doesn't apply:
 * the offset updates every few minutes.": the candidate disputes a push-back right after it. A human
 * interviewer answers the argument: concedes when it holds, says so when it does not. Moving on to
 * the next question without a word leaves the candidate unsure whether the objection stands.
 */
const DISPUTES = new RegExp(
  String.raw`^\W*(?:${[
    String.raw`(?:no|nope|nah|not really|not quite|actually,? no|hmm+,? no)\b[,.!;:\s]`,
    String.raw`i (?:disagree|don'?t agree|do not agree|don'?t think so|don'?t buy (?:it|that))\b`,
    String.raw`(?:that'?s|that is|it'?s|it is) (?:fine|ok|okay|not (?:a problem|an issue|right|true|what i (?:said|meant|proposed)))\b`,
    String.raw`(?:that|this|your (?:objection|point|concern)) (?:doesn'?t|does not|wouldn'?t|would not) (?:apply|hold)\b`,
    String.raw`(?:that'?s|that is) only (?:for|about|in)\b`,
  ].join('|')})`,
  'i',
);

/** The message disputes the push-back the interviewer's last question was (a time warning aside). */
export function disputesChallenge(text: string, transcript: readonly TranscriptLine[]): boolean {
  const before = transcript.findLast((line) => line.role !== 'interviewer' || line.kind !== 'warning');
  return before?.role === 'interviewer' && before.kind === 'challenge' && DISPUTES.test(text.trim());
}

/**
 * Whether the push-back being disputed was on a severe mistake of the case (one that breaks a hard
 * rule, such as suggesting a profile's viewer to the person viewed): no argument that keeps the
 * design answers it, so the interviewer holds its ground rather than concede ("we never say why"
 * still shows the viewer).
 */
export function disputedSevere(
  caseStudy: CaseStudy,
  framework: Framework,
  transcript: readonly TranscriptLine[],
  cache: AnalysisCache,
): boolean {
  const challenge = transcript.findLastIndex(
    (line) => line.role === 'interviewer' && line.kind === 'challenge',
  );
  const challenged = transcript
    .slice(0, Math.max(0, challenge))
    .findLast((line) => line.role === 'candidate');
  if (!challenged) return false;
  const severe = new Set(
    [...Object.values(caseStudy.steps), ...framework.steps]
      .flatMap((step) => step.redFlags)
      .filter((flag) => flag.severity === 'severe')
      .map((flag) => flag.id),
  );
  return readCandidateMessage(caseStudy, framework, challenged.text, { cache }).redFlags.some((flag) =>
    severe.has(flag.flagId),
  );
}
