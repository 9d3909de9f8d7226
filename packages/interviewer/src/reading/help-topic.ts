/**
 * The topic of a request for help that names no point outright: "I have no idea for negatives",
 * "stuck on the freshness part". Coverage reads a point from a phrase of its signals; a stuck
 * candidate says one word of it. A word of the message that one or two points of the step use (in
 * their titles, signals or plain phrasings), and few points of the whole case, names that point,
 * and the help is about it rather than the step's question again.
 */
import {
  type CaseStudy,
  contentStems,
  type Framework,
  STEP_IDS,
  type StepId,
  type TalkingPoint,
} from '@mlsd/rubric';
import { stepPoints } from '@mlsd/scoring';

/** Words of any request for help, never a topic: "no idea", "I'm stuck", "give me a hint". */
const HELP_WORDS = new Set(
  contentStems(
    'hmm um uh ok okay no not idea clue sure know stuck lost blank hint nudge pointer help tip ' +
      'direction think thought get use miss missing stuff else matter important relevant worth ' +
      'consider part step thing bit way start begin honestly really kind sort maybe give need want ' +
      'go one ones say talk what more here now next cover handle approach deal',
  ),
);

/** For each stem, the points that use it (in their title, signals or plain phrasings). */
type PointsByStem = Map<string, string[]>;

function pointsByStem(points: readonly TalkingPoint[]): PointsByStem {
  const byStem: PointsByStem = new Map();
  for (const point of points) {
    const words = [point.title, ...point.signals, ...(point.plain ?? [])].join(' ');
    for (const stem of new Set(contentStems(words)))
      byStem.set(stem, [...(byStem.get(stem) ?? []), point.id]);
  }
  return byStem;
}

interface CaseWords {
  /** Every step's points, the case's own first. */
  everyPoint: PointsByStem;
  steps: Map<StepId, { points: TalkingPoint[]; byStem: PointsByStem }>;
}

const cache = new WeakMap<CaseStudy, CaseWords>();

/** A word of letters: "n't" and "i'm" are kept by the tokenizer, and name nothing. */
const WORD = /^[a-z]{3,}$/;

function caseWords(caseStudy: CaseStudy, framework: Framework): CaseWords {
  let words = cache.get(caseStudy);
  if (!words) {
    const steps = new Map(
      STEP_IDS.map((step) => {
        const points = stepPoints(caseStudy, framework, step);
        return [step, { points, byStem: pointsByStem(points) }] as const;
      }),
    );
    words = { everyPoint: pointsByStem([...steps.values()].flatMap((step) => step.points)), steps };
    cache.set(caseStudy, words);
  }
  return words;
}

/** Points of the step sharing a word beyond this many: the word is the step's, not a topic's. */
const MAX_USERS = 2;
/** Points of the whole case using a word beyond this many: "model", "data", "label" name no topic. */
const MAX_CASE_USERS = 6;

/**
 * The point of the step a help request's own words name, or null when none does. A
 * word two points use gives each half a vote, and one that many points of the whole case use gives
 * none; a tie goes to the point listed first (the case's own points come before the framework's).
 */
export function helpTopic(
  caseStudy: CaseStudy,
  framework: Framework,
  step: StepId,
  text: string,
): string | null {
  const words = caseWords(caseStudy, framework);
  const { points, byStem } = words.steps.get(step) ?? { points: [], byStem: new Map() };
  const inCase = words.everyPoint;
  const votes = new Map<string, number>();
  for (const stem of new Set(contentStems(text))) {
    if (!WORD.test(stem) || HELP_WORDS.has(stem) || (inCase.get(stem)?.length ?? 0) > MAX_CASE_USERS)
      continue;
    const users = byStem.get(stem) ?? [];
    if (users.length > MAX_USERS) continue;
    for (const id of users) votes.set(id, (votes.get(id) ?? 0) + 1 / users.length);
  }
  const order = new Map(points.map((point, index) => [point.id, index]));
  const ranked = [...votes].sort((a, b) => b[1] - a[1] || (order.get(a[0]) ?? 0) - (order.get(b[0]) ?? 0));
  // A tie (two points sharing the one word said) goes to the point listed first.
  return ranked[0]?.[0] ?? null;
}

/**
 * Whether a request for help says what it is about in words of its own ("I'm stuck on how to get
 * the candidates"), rather than only that help is wanted ("I don't know, honestly", "any pointers?").
 */
export function namesOwnSubject(text: string): boolean {
  return contentStems(text).some((stem) => WORD.test(stem) && !HELP_WORDS.has(stem));
}

/**
 * "Different question:", "separately,": the candidate turns from what they were answering to a new
 * subject, which is what the help asked after it is about. ("Brand-new listings have no clicks yet.
 * Any hint?" keeps its subject in the sentence before the plea.)
 */
const TURNS_TO_ANOTHER =
  /\b(?:different question|another question|other question|separately|on another note|switching (?:topics?|gears)|unrelated)\b/i;

/** The message from the sentence that turns to a new subject, when one does; else all of it. */
export function helpPart(text: string): string {
  const sentences = text.trim().split(/(?<=[.!?])\s+/);
  const from = sentences.findIndex((sentence) => TURNS_TO_ANOTHER.test(sentence));
  if (from < 0) return text;
  const sentence = sentences[from] ?? '';
  const turn = TURNS_TO_ANOTHER.exec(sentence);
  const rest = turn ? sentence.slice(turn.index + turn[0].length).replace(/^\W+/, '') : sentence;
  return [rest, ...sentences.slice(from + 1)].join(' ').trim() || text;
}
