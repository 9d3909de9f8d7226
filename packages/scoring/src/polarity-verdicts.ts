import {
  CONCESSIVE_OPENERS,
  EMPHATIC_AFTER_IMPOSSIBLE,
  IMPOSSIBLE,
  OUT_OF_VERDICTS,
  RULED_OBJECTS,
  VERDICT_ADVERBS,
} from './polarity-words.ts';
import type { Token } from './words.ts';

/**
 * Verdicts that rule an idea out without a negator: "brute force is out at this scale", "that
 * rules out a full scan", "a per-request rerank is impossible at 50k qps", "real-time features are
 * out of scope for v1". Each is read from a few words around it, because the same words also say
 * nothing of the kind: "rolled out", "figure out", "opt out", "out of stock", "out of date",
 * "impossible to ignore".
 */
export type Verdict =
  /**
   * Covers its clause, as "overkill" does. `guards` marks a form that, said of a risk, is the
   * candidate guarding against it or finding it hard ("leakage is ruled out by the time split",
   * "leakage is impossible to see offline"): it rejects an idea, never a risk.
   */
  | { kind: 'dismiss'; end: number; guards: boolean }
  /** Rejects the phrase that starts at `start`, as "instead of" does: "that rules out a full scan". */
  | { kind: 'scope'; start: number; end: number }
  /** Emphasis that only looks like a verdict, "impossible to ignore": neither word rejects anything. */
  | { kind: 'emphasis'; end: number };

/** The verdict the word at `i` opens, or null; `end` is its last token, which the caller skips to. */
export function verdictAt(tokens: readonly Token[], i: number): Verdict | null {
  const lemma = tokens[i]?.lemma ?? '';
  if (IMPOSSIBLE.has(lemma)) return impossible(tokens, i);
  if (lemma === 'too') return tooToMatter(tokens, i);
  if (EVENED.has(lemma) && tokens[i + 1]?.lemma === 'out')
    return { kind: 'dismiss', end: i + 1, guards: false };
  if (lemma === 'out') return out(tokens, i);
  const complexity = addsOnlyComplexity(tokens, i);
  if (complexity !== -1) return { kind: 'dismiss', end: complexity, guards: false };
  if (
    SMALL.has(lemma) &&
    PORTIONS.has(tokens[i + 1]?.lemma ?? '') &&
    saidToBe(tokens, i) &&
    !turnsAfter(tokens, i + 2)
  )
    return { kind: 'dismiss', end: i + 1, guards: false };
  if ((lemma === 'rule' || lemma === 'ruling') && tokens[i + 1]?.lemma === 'out') return ruleOut(tokens, i);
  if ((lemma === 'rule' || lemma === 'ruling') && RULED_OBJECTS.has(tokens[i + 1]?.lemma ?? ''))
    return tokens[i + 2]?.lemma === 'out' ? { kind: 'dismiss', end: i + 2, guards: true } : null;
  return null;
}

/**
 * "Cold start is a small slice of traffic for a platform this size": a worry waved away as too
 * small to design for, unless the sentence turns ("..., but it's where new users decide to stay").
 */
const SMALL = new Set(['small', 'tiny', 'minor', 'negligible', 'insignificant']);
const PORTIONS = new Set(['slice', 'fraction', 'share', 'part', 'percentage', 'corner', 'minority']);

/** "is a small slice", "are only a tiny fraction": the portion said of a subject, not a canary's "a small slice of traffic". */
function saidToBe(tokens: readonly Token[], i: number): boolean {
  for (let j = i - 1; j >= Math.max(0, i - 4); j--) {
    const lemma = tokens[j]?.lemma ?? '';
    if (lemma === 'be') return true;
    if (!BETWEEN_BE_AND_SMALL.has(lemma)) return false;
  }
  return false;
}
const BETWEEN_BE_AND_SMALL = new Set(['a', 'an', 'only', 'just', 'very', 'really', 'pretty', 'such']);

/** Whether a turn ("but", "yet", "though") comes later in the sentence. */
function turnsAfter(tokens: readonly Token[], from: number): boolean {
  for (let j = from; j < tokens.length; j++) if (CONCESSIVE_OPENERS.has(tokens[j]?.lemma ?? '')) return true;
  return false;
}

/**
 * "Multi-task just adds complexity", "it only adds complexity we don't need", "adds complexity for
 * no gain": the idea waved away as a cost with nothing to show for it. ("It adds complexity, but the
 * like head pays for it" weighs it, and keeps it.)
 */
