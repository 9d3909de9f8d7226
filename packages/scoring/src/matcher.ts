import type { StepId } from '@mlsd/rubric';
import type { Analysis } from './analyse.ts';
import { type Miscalculation, miscalculations } from './arithmetic.ts';
import type { CompiledPoint, CompiledRedFlag, CompiledRubric } from './compile.ts';
import { type Misdefinition, misdefinitions } from './definitions.ts';
import {
  CREDIT,
  MISS_REASONS,
  type MissReason,
  readingOf,
  type ThinReason,
  type Verdict,
} from './evidence.ts';

export { CREDIT };

/** One piece of candidate-authored text: an answer or the notes pad. */
export interface Utterance {
  analysis: Analysis;
  /** Index of the turn in the transcript; null for the notes pad. */
  turnIndex: number | null;
  /** Position in the session, for "raised before it was probed"; the notes pad is Infinity. */
  order: number;
  step: StepId | null;
  /** Content lemmas of the interviewer turn this answers: repeating them is not the candidate's own. */
  prompt: Set<string> | null;
  /** The interviewer turn this answers pushed back on a claim (kind `challenge`). */
  answersChallenge?: boolean;
}

export type Level = 'missed' | 'mentioned' | 'explained';

export interface Quote {
  quote: string;
  turnIndex: number | null;
}

/** The closest thing the candidate said for a point, and why it did not count (or not in full). */
export interface NearMiss extends Quote {
  why: MissReason | ThinReason;
}

export interface PointMatch {
  point: CompiledPoint;
  level: Level;
  /** Share of the point's weight earned, 0..1. */
  credit: number;
  evidence: Quote | null;
  /** Order of the first utterance that earned credit; Infinity when none did. */
  firstOrder: number;
  /**
   * For a missed point, the candidate's sentence that came closest and why it earned nothing
   * ('rejected', 'states the mistake', 'question', 'diagram-label', 'echo of the interviewer', 'different idea'); for a
   * mentioned one, why its evidence is not an explanation ('generic', 'no reason or specifics',
   * 'bare list', 'hedged', 'in passing'). Absent when there is nothing to say.
   */
  nearMiss?: NearMiss;
}

export interface RedFlagMatch {
  flag: CompiledRedFlag;
  evidence: Quote;
  /** The candidate's own words taking the flag back within two messages, in the same step. */
  takenBack?: Quote;
}

/**
 * Finds the best evidence for each of `points` in the candidate's utterances. Evidence may come
 * from any utterance, whatever step it was said in; ties go to the point's own step, then to the
 * earliest utterance.
 */
