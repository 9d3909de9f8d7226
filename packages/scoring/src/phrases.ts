import { familyKey } from './families.ts';
import { HAZARDS } from './polarity-words.ts';
import { contentWords } from './words.ts';

/**
 * Rubric phrases (signals, plain phrasings, probes, openings) in the forms the scorer compares
 * candidate text against: content lemmas, and a normalised string for "says this verbatim".
 */

/** A rubric phrase reduced to its distinct content lemmas. */
export interface CompiledSignal {
  text: string;
  /**
   * From the point's `plain` phrasings (everyday words) rather than its jargon `signals`. Matched
   * and credited the same way; kept apart so their effect can be measured (`withoutPlain`).
   */
  plain: boolean;
  /** Names a risk (leakage, bias, drift): negating it guards against it (see `polarity.ts`). */
  hazard: boolean;
  lemmas: string[];
  /**
   * For each of `lemmas`, every lemma a candidate's word may have for it. wink lemmatises by part
   * of speech, so "calibrated" stays "calibrated" in the phrase "calibrated probabilities" but is
   * "calibrate" in "the scores are calibrated"; both are accepted.
   */
  alternatives: string[][];
}

/** A sentence the interviewer says, in the two forms turns are compared against. */
export interface PhraseKey {
  /** Lower-cased, punctuation-free, single-spaced. */
  normal: string;
  lemmas: string[];
}

export function compileSignal(text: string, plain = false): CompiledSignal {
  return { text, plain, ...lemmatised(text) };
}

/**
 * Phrasings lemmatised so far, by text: the framework's phrasings recur in every case, and
 * tokenising is most of what compiling a rubric costs. Bounded; cleared when full.
 */
const lemmatisedPhrases = new Map<string, Omit<CompiledSignal, 'text' | 'plain'>>();
const MAX_LEMMATISED = 20_000;

function lemmatised(text: string): Omit<CompiledSignal, 'text' | 'plain'> {
  const hit = lemmatisedPhrases.get(text);
  if (hit) return hit;
  const lemmas = contentWords(text);
  // The same words after a subject read as verbs: "we calibrated probabilities" -> calibrate.
  const asVerbs = contentWords(`we ${text}`);
  const alternatives = lemmas.map((lemma, i) => {
    const verb = asVerbs.length === lemmas.length ? asVerbs[i] : undefined;
    const forms = verb && verb !== lemma ? [lemma, verb] : [lemma];
    // The word's family ("invitation" also meets "invites"), after the exact forms: see families.ts.
    for (const family of forms.map(familyKey)) if (family && !forms.includes(family)) forms.push(family);
    return forms;
  });
  const seen = new Set<string>();
  const keep = lemmas.map((lemma) => !seen.has(lemma) && seen.add(lemma) !== undefined);
  const result = {
    hazard: lemmas.some((lemma) => HAZARDS.has(lemma)),
    lemmas: lemmas.filter((_, i) => keep[i]),
    alternatives: alternatives.filter((_, i) => keep[i]),
  };
  if (lemmatisedPhrases.size >= MAX_LEMMATISED) lemmatisedPhrases.clear();
  lemmatisedPhrases.set(text, result);
  return result;
}

export function phraseKey(text: string): PhraseKey {
  return { normal: normalise(text), lemmas: [...new Set(contentWords(text))] };
}

/** Lower case, letters and digits only, single spaces: for "does this turn contain that sentence". */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
