import type { StepId } from '@mlsd/protocol';
import type { CaseStudy, Framework } from '@mlsd/rubric';
import type { AnalysisCache } from '@mlsd/scoring';
import type { TranscriptLine } from '../interviewer.ts';

/**
 * "Does that answer your question?", "is that what you were looking for?", "did I answer it?":
 * the candidate asks whether their answer landed. ("Does that cover it?" asks what is still open
 * in the part, a request the hints answer.) A human interviewer says whether it did; putting
 * it off ("it can wait until we finish") or giving a hint leaves them guessing.
 */
const ANSWERED_ASKED = new RegExp(
  `^(?:${[
    String.raw`(?:does|did|do|would) (?:that|this|it|my answer) (?:(?:answer|cover|address) (?:(?:your|the|that) question|what you asked)|answer it)\b`,
    String.raw`(?:did|have) i (?:(?:answer(?:ed)?|cover(?:ed)?|address(?:ed)?) (?:(?:your|the|that) question|what you asked)|answer(?:ed)? it)\b`,
    String.raw`(?:is|was) (?:that|this) (?:roughly |kind of |sort of |more or less )?(?:what you(?:'re| are| were) (?:after|looking for|asking for|hoping for)|what you (?:wanted|meant)|the answer you (?:wanted|were looking for|expected))`,
    String.raw`(?:hope|hopefully) (?:that|this) answers (?:(?:your|the) question|it)\b`,
  ].join('|')})`,
  'i',
);

/** Filler before the ask ("so", "ok", "um"). */
const OPENING_FILLER = /^\W*(?:(?:so|ok|okay|um+|uh+|hmm+|and|well|right|anyway)\b[\s,]*)*/i;

function sentencesOf(text: string): string[] {
  return text
    .trim()
    .replace(/’/g, "'")
    .split(/(?<=[.!?])\s+/);
}

/** The message's last sentence asks whether the answer landed. */
export function asksIfAnswered(text: string): boolean {
  return ANSWERED_ASKED.test((sentencesOf(text).at(-1) ?? '').replace(OPENING_FILLER, ''));
}

/** The whole message is that ask and nothing else. */
export function onlyAsksIfAnswered(text: string): boolean {
  return sentencesOf(text).length === 1 && asksIfAnswered(text);
}

/**
 * The point of this step the question answered asked about: the most recent line of the step that
 * holds a point's probe or one of its written follow-ups. Asked alone (`alone`), the ask is about
 * the candidate's previous message, so the search starts before it: a probe said since is not
 * answered yet. Null when the step's questions were its opening and acknowledgements (or a
 * curveball), which no single point answers.
 */
export function pointLastAsked(
  caseStudy: CaseStudy,
  framework: Framework,
  step: StepId,
  transcript: readonly TranscriptLine[],
  alone: boolean,
): string | null {
  const points = [
    ...caseStudy.steps[step].points,
    ...(framework.steps.find((each) => each.id === step)?.points ?? []),
  ];
  const from = alone ? transcript.findLastIndex((line) => line.role === 'candidate') : transcript.length;
  for (let i = from - 1; i >= 0; i--) {
    const line = transcript[i];
    if (!line || line.role !== 'interviewer') continue;
    if ((line.step !== undefined && line.step !== step) || line.kind === 'opening') return null;
    if (line.kind === 'curveball') return null;
    const asked = points.find((point) =>
      [point.probe, ...point.followUps].some((question) => question !== '' && line.text.includes(question)),
    );
    if (asked) return asked.id;
  }
  return null;
}

/**
 * The point the interviewer's last question (a probe or a follow-up, the time warnings aside) asked
 * about, when the candidate's message is the next thing said; null after anything else.
 */
export function pointJustAsked(
  caseStudy: CaseStudy,
  framework: Framework,
  step: StepId,
  transcript: readonly TranscriptLine[],
): string | null {
  const last = transcript.findLast((line) => line.role === 'candidate' || line.kind !== 'warning');
  if (!last || last.role !== 'interviewer' || (last.kind !== 'probe' && last.kind !== 'follow-up'))
    return null;
  return pointLastAsked(caseStudy, framework, step, [last], false);
}

/**
 * Whether a message takes up a word of weight from the interviewer's last question (a warning
 * aside): a content word of four letters or more that is no word of the interview itself.
 */
export function echoesLastQuestion(
  text: string,
  transcript: readonly TranscriptLine[],
  cache: AnalysisCache,
): boolean {
  const last = transcript.findLast((line) => line.role === 'candidate' || line.kind !== 'warning');
  if (!last || last.role !== 'interviewer' || (last.kind !== 'probe' && last.kind !== 'follow-up'))
    return false;
  const asked = cache.lemmaSet(last.text);
  return [...cache.lemmaSet(text)].some(
    (lemma) => lemma.length >= 4 && asked.has(lemma) && !INTERVIEW_WORDS.has(lemma),
  );
}

/** Words any question or plea for help may share with the one before: not what either is about. */
const INTERVIEW_WORDS = new Set([
  'know',
  'think',
  'idea',
  'sure',
  'handle',
  'would',
  'what',
  'help',
  'stuck',
  'really',
  'here',
  'there',
  'this',
  'that',
  'they',
  'them',
  'your',
  'make',
  'good',
  'well',
]);