export function matchPoints(
  rubric: CompiledRubric,
  utterances: Utterance[],
  points: CompiledPoint[],
): PointMatch[] {
  interface Best {
    credit: number;
    explained: boolean;
    why: ThinReason | null;
    firstOrder: number;
    sameStep: boolean;
    source: { utterance: Utterance; start: number; end: number } | null;
  }
  interface Closest {
    why: MissReason;
    sameStep: boolean;
    source: { utterance: Utterance; start: number; end: number };
  }
  const best = new Map<number, Best>();
  const closest = new Map<number, Closest>();
  for (const point of points)
    best.set(point.index, {
      credit: 0,
      explained: false,
      why: null,
      firstOrder: Infinity,
      sameStep: false,
      source: null,
    });
  // A step where the candidate stated a known mistake reads nothing by meaning: a topic says what a
  // sentence is about, not whether it is right.
  // A mistake taken back at once ("actually no, ...") no longer says the step was misunderstood.
  const flagged = new Set<StepId>();
  // A sum or a definition got wrong is no evidence for the points its words touch ("recall, meaning
  // of all we flagged, how many were real" is not an offline metric fit for the task).
  // The rest of the step is still read by meaning: a slip in one sum or one definition says nothing
  // about the other sentences, unlike a mistake of the case's design.
  utterances.forEach((utterance, index) => {
    const takenBack = takeBackAfter(utterances, index, rubric) !== null;
    for (const hit of readingOf(rubric, utterance.analysis, utterance.prompt).redFlags)
      if (!takenBack) flagged.add(hit.flag.step);
  });
  const insideMistake = (utterance: Utterance, verdict: { start: number; end: number }) =>
    mistakesIn(utterance).some((span) => verdict.start < span.end && span.start < verdict.end);
  for (const utterance of utterances) {
    const reading = readingOf(rubric, utterance.analysis, utterance.prompt);
    for (let verdict of [...reading.verdicts, ...reading.byMeaning]) {
      const current = best.get(verdict.point);
      const point = rubric.points[verdict.point];
      if (!current || !point || !counts(verdict, utterance, flagged) || insideMistake(utterance, verdict))
        continue;
      current.firstOrder = Math.min(current.firstOrder, utterance.order);
      const sameStep = utterance.step === point.step;
      if (!sameStep && namedInPassing(rubric, verdict, utterance.step, reading.verdicts))
        verdict = { ...verdict, credit: CREDIT.mentioned, explained: false, why: 'in passing' };
      if (
        verdict.credit > current.credit ||
        (verdict.credit === current.credit && sameStep && !current.sameStep)
      ) {
        current.credit = verdict.credit;
        current.explained = verdict.explained;
        current.why = verdict.why;
        current.sameStep = sameStep;
        current.source = { utterance, start: verdict.start, end: verdict.end };
      }
    }
    for (const miss of reading.misses) {
      const point = rubric.points[miss.point];
      if (!point || !best.has(miss.point)) continue;
      const sameStep = utterance.step === point.step;
      const current = closest.get(miss.point);
      const rank = MISS_REASONS.indexOf(miss.why);
      const currentRank = current ? MISS_REASONS.indexOf(current.why) : Infinity;
      if (!current || rank < currentRank || (rank === currentRank && sameStep && !current.sameStep))
        closest.set(miss.point, {
          why: miss.why,
          sameStep,
          source: { utterance, start: miss.start, end: miss.end },
        });
    }
  }
  return points.map((point) => {
    const found = best.get(point.index);
    const source = found?.source;
    const match: PointMatch = {
      point,
      level: !source ? 'missed' : found.explained ? 'explained' : 'mentioned',
      credit: found?.credit ?? 0,
      evidence: source ? quoteOf(source.utterance, source.start, source.end) : null,
      firstOrder: found?.firstOrder ?? Infinity,
    };
    const near = closest.get(point.index);
    if (source && found.why)
      match.nearMiss = { ...quoteOf(source.utterance, source.start, source.end), why: found.why };
    else if (!source && near)
      match.nearMiss = {
        ...quoteOf(near.source.utterance, near.source.start, near.source.end),
        why: near.why,
      };
    return match;
  });
}

/**
 * One word of another step's point in a sentence that explains a point of its own step is said in
 * passing: "power analysis: baseline rate, the 5% lift and the traffic split give the weeks" is about
 * the test's length, not about a simple baseline or the scale of traffic; "I'd refresh the fallback
 * rules too" is not a retraining schedule. It earns a mention, not an explanation. Words of two or
 * more in a row ("daily active users") still explain a point of any step.
 */
function namedInPassing(
  rubric: CompiledRubric,
  verdict: Verdict,
  step: StepId | null,
  sameSentence: readonly Verdict[],
): boolean {
  if (!verdict.oneWord || step === null || verdict.credit <= CREDIT.mentioned) return false;
  return sameSentence.some(
    (other) => other.start === verdict.start && other.explained && rubric.points[other.point]?.step === step,
  );
}

/**
 * A point read by meaning counts for a turn in its own step (what the interviewer was asking
 * about), or, for a text of no known step, when it is the best point of all for the sentence; never
 * in a step where the candidate stated a red flag.
 */
function counts(verdict: Verdict, utterance: Utterance, flagged: ReadonlySet<StepId>): boolean {
  const byMeaning = verdict.byMeaning;
  if (!byMeaning) return true;
  if (flagged.has(byMeaning.step)) return false;
  return utterance.step === null ? byMeaning.global : utterance.step === byMeaning.step;
}

