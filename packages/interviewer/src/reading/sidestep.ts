import type { StepId } from '@mlsd/protocol';
import type { CaseStudy, Framework } from '@mlsd/rubric';
import { extractTerms } from '../facts/terms.ts';
import type { TranscriptLine } from '../interviewer.ts';
import { pointLastAsked } from './answered-asked.ts';

/**
 * The question the message leaves aside: the interviewer asked about permissions and the candidate
 * answered about latency ("Good question. The answer should start showing within a couple of
 * seconds"), or a change of constraints was put and the reply is about something else ("Sure.
 * Separately, I'd want a budget line for GPUs"). A human interviewer notices and asks again once;
 * moving on to the next question teaches the candidate that any answer will do.
 *
 * Read only right after a probe, a follow-up or a change of constraints (a time warning between
 * them aside), and only when the answer shares no word of weight with the question, the point it
 * asks about or the change, and covers nothing of that point: an answer in other words nearly
 * always says back a word of what it answers.
 */
export type Sidestep = { pointId: string } | { curveballId: string };

/** Lines that asked a question the next message is expected to answer. */
const ASKING: ReadonlySet<string> = new Set(['probe', 'follow-up', 'curveball']);
/** Words too common in design talk to tie an answer to a question. */
const COMMON = new Set([
  '~data',
  '~existing',
  '~amount',
  '~scale',
  '~time',
  'model',
  'system',
  'would',
  'need',
  'make',
  'want',
  'good',
  'question',
  'use',
  'think',
  'way',
  'thing',
  'sure',
]);
/** "On your earlier question about ...", "coming back to ...": an earlier question answered on purpose. */
const BACK_TO_EARLIER =
  /\b(?:(?:your|the) (?:earlier|previous|other|last) question|coming back to|going back to|back to (?:your|the) (?:earlier|previous|other)|you asked (?:earlier|before)|as i (?:said|mentioned))\b/i;
/** A question asking for a quantity. */
const ASKS_FIGURE =
  /\b(?:how (?:much|many|long|fast|big|often|soon|quickly)|what (?:number|share|fraction|percentage|rate|threshold|size)|which (?:number|metric|figure))\b/i;
/** An answer this short is read by the other checks (assent, "depends", a one-word reply). */
const MIN_WORDS = 6;

export function sidestepOf(
  caseStudy: CaseStudy,
  framework: Framework,
  step: StepId,
  text: string,
  transcript: readonly TranscriptLine[],
  /** Points the message covers, mentions or asks about. */
  touched: ReadonlySet<string>,
): Sidestep | null {
  if (text.trim().split(/\s+/).length < MIN_WORDS || BACK_TO_EARLIER.test(text)) return null;
  const asked = transcript.findLast((line) => line.role !== 'interviewer' || line.kind !== 'warning');
  if (!asked || asked.role !== 'interviewer' || !ASKING.has(asked.kind ?? '')) return null;
  if (asked.step !== undefined && asked.step !== step) return null;
  const said = weighty(text);
  if (asked.kind === 'curveball') {
    const ball = caseStudy.curveballs.find((each) => asked.text.includes(each.text));
    if (!ball || ball.step !== step) return null;
    const about = weighty(`${ball.text} ${ball.expects}`);
    return [...said].some((term) => about.has(term)) ? null : { curveballId: ball.id };
  }
  const pointId = pointLastAsked(caseStudy, framework, step, transcript, false);
  if (pointId === null || touched.has(pointId)) return null;
  const point = [
    ...caseStudy.steps[step].points,
    ...(framework.steps.find((each) => each.id === step)?.points ?? []),
  ].find((each) => each.id === pointId);
  if (!point) return null;
  // "Which company number would move, and by how much?" "Purchases per search, 2 to 3% more":
  // a figure answers a question for one, whatever its words.
  if (ASKS_FIGURE.test(asked.text) && /\d/.test(text)) return null;
  const about = weighty([asked.text, point.title, ...point.signals, ...point.plain].join(' . '));
  return [...said].some((term) => about.has(term)) ? null : { pointId };
}

/** The words of weight, and the figures ("15B", "40%"), which tie an answer to its question too. */
function weighty(text: string): Set<string> {
  const figures = text.toLowerCase().match(/\d[\d.,]*\s*[a-z%]*/g) ?? [];
  return new Set([
    ...extractTerms(text).filter((term) => !COMMON.has(term)),
    ...figures.map((figure) => figure.replace(/[\s,]/g, '')),
  ]);
}