function addsOnlyComplexity(tokens: readonly Token[], i: number): number {
  const lemma = tokens[i]?.lemma ?? '';
  const hedge = lemma === 'just' || lemma === 'only' ? 1 : 0;
  if ((hedge ? tokens[i + 1]?.lemma : lemma) !== 'add') return -1;
  const at = i + hedge + 1;
  if (tokens[at]?.lemma !== 'complexity' || turnsAfter(tokens, at + 1)) return -1;
  const needless = tokens
    .slice(at + 1, at + 5)
    .map((token) => token.lemma)
    .join(' ');
  return hedge || /^(?:we|i) do not need\b|^for (?:no|little|nothing)\b|^without\b/.test(needless) ? at : -1;
}

/** "position bias will average out", "spikes even out", "the noise washes out": said to wave a worry away. */
const EVENED = new Set(['average', 'even', 'wash', 'cancel']);

/** After "too ... to": what a thing is too small, rare or noisy for ("too few to matter", "too noisy to trust"). */
const TOO_TO_VERBS = new Set([
  'matter',
  'help',
  'bother',
  'worry',
  'trust',
  'rely',
  'use',
  'justify',
  'be',
  'make',
  'worth',
]);

/**
 * "Human judgments are too few to matter", "slices are too noisy to trust": the thing is ruled out
 * as not worth it. "too" with no "to" after its adjective ("too slow", "too many requests") only
 * weighs it, so it says nothing here.
 */
function tooToMatter(tokens: readonly Token[], i: number): Verdict | null {
  const clause = tokens[i]?.clause;
  for (let j = i + 2; j <= i + 3; j++) {
    const token = tokens[j];
    if (!token || token.clause !== clause) return null;
    if (token.lemma === 'to' && TOO_TO_VERBS.has(tokens[j + 1]?.lemma ?? ''))
      return { kind: 'dismiss', end: j + 1, guards: false };
  }
  return null;
}

/** Whether a negator at `i` only turns a verdict round: "not impossible" says it can be done. */
export function negatesVerdict(tokens: readonly Token[], i: number): boolean {
  return IMPOSSIBLE.has(tokens[i + 1]?.lemma ?? '');
}

function impossible(tokens: readonly Token[], i: number): Verdict {
  if (tokens[i + 1]?.lemma !== 'to' || !tokens[i + 2]) return { kind: 'dismiss', end: i, guards: false };
  if (EMPHATIC_AFTER_IMPOSSIBLE.has(tokens[i + 2]?.lemma ?? '')) return { kind: 'emphasis', end: i + 2 };
  // "Hand labels are impossible to get at this volume" rules out hand labels; "leakage is
  // impossible to see offline" raises the risk.
  return { kind: 'dismiss', end: i, guards: true };
}

/** "X is out", "X is clearly out", and "out of the question" / "out of scope" anywhere. */
function out(tokens: readonly Token[], i: number): Verdict | null {
  const next = tokens[i + 1]?.lemma;
  if (next === 'of') {
    const noun = tokens[i + 2]?.lemma === 'the' ? i + 3 : i + 2;
    return OUT_OF_VERDICTS.has(tokens[noun]?.lemma ?? '')
      ? { kind: 'dismiss', end: noun, guards: false }
      : null;
  }
  // "the results are out there" places something; only a bare "is out" is a verdict.
  if (next === 'there' || !afterBe(tokens, i)) return null;
  return { kind: 'dismiss', end: i, guards: false };
}

/** "X is ruled out" covers its clause; "that rules out X" and "ruling out X" reject what follows. */
function ruleOut(tokens: readonly Token[], i: number): Verdict {
  if (afterBe(tokens, i)) return { kind: 'dismiss', end: i + 1, guards: true };
  return { kind: 'scope', start: i + 2, end: i + 1 };
}

/** A form of "be" right before `i` in its clause, with at most one adverb between. */
function afterBe(tokens: readonly Token[], i: number): boolean {
  const clause = tokens[i]?.clause;
  const before = tokens[i - 1];
  if (!before || before.clause !== clause) return false;
  if (before.lemma === 'be') return true;
  const earlier = tokens[i - 2];
  return (
    VERDICT_ADVERBS.has(before.lemma) &&
    earlier !== undefined &&
    earlier.clause === clause &&
    earlier.lemma === 'be'
  );
}