/** Red flags said in earnest: not negated or dismissed in scope, not asked, not an echo of the interviewer. */
export function matchRedFlags(rubric: CompiledRubric, utterances: Utterance[]): RedFlagMatch[] {
  const found = new Map<string, RedFlagMatch>();
  utterances.forEach((utterance, index) => {
    // A sum worked out wrongly, a measure defined as another: mistakes of any case, found by reading
    // the text itself (arithmetic.ts, definitions.ts), once a step each.
    for (const mistake of mistakesIn(utterance)) {
      const key = `${mistake.flag.id}@${utterance.step}`;
      if (found.has(key)) continue;
      const takenBack = takeBackAfter(utterances, index, rubric);
      found.set(key, {
        flag: mistake.flag,
        evidence: quoteOf(utterance, mistake.start, mistake.end),
        ...(takenBack ? { takenBack } : {}),
      });
    }
    for (const hit of readingOf(rubric, utterance.analysis, utterance.prompt).redFlags) {
      if (found.has(hit.flag.id)) continue;
      const takenBack = takeBackAfter(utterances, index, rubric);
      found.set(hit.flag.id, {
        flag: hit.flag,
        evidence: quoteOf(utterance, hit.start, hit.end),
        ...(takenBack ? { takenBack } : {}),
      });
    }
  });
  return [...found.values()];
}

type FoundMistake = { flag: CompiledRedFlag; start: number; end: number };

/** Each utterance's read mistakes, found once: a report reads them for its points and its flags. */
const mistakesRead = new WeakMap<Utterance, FoundMistake[]>();

function mistakesIn(utterance: Utterance): FoundMistake[] {
  const { step } = utterance;
  if (step === null) return [];
  let found = mistakesRead.get(utterance);
  if (!found) {
    found = READ_MISTAKES.flatMap((read) => read.find(utterance.analysis.text, step) ?? []);
    mistakesRead.set(utterance, found);
  }
  return found;
}

/** A mistake read from the words themselves rather than matched against the case's red flags. */
interface ReadMistake {
  id: string;
  find(text: string, step: StepId): FoundMistake | undefined;
}

/** A result off by this factor or more is a slip of a unit or a power of ten: a real mistake. */
const MAJOR_SLIP = 5;

const READ_MISTAKES: readonly ReadMistake[] = [
  {
    id: 'miscalculation',
    find(text, step) {
      const wrong: Miscalculation | undefined = miscalculations(text)[0];
      if (!wrong) return undefined;
      return {
        flag: readFlag('miscalculation', step, {
          title: 'Works a sum out wrongly',
          why: `The figures give about ${wrong.expected}; a design sized on the wrong result is sized wrongly.`,
          severity: wrong.ratio >= MAJOR_SLIP ? 'major' : 'minor',
        }),
        start: wrong.start,
        end: wrong.end,
      };
    },
  },
  {
    id: 'misdefined-measure',
    find(text, step) {
      const wrong: Misdefinition | undefined = misdefinitions(text)[0];
      if (!wrong) return undefined;
      return {
        flag: readFlag('misdefined-measure', step, {
          title: 'Defines a measure as a different one',
          why: `What was said describes ${wrong.describes}, not ${wrong.term}; tuned on that reading, the system optimises the wrong thing.`,
          severity: 'major',
        }),
        start: wrong.start,
        end: wrong.end,
      };
    },
  },
];

function readFlag(
  id: string,
  step: StepId,
  said: Pick<CompiledRedFlag, 'title' | 'why' | 'severity'>,
): CompiledRedFlag {
  return { id, step, ...said, signals: [], counters: [], notWhen: [] };
}

/** Candidate messages after a red flag in which taking it back still counts as a correction. */
const TAKE_BACK_WINDOW = 2;

/**
 * "Actually no, with so few frauds accuracy is useless", "wait, that would leak the future": a
 * message that opens by taking back what came before. Said within two messages of a red flag, in
 * the same step, it corrects the flag.
 */
