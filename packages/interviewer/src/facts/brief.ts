/**
 * The case's brief, read back. Candidates often ask what the opening already said ("is this for
 * food delivery or for rides?", "so the estimate shows at checkout?"); the facts are written for
 * what the brief leaves out, so such a question found no fact, or two it half fitted, and got
 * "make an assumption" or "which do you mean". A question the facts leave open is answered from the
 * brief's sentence that holds most of what it asks about.
 */
import type { CaseStudy } from '@mlsd/rubric';
import { extractTerms, isFrame, isIntent, isModifier } from './terms.ts';

export interface BriefSentence {
  /** `brief-N`, N the sentence's place in the brief: a fact id of its own kind. */
  id: string;
  text: string;
  terms: ReadonlySet<string>;
}

/** Fewest subjects of a question the sentence must hold: one shared word is a coincidence. */
const SUBJECTS_HELD = 2;
/** Share of the question's subjects the sentence must hold ("food delivery or rides?": two of three). */
const SHARE_HELD = 0.5;

const cache = new WeakMap<CaseStudy, BriefSentence[]>();

/**
 * The brief's sentences, each with the subjects it holds. The task sentence counts too: "for new
 * captures and for the existing archive" answers "only new imagery?".
 */
export function briefSentences(caseStudy: CaseStudy): BriefSentence[] {
  let sentences = cache.get(caseStudy);
  if (!sentences) {
    sentences = caseStudy.prompt
      .split(/(?<=[.!?])\s+(?=["“A-Z0-9])/)
      .map((text, index) => ({
        id: `${BRIEF_PREFIX}${index}`,
        text: text.trim(),
        terms: new Set(subjects(text)),
      }))
      .filter((sentence) => sentence.text !== '');
    cache.set(caseStudy, sentences);
  }
  return sentences;
}

const BRIEF_PREFIX = 'brief-';

/** Whether a fact id names a sentence of the brief rather than a fact of the case. */
export const isBriefId = (id: string) => id.startsWith(BRIEF_PREFIX);

/** Share of one alternative's subjects the sentence must hold ("the inline completion, or a chat?"). */
const SHARE_HELD_OF_ALTERNATIVE = 0.4;

/** "X, or Y?": the alternatives a question offers, each asked about on its own. */
const ALTERNATIVES = /,?\s+or\s+(?:is it\s+|are we\s+|do we\s+)?/i;

/**
 * The brief's sentence that answers `question`, when one holds most of what it asks about, or
 * enough of one alternative it offers ("is this the inline completion in the IDE, or a chat
 * assistant?" is answered by the sentence about inline completion).
 */
export function briefAnswer(caseStudy: CaseStudy, question: string): BriefSentence | null {
  const whole = bestSentence(caseStudy, subjects(question), SHARE_HELD);
  if (whole) return whole;
  const alternatives = question.split(ALTERNATIVES);
  if (alternatives.length < 2) return null;
  for (const alternative of alternatives) {
    const found = bestSentence(caseStudy, subjects(alternative), SHARE_HELD_OF_ALTERNATIVE);
    if (found) return found;
  }
  return null;
}

/**
 * The brief's sentence to read back instead of `fact` for a question both touch: one that holds
 * more of what the question asks about than the fact does. "So the user uploads a photo and we
 * find similar products, is that right?" restates the task; the fact about query photos shares two
 * of its words, the brief's task sentence most of them.
 */
export function briefOverFact(
  caseStudy: CaseStudy,
  question: string,
  fact: { answer: string; cues: readonly string[] },
): BriefSentence | null {
  const asked = subjects(question);
  const sentence = bestSentence(caseStudy, asked, SHARE_HELD);
  if (!sentence) return null;
  const factTerms = new Set(subjects(`${fact.answer} ${fact.cues.join(' ')}`));
  const held = (terms: ReadonlySet<string>) => asked.filter((term) => terms.has(term)).length;
  return held(sentence.terms) > held(factTerms) ? sentence : null;
}

function bestSentence(caseStudy: CaseStudy, asked: readonly string[], share: number): BriefSentence | null {
  if (asked.length < SUBJECTS_HELD) return null;
  let best: BriefSentence | null = null;
  let bestHeld = 0;
  for (const sentence of briefSentences(caseStudy)) {
    const held = asked.filter((term) => sentence.terms.has(term)).length;
    if (held > bestHeld) {
      best = sentence;
      bestHeld = held;
    }
  }
  return bestHeld >= SUBJECTS_HELD && bestHeld / asked.length >= share ? best : null;
}

/** What a text is about: its terms, without how it asks ("how many"), qualifiers or "the system". */
function subjects(text: string): string[] {
  return [...new Set(extractTerms(text))].filter(
    (term) => !isIntent(term) && !isModifier(term) && !isFrame(term),
  );
}
