import type { Segment } from './analysis-types.ts';
import type { CompiledPoint, CompiledRedFlag, CompiledRubric } from './compiled-types.ts';
import type { CompiledSignal } from './phrases.ts';
import { polarityOf } from './polarity.ts';
import { saysSignal, signalWindows } from './signals.ts';

/**
 * Red flags: mistakes a candidate states. A flag fires on a sentence that says one of its phrases
 * in full, in the candidate's own words and in earnest (not negated or criticised in scope, not
 * asked, not supposed and then warned against, not an echo). A sentence that rejects the mistake
 * instead ("we must not use accuracy here") is evidence for the points that counter it.
 */

/**
 * Points of the flag's step that share its core word: one most of its signals use ("accuracy" in
 * "aim for high accuracy", "optimize accuracy") and at most two points of the step use, so the
 * link is about the same thing, not a common word like "ads".
 */
export function countersOf(signals: CompiledSignal[], points: CompiledPoint[]): number[] {
  const uses = new Map<string, number>();
  for (const signal of signals)
    for (const lemma of signal.lemmas) uses.set(lemma, (uses.get(lemma) ?? 0) + 1);
  const core = [...uses].filter(([, count]) => count * 2 >= signals.length).map(([lemma]) => lemma);
  const holders = (lemma: string) =>
    points.filter((point) => point.signals.some((signal) => signal.lemmas.includes(lemma)));
  const out = new Set<number>();
  for (const lemma of core) {
    const found = holders(lemma);
    if (found.length > 0 && found.length <= MAX_COUNTER_POINTS)
      for (const point of found) out.add(point.index);
  }
  return [...out];
}

/** A word more points use than this is too common to link a red flag to a point. */
const MAX_COUNTER_POINTS = 2;

/**
 * The red flags a segment states in earnest, and the points it backs by rejecting one. A flag's
 * phrase said by the interviewer first (every word of it in the prompt) is an echo, not a claim.
 */
export function flagsOf(
  rubric: CompiledRubric,
  segment: Segment,
  prompt: Set<string> | null,
  dismissed: boolean,
): { said: CompiledRedFlag[]; countered: Set<number>; lemmas: string[]; stated: Set<number> } {
  const said: CompiledRedFlag[] = [];
  // The words (content positions) of the mistakes said: a point named inside one is named as part of it.
  const stated = new Set<number>();
  const countered = new Set<number>();
  const lemmas: string[] = [];
  for (const step of rubric.steps) {
    for (const flag of step.redFlags) {
      // "Train the two-tower retrieval with random negatives": the phrase in a place it is right.
      if (flag.notWhen.some((place) => saysSignal(place, segment))) continue;
      let asserted = false;
      let rejected = false;
      for (const signal of flag.signals) {
        if (!signal.alternatives.every((forms) => forms.some((lemma) => segment.positions.has(lemma))))
          continue;
        if (signal.alternatives.every((forms) => forms.some((lemma) => prompt?.has(lemma)))) continue;
        for (const positions of signalWindows(signal, segment, signal.alternatives.length, true)) {
          if (acrossTurn(segment, positions, signal.text)) continue;
          if (restricted(segment, positions, signal.text) || !exclusive(segment, positions, signal.text))
            continue;
          const polarity = dismissed ? 'rejected' : polarityOf(segment, positions, 'flag', false);
          if (polarity === 'asserted') {
            asserted = true;
            // Only a phrase said in one piece: words of a mistake matched far apart may belong to other ideas.
            const span = Math.max(...positions) - Math.min(...positions) + 1;
            if (span <= positions.length + TIGHT_SLACK)
              for (const position of positions) stated.add(position);
          } else if (polarity === 'rejected') {
            rejected = true;
            lemmas.push(...signal.lemmas);
          }
        }
      }
      if (asserted) said.push(flag);
      else if (rejected) for (const point of flag.counters) countered.add(point);
    }
  }
  return { said, countered, lemmas, stated };
}

