/**
 * The facts a candidate message asks for, read twice: as the intent reader split its questions, and
 * whole, through the fact lookup's own splitter (which also reads bare subjects and terse asks the
 * reader drops: "Monthly captures; and how many GPUs?", "Peak QPS? and the p99 limit").
 */
import type { MessageReading } from '@mlsd/engine';
import type { CaseStudy } from '@mlsd/rubric';
import { briefAnswer, briefOverFact } from '../facts/brief.ts';
import { type FactPart, factIndexFor } from '../facts.ts';
import { asideOf } from './asides.ts';
import type { IntentReading } from './intent.ts';
import { checksUnderstanding, opensQuestion } from './question-form.ts';
import { assumptionPutUp } from './questions.ts';
import { stripFiller } from './sentences.ts';

const NO_FACTS: MessageReading['facts'] = { found: [], unanswered: [], ambiguous: [] };

/** Whether the case's facts, or its brief, confidently answer one of `questions`. */
export function answersFact(caseStudy: CaseStudy, questions: readonly string[]): boolean {
  if (questions.length === 0) return false;
  const parts = factIndexFor(caseStudy).lookup(questions.join('\n')).parts;
  return (
    parts.some((part) => part.status === 'found') ||
    parts.some((part) => briefAnswer(caseStudy, part.question) !== null)
  );
}

/** The facts the whole message finds, however it was read ("what's the DSA?" beside the glossary). */
export function factsFoundIn(caseStudy: CaseStudy, text: string): string[] {
  return factsAsked(caseStudy, text, { intent: 'facts', questions: [], alsoAnswers: false, reason: 'whole' })
    .found;
}

/**
 * The facts a message read as `intent` asks for, none unless it asks for facts. A fact the whole
 * message finds is given when it stands in a sentence the reader read as asking (`askedIn`), not in
 * the candidate's plan or idea. What nothing answers is said to be open only for the reader's own
 * questions, and never for an aside about the interview ("is this timed?"). Facts come in the order
 * asked; a fact is only "the closest the case has" when no part asked for it outright. The
 * candidate's own assumption gets a fact only when one answers it outright; otherwise it stands.
 */
export function factsAsked(
  caseStudy: CaseStudy,
  text: string,
  intent: IntentReading,
): MessageReading['facts'] {
  if (intent.intent !== 'facts') return NO_FACTS;
  const index = factIndexFor(caseStudy);
  const { questions, askedIn } = intent;
  const whole = index.lookup(text).parts.flatMap((part) => withAntecedent(index, text, part));
  const byReader = (questions.length > 0 ? index.lookup(questions.join('\n')).parts : whole).flatMap((part) =>
    withAntecedent(index, text, part),
  );
  const foundInWhole = whole.filter(
    (part) =>
      settles(part) &&
      (askedIn === undefined || askedIn.some((sentence) => sameQuestion(sentence, part.question))),
  );
  const facts: MessageReading['facts'] = { found: [], unanswered: [], ambiguous: [] };
  const at = new Map<string, number>();
  const outright = new Set<string>();
  const nearby = new Set<string>();
  for (const part of [...byReader, ...foundInWhole]) {
    const assumption = assumptionPutUp(part.question) ?? guessedAfter(text, part.question);
    // "So we find similar products for the photo, is that right?": the task restated as a check is
    // read back from the brief when the brief holds more of it than the nearest fact.
    // The goal restated is answered with the goal fact, which says how success is judged.
    const restated =
      checksUnderstanding(text) &&
      settles(part) &&
      part.fact &&
      !part.fact.goal &&
      !opensQuestion(stripFiller(part.question))
        ? briefOverFact(caseStudy, part.question, part.fact)
        : null;
    if (restated) {
      const position = positionIn(text, part.question);
      at.set(restated.id, Math.min(at.get(restated.id) ?? position, position));
      outright.add(restated.id);
    } else if (settles(part) && part.fact) {
      const { id } = part.fact;
      const position = positionIn(text, part.question);
      at.set(id, Math.min(at.get(id) ?? position, position));
      (part.nearby ? nearby : outright).add(id);
    } else if (!answeredOrAside(part, foundInWhole)) {
      // "Is this for food delivery or for rides?": what the brief already said is read back.
      const brief = briefAnswer(caseStudy, part.question);
      if (brief) {
        const position = positionIn(text, part.question);
        at.set(brief.id, Math.min(at.get(brief.id) ?? position, position));
        outright.add(brief.id);
      } else if (assumption) {
        if (!facts.assumed?.includes(assumption)) facts.assumed = [...(facts.assumed ?? []), assumption];
      } else if (part.status === 'ambiguous' && part.options && part.options.length >= 2) {
        facts.ambiguous.push({ question: part.question, options: part.options.map((fact) => fact.id) });
      } else {
        facts.unanswered.push(part.question);
      }
    }
  }
  facts.found = [...at.keys()].sort((a, b) => (at.get(a) ?? 0) - (at.get(b) ?? 0));
  const closest = [...nearby].filter((id) => !outright.has(id));
  if (closest.length > 0) facts.nearby = closest;
  return facts;
}