const TAKES_BACK =
  /^[\s"'(]*(?:(?:hmm+|um+|uh+|ok|okay|oh|ah|right|yeah|yes|hm+|well|ugh|eh|so)[\s,.!:;—–-]+)*(?:actually|wait|no\b|nope|sorry|(?<=(?:hmm+|oh|ah|um+)[\s,]+)but\b|(?<=(?:oh|ah)[\s,]+)(?:right|yeah|true)\b|scratch that|on second thought|thinking about it|although|but actually|maybe not|i take (?:that|it) back|(?:that|this)(?:'s| is| was| would be) (?:wrong|a mistake|not right|a bad idea|risky)|that would\b|you'?re right|good point|fair point|i was wrong|my (?:mistake|bad)|let me (?:correct|rethink|revise|take)|i (?:should|shouldn'?t) have|better (?:to|would be)|instead\b)/i;

function takeBackAfter(
  utterances: readonly Utterance[],
  index: number,
  rubric: CompiledRubric,
): Quote | null {
  const flagged = utterances[index];
  if (!flagged || flagged.turnIndex === null) return null;
  const later = utterances
    .slice(index + 1)
    .filter((utterance) => utterance.turnIndex !== null)
    .slice(0, TAKE_BACK_WINDOW);
  for (const utterance of later) {
    if (utterance.step !== flagged.step) return null;
    const text = utterance.analysis.text;
    if (!TAKES_BACK.test(text) && !changesCourse(rubric, flagged, utterance)) continue;
    const end = text.search(/[.!?](?:\s|$)/);
    const quote = (end >= 0 ? text.slice(0, end + 1) : text).trim();
    return quoteOf(utterance, text.indexOf(quote), text.indexOf(quote) + quote.length);
  }
  return null;
}

/** Least content words of a reply to a challenge for it to put something in the claim's place. */
const NEW_COURSE_WORDS = 4;

/** "I'd still...", "that's fine", "I disagree": a reply that keeps the claim challenged. */
const KEEPS_CLAIM =
  /\b(?:still|stick with|i'?d keep|keep it|(?:that|it)(?:'s| is) (?:fine|ok|okay|enough|good enough)|i disagree|(?:don'?t|do not) (?:agree|think so))\b/i;

/** "I don't know", "no idea", "not sure": the challenge left the candidate without an answer. */
const AT_A_LOSS = /\b(?:don'?t|do not) know\b|\bno idea\b|\bnot sure\b/i;

/**
 * "So split by time instead? Train on older months, test on a later month?" after the interviewer
 * pushed back on a random split: a reply to the challenge that puts something in the claim's place,
 * without saying the claim again or holding to it, takes it back as surely as "actually, no".
 */
function changesCourse(rubric: CompiledRubric, flagged: Utterance, reply: Utterance): boolean {
  if (!reply.answersChallenge) return false;
  const text = reply.analysis.text;
  if (KEEPS_CLAIM.test(text) || AT_A_LOSS.test(text)) return false;
  const words = reply.analysis.segments.reduce((sum, segment) => sum + segment.content.length, 0);
  if (words < NEW_COURSE_WORDS) return false;
  const claimed = new Set(
    readingOf(rubric, flagged.analysis, flagged.prompt).redFlags.map((hit) => hit.flag.id),
  );
  return !readingOf(rubric, reply.analysis, reply.prompt).redFlags.some((hit) => claimed.has(hit.flag.id));
}

function quoteOf(utterance: Utterance, start: number, end: number): Quote {
  const quote = utterance.analysis.text.slice(start, end);
  assertQuote(quote, utterance.analysis.text);
  return { quote, turnIndex: utterance.turnIndex };
}

/** Evidence must be the candidate's own words, verbatim: a quote not found in its source is a bug. */
export function assertQuote(quote: string, source: string): void {
  if (quote.length === 0 || !source.includes(quote)) {
    throw new Error(
      `evidence quote is not a substring of the candidate's text: ${JSON.stringify(quote.slice(0, 80))}`,
    );
  }
}