/** Content words a mistake's phrase may have between its own and still be one piece: none. */
const TIGHT_SLACK = 0;

/** A mistake of doing something to everything: "send every item to the LLM". */
const UNIVERSAL = /\b(?:every|everything|all|each|always)\b/i;
/** Words that narrow what the phrase covers: "only send unclear items to the LLM". */
const NARROWING = new Set([
  'only',
  'just',
  'some',
  'few',
  'subset',
  'unclear',
  'uncertain',
  'borderline',
  'hard',
  'flagged',
]);
/** Words before the phrase a narrowing word may sit in. */
const NARROWING_REACH = 3;

/**
 * "Only send unclear items to the LLM" is the opposite of "send every item to the LLM", though
 * "every" is a stop word and the rest is the same: a mistake about everything is not said of a part.
 */
function restricted(segment: Segment, positions: readonly number[], phrase: string): boolean {
  if (!UNIVERSAL.test(phrase)) return false;
  const { from, to } = tokenSpan(segment, positions);
  const said = segment.tokens.slice(from, to + 1).map((token) => token.lemma);
  if (said.some((lemma) => UNIVERSAL.test(lemma))) return false;
  return saysAny(segment, from - NARROWING_REACH, to, NARROWING);
}

/** A mistake of relying on one thing alone: "ROC AUC only", "thumbs ratings alone". */
const EXCLUSIVE = /\b(?:only|alone|solely|just)\b/i;
const EXCLUSIVE_WORDS = new Set(['only', 'alone', 'solely', 'just', 'sole', 'purely', 'nothing']);
/** Words either side of the phrase an exclusivity word may sit in. */
const EXCLUSIVE_REACH = 4;

/**
 * "Monthly fraud review only" is a mistake because of "only", a stop word the match ignores: the
 * candidate's sentence must say the exclusivity too ("only a monthly review"), or it may be a
 * correct design that has the monthly review among other things.
 */
function exclusive(segment: Segment, positions: readonly number[], phrase: string): boolean {
  if (!EXCLUSIVE.test(phrase)) return true;
  const { from, to } = tokenSpan(segment, positions);
  return saysAny(segment, from - EXCLUSIVE_REACH, to + EXCLUSIVE_REACH, EXCLUSIVE_WORDS);
}

/** The token indices of a phrase matched at content `positions`, first to last. */
function tokenSpan(segment: Segment, positions: readonly number[]): { from: number; to: number } {
  const at = positions.map((p) => segment.contentAt[p] ?? 0);
  return { from: Math.min(...at), to: Math.max(...at) };
}

/** Whether a token from `from` to `to` (clamped to the segment) is one of `words`. */
function saysAny(segment: Segment, from: number, to: number, words: ReadonlySet<string>): boolean {
  const last = Math.min(segment.tokens.length - 1, to);
  for (let i = Math.max(0, from); i <= last; i++) if (words.has(segment.tokens[i]?.lemma ?? '')) return true;
  return false;
}

/** Openers of a clause that answers the one before: a phrase split across one is two thoughts. */
const TURNS = new Set(['but', 'however', 'yet', 'so', 'because', 'since', 'although', 'though', 'whereas']);

/**
 * "predicting clicks is easier, but aims at the wrong thing" does not say "aim for clicks". A turn
 * the phrase itself contains ("ctr went up so ship") is part of the mistake, not a new thought.
 */
function acrossTurn(segment: Segment, positions: readonly number[], phrase: string): boolean {
  const own = new Set(phrase.toLowerCase().split(/[^a-z]+/));
  const at = positions.map((p) => segment.contentAt[p] ?? 0);
  const from = Math.min(...at);
  const to = Math.max(...at);
  for (let i = from + 1; i <= to; i++) {
    const token = segment.tokens[i];
    if (
      token &&
      segment.tokens[i - 1]?.clause !== token.clause &&
      TURNS.has(token.lemma) &&
      !own.has(token.lemma)
    )
      return true;
  }
  return false;
}