/**
 * A fact found for the part, and not merely near the candidate's own assumption: "let's say we
 * support scheduled orders, ok?" is not corrected by the nearest fact. An assumption reading like
 * the questions a case leaves open is not enough to keep the fact back: the classifier learnt that
 * from questions, and "I'll assume 20k orders a day per city, fair?" is settled by the case's volume.
 */
/**
 * "A wrongful decline costs us the customer's goodwill. Do we have a number for that?": a question
 * whose subject is only "that" is about the sentence before it, and is looked up with it.
 */
function withAntecedent(index: ReturnType<typeof factIndexFor>, text: string, part: FactPart): FactPart[] {
  if (!BARE_REFERENCE.test(stripFiller(part.question).trim())) return [part];
  const sentences = text.split(/(?<=[.!?])\s+/);
  const at = sentences.findIndex((sentence) => sentence.includes(part.question.replace(/\?$/, '')));
  const before = at > 0 ? sentences[at - 1] : undefined;
  if (before === undefined || /\?\s*$/.test(before)) return [part];
  // The pointer stands in for the sentence it points at: "how often does [card testing...] happen?".
  const said = before.replace(/[.!]+$/, '').replace(/[,;:]/g, ' ');
  const parts = index.lookup(part.question.replace(/\b(?:that|this|it|those|these)\b/i, said)).parts;
  const found = parts.filter((each) => each.status === 'found');
  return found.length > 0 ? found.map((each) => ({ ...each, question: part.question })) : [part];
}

/** "Do we have a number for that?", "how big is that?", "any data on it?": a subject only pointed at. */
const BARE_REFERENCE =
  /^(?:(?:and|so|but)\s+)?(?:do|does|did|is|are|have|has)?\s*(?:we|you|they|there)?\s*(?:have|got|know|get)?\s*(?:an?y?\s+|some\s+)?(?:numbers?|figures?|estimates?|data|stats?|idea|sense|cost|size|rate|ballpark)?\s*(?:for|on|of|about|behind)?\s*(?:that|this|it|those|these)\s*\??$|^how (?:big|much|many|often|common|costly|expensive|bad|frequent) (?:is|are|was|does|do|did|would|will) (?:that|this|it)(?: (?:happen|occur|cost|come up|show up|get|be))?\s*\??$/i;

const settles = (part: FactPart) =>
  part.status === 'found' && !(part.nearby === 'words' && assumptionPutUp(part.question) !== null);

/** Answered by the whole message's reading, or an aside about the interview beside a question. */
function answeredOrAside(part: FactPart, foundInWhole: readonly FactPart[]): boolean {
  return (
    foundInWhole.some((found) => sameQuestion(found.question, part.question, 'both')) ||
    asideOf(part.question, true) !== null
  );
}

/** Where a question part starts in the message: its first words found, else the end. */
function positionIn(text: string, question: string): number {
  const words = wordList(question);
  const lower = text.toLowerCase();
  for (let count = Math.min(3, words.length); count > 0; count--) {
    const found = lower.search(new RegExp(words.slice(0, count).join('[^\\p{L}\\p{N}]+'), 'u'));
    if (found >= 0) return found;
  }
  return text.length;
}

/** Lower-case words of a question, for comparing two readings of it. */
const wordList = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Share of the shorter question's words the longer must hold to be the same question. */
const SAME_QUESTION = 0.6;

/**
 * Whether two texts ask the same question: most words of the shorter stand in the longer (with
 * `both`, most words of the longer in the shorter too, so a long merged question does not stand for
 * each short one inside it).
 */
function sameQuestion(a: string, b: string, both?: 'both'): boolean {
  const [shorter, longer] = [new Set(wordList(a)), new Set(wordList(b))].sort((x, y) => x.size - y.size) as [
    Set<string>,
    Set<string>,
  ];
  if (shorter.size === 0) return false;
  const shared = [...shorter].filter((word) => longer.has(word)).length;
  return shared / shorter.size >= SAME_QUESTION && (!both || shared / longer.size >= SAME_QUESTION);
}

/**
 * "how long run test? i think 2 wks min bc weekly email cycle": the candidate's own guess right
 * after the question. When the case has nothing for the question, that guess stands as their
 * assumption; asking them to make one would ignore it.
 */
function guessedAfter(text: string, question: string): string | null {
  const at = text.indexOf(question);
  if (at < 0) return null;
  const after = text
    .slice(at + question.length)
    .replace(/^[\s?]+/, '')
    .split(/(?<=[.!?])\s+/)[0]
    ?.trim();
  if (!after || /\?\s*$/.test(after)) return null;
  return GUESS.test(after) && /\d|\b(?:one|two|three|few|several|week|month|day|hour)s?\b/i.test(after)
    ? after.replace(/[.!]+$/, '')
    : null;
}

/** Whether a question of the message is followed by the candidate's own guess ("...? i think 2 wks"). */
export const guessesAfterQuestion = (text: string): boolean =>
  text
    .split('?')
    .slice(1)
    .some((after) => GUESS.test(after.trim()));

/** How a guess opens: "I think", "I'd say", "probably", "let's say", "maybe". */
const GUESS =
  /^(?:(?:so|ok|okay|hmm+|um+)[,\s]+)?(?:i (?:think|guess|suppose|assume|reckon|would say|'d say|d say)|i'd (?:say|guess|assume)|probably|maybe|let's say|lets say|say|my guess is|guessing)\b/i;
