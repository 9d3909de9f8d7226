import type { Polarity, Segment } from './analysis-types.ts';
import {
  attribution,
  raisedThenDismissed,
  reasonAfterRetraction,
  retractedAfter,
  turnJudges,
} from './discourse.ts';
import { negatesVerdict, type Verdict, verdictAt } from './polarity-verdicts.ts';
import {
  ALONE,
  CONDITIONAL_OPENERS,
  CRITICS,
  DISMISS,
  DISMISS_VERBS,
  GOALS,
  HEDGES_AFTER_NOT,
  NEGATED_DISMISS,
  NEGATION_IDIOMS,
  NEGATORS,
  NOT_NEGATING_NEXT,
  SUBJECT_PRONOUNS,
  SUPPOSITION_OPENERS,
} from './polarity-words.ts';
import type { Token } from './words.ts';

export type { Polarity } from './analysis-types.ts';

/**
 * Whether the candidate asserts an idea they name, or names it to reject it. Lexical, per clause:
 * a negator reaches a few words forward within its clause, a dismissal ("overkill", "not needed")
 * covers its whole clause, "instead of" / "rather than" reach the phrase after them, and the
 * effects cancel in pairs ("we can't skip calibration" asserts it). Words of the matched phrase
 * itself never count: the red flag "calibration is unnecessary" is that phrase, not its negation.
 * What the rest of the sentence and the next one say is read in `discourse.ts`.
 */

/**
 * Whose phrase is read. A talking point names something to do or to worry about; a red flag names a
 * mistake. They differ on purpose clauses ("make sure there is no leakage" still raises leakage, but
 * "make sure we do not split randomly" avoids the random split) and on criticism.
 */
export type Stance = 'point' | 'flag';

/** After a negator, words that keep even a mistake said: "not least", "not also". */
const STILL_AFFIRMS = new Set(['least', 'also']);

/** Openers of a clause that sets the time of something else: "while we wait for chargebacks". */
const BACKGROUND_OPENERS = new Set(['while', 'whilst', 'until', 'till']);

/** Content words a negator may reach over: "we will not use any offline calibration". */
const NEGATION_REACH = 3;
/** Content words "instead of" and "rather than" reach: the phrase right after them. */
const CONTRAST_REACH = 4;
/** Content words between a verdict ("is out", "impossible") and the phrase it is said of. */
const VERDICT_REACH = 3;

/**
 * The polarity of a phrase matched at `positions` (indices into `segment.content`). `hazard`
 * marks a phrase naming a risk (leakage, bias, drift): "no leakage" and "without position bias"
 * show the candidate guarding against it, so for a point only a dismissal rejects it.
 */
export function polarityOf(
  segment: Segment,
  positions: readonly number[],
  stance: Stance,
  hazard: boolean,
): Polarity {
  const { tokens } = segment;
  const at = positions.map((p) => segment.contentAt[p] ?? -1).filter((i) => i >= 0);
  if (at.length === 0) return 'asserted';
  const first = Math.min(...at);
  const last = Math.max(...at);
  const own = new Set(at);
  const clause = tokens[first]?.clause ?? 0;
  let from = first;
  while (from > 0 && tokens[from - 1]?.clause === clause) from--;
  let to = last;
  while (to + 1 < tokens.length && tokens[to + 1]?.clause === tokens[last]?.clause) to++;
  const opener = tokens[from]?.lemma ?? '';
  // "If we don't calibrate, bids are wrong" and "without calibration the bids drift" argue for it.
  const conditional = CONDITIONAL_OPENERS.has(opener);
  const lenient = stance === 'point';
  // Negations cancel in pairs within a clause ("we can't skip calibration"), never across two: in
  // "I wouldn't bother with multi-stage, a cascade is overkill" each clause rejects the idea.
  const flips = new Map<number, number>();
  const flip = (i: number) => {
    const where = tokens[i]?.clause ?? clause;
    flips.set(where, (flips.get(where) ?? 0) + 1);
  };
  // A mistake supposed and then criticised ("if we used accuracy, we'd learn nothing") is a
  // warning; supposed and approved ("if CTR goes up, it's better") it is the mistake itself.
  // The consequence is read from the supposed phrase on, its own words aside ("If we split random,
  // same image is in train and test" matches "split ... image" across both clauses).
  let hedged =
    segment.hypothetical || (!lenient && SUPPOSITION_OPENERS.has(opener) && warnsAfter(tokens, first, own));
  // "I'd respectfully disagree if the idea is to optimise accuracy": the clause the disagreement
  // opens onto is what it turns down.
  if (tokens[from - 1]?.lemma === 'disagree' && tokens[from - 1]?.clause !== clause) flip(from);
  for (let i = from; i <= to; i++) {
    if (own.has(i)) continue;
    const lemma = tokens[i]?.lemma ?? '';
    const verdict = NEGATORS.has(lemma) ? null : verdictAt(tokens, i);
    if (NEGATORS.has(lemma)) {
      const next = nextWord(tokens, i, to);
      // "Not just X", "not every X" ask for more than X, so they keep a point; for a mistake that is
      // X alone or X for everything ("we can't just fine-tune on all the docs", "not every item
      // goes to the LLM") they are the rejection.
      if ((NOT_NEGATING_NEXT.has(next) && (lenient || STILL_AFFIRMS.has(next))) || isIdiom(tokens, i))
        continue;
      if (HEDGES_AFTER_NOT.has(next)) {
        hedged = true;
        continue;
      }
      // "Nothing goes live without a blur record", "no model ships unless it passed the shadow run":
      // a negation answered by "without" or "unless" states a requirement, not a rejection.
      if (REQUIRING_NEGATORS.has(lemma) && requiredAfter(tokens, i)) continue;
      // "not impossible": it can be done, so neither word rejects.
      if (negatesVerdict(tokens, i)) {
        i++;
        continue;
      }
      // "I don't think label delay is a big concern", "don't think drift is worth tracking": the
      // verdict after the phrase is what the negated opinion denies, even of a risk.
      if (OPINION_VERBS.has(next) && i < first && dismissedAfter(tokens, last, to)) {
        flip(i);
        continue;
      }
      const dismissed = negatedDismissal(tokens, i, to, own);
      if (dismissed !== -1) {
        if (!(lenient && conditional) && !aloneBetween(tokens, last, dismissed)) flip(i);
        i = dismissed;
        continue;
      }
      // Inside a mistake's own phrase, a negator breaks it: "a gold set we never put in the
      // prompt", "success is not a click" say the opposite of the flag.
      if (!lenient && i > first && i < last) {
        flip(i);
        continue;
      }
      // "We shouldn't charge different prices based on things like their phone model": a modal
      // negated rules out the whole predicate it heads, however far the mistake comes in it (up to a
      // new predicate: "we shouldn't worry and just split randomly" still splits randomly).
      if (
        !lenient &&
        i < first &&
        MODALS.has(tokens[i - 1]?.lemma ?? '') &&
        !newPredicateBetween(tokens, i, first)
      ) {
        flip(i);
        continue;
      }
      if (i > first || contentBetween(tokens, i, first) > NEGATION_REACH) continue;
      if (lenient && (hazard || conditional || hasGoal(tokens, from, i))) continue;
      flip(i);
    } else if (verdict) {
      if (verdict.kind !== 'emphasis')
        readVerdict(tokens, i, verdict, { first, last, own, lenient, hazard, conditional }, flip);
      i = verdict.end;
    } else if (DISMISS.has(lemma) || (DISMISS_VERBS.has(lemma) && !(lenient && hazard))) {
      // "I skip hubs as middle nodes or sample their neighbours": a dismissing verb before another
      // choice leaves that choice alone ("and" is left out: "skip calibration and fine-tuning").
      const elsewhere = DISMISS_VERBS.has(lemma) && i < first && choiceBetween(tokens, i, first);
      if (!(lenient && conditional) && !elsewhere && !aloneBetween(tokens, last, i)) flip(i);
    } else if (CRITICS.has(lemma)) {
      // Criticism rejects a mistake anywhere in its clause, but an idea only as its predicate
      // ("calibration would be wrong here"), never a risk ("position bias makes labels wrong").
      if (!lenient || (!hazard && !conditional && i > last)) flip(i);
    } else if (i < first && contrastScope(tokens, i) !== -1) {
      const scope = contrastScope(tokens, i);
      if (contentBetween(tokens, scope - 1, first) <= CONTRAST_REACH && !subjectBetween(tokens, scope, first))
        flip(i);
    } else if (!lenient && i > first && i < last && contrastScope(tokens, i) !== -1) {
      // "stream into the index within minutes rather than a nightly rebuild": a mistake whose words
      // straddle "rather than" is what the contrast turns down, not what the candidate does.
      flip(i);
    } else if (!lenient && i < first && BACKGROUND_OPENERS.has(lemma)) {
      // "An early warning while we wait for chargebacks": the mistake's phrase is the time the
      // proposal covers, not what is proposed.
      hedged = true;
    } else if (!lenient && i < first && (lemma === 'avoid' || lemma === 'prevent')) {
      // A mistake to avoid: "avoid a random split". For a point it is a goal ("avoid leakage").
      flip(i);
    }
  }
  // "X is easier, but it aims at the wrong thing" / "X is nice but overkill": the turn judges X.
  // A verdict from outside the clause adds to a rejection inside it; it never cancels one.
  const rejectedWithin = [...flips.values()].some((count) => count % 2 === 1);
  if (rejectedWithin || turnJudges(tokens, to, lenient)) return 'rejected';
  // "X could be a concern, but honestly it's fine here": raised, then waved away.
  if (raisedThenDismissed(tokens, from, first)) return lenient ? 'rejected' : 'hedged';
  // "Feedback loop: no, that's fine as it is": the idea named, then left as it is.
  if (lenient && settledAsIs(tokens, to)) return 'rejected';
  // "Accuracy is fine — actually no, scrap that": an idea taken back earns nothing, and a mistake
  // taken back is neither stated nor argued against (it backs none of the points that counter it).
  if (retractedAfter(tokens, to)) return lenient ? 'rejected' : 'hedged';
  if (!lenient && reasonAfterRetraction(tokens, from, to)) return 'hedged';
  const attributed = attribution(segment, clause);
  if (attributed === 'rejected') return 'rejected';
  if (attributed === 'hedged') hedged = true;
  return hedged ? 'hedged' : 'asserted';
}

/**
 * After an idea, "no, that's fine as it is", "that's ok as is": what is there is kept, so the idea
 * named before is not taken up. Read on lemmas of the next few words, in a clause of their own.
 */
const SETTLED_AS_IS =
  /^(?:\S+ ){0,2}?no (?:\S+ )?(?:that|it|this) be (?:fine|ok|okay|good|enough)\b|^(?:\S+ ){0,3}?(?:that|it|this) be (?:fine|ok|okay|good) as (?:it |they |that )?be\b/;
const SETTLED_REACH = 10;

function settledAsIs(tokens: readonly Token[], to: number): boolean {
  const next = tokens[to + 1];
  if (!next || next.clause === tokens[to]?.clause) return false;
  const rest = tokens.slice(to + 1, to + 1 + SETTLED_REACH).map((token) => token.lemma);
  return SETTLED_AS_IS.test(rest.join(' '));
}

/** Negators that, answered by "without" or "unless", make a requirement: "nothing ... without". */
const REQUIRING_NEGATORS = new Set(['nothing', 'no', 'never', 'none', 'nobody']);
const REQUIREMENT_JOINERS = new Set(['without', 'unless']);

/** Whether "without" or "unless" follows the negator at `i` in its sentence. */
function requiredAfter(tokens: readonly Token[], i: number): boolean {
  for (let j = i + 1; j < tokens.length; j++)
    if (REQUIREMENT_JOINERS.has(tokens[j]?.lemma ?? '')) return true;
  return false;
}

/** Where the matched phrase sits and how its clause is read, for `readVerdict`. */
interface PhraseContext {
  first: number;
  last: number;
  /** Token indices of the phrase's own words. */
  own: ReadonlySet<number>;
  lenient: boolean;
  hazard: boolean;
  conditional: boolean;
}

/**
 * Applies the verdict that starts at `i` ("is out", "rules out", "impossible") to the phrase. A
 * dismissal covers the clause as "overkill" does; "rules out" reaches the phrase right after it as
 * "instead of" does. Neither rejects a risk the candidate guards against ("we rule out leakage with
 * a time split").
 */
function readVerdict(
  tokens: readonly Token[],
  i: number,
  verdict: Exclude<Verdict, { kind: 'emphasis' }>,
  phrase: PhraseContext,
  flip: (at: number) => void,
): void {
  const { first, last, own, lenient, hazard, conditional } = phrase;
  // The phrase may hold the verdict's words: "out of scope" is a signal of scoping a first version.
  for (let j = i; j <= verdict.end; j++) if (own.has(j)) return;
  if (verdict.kind === 'dismiss') {
    // Unlike "overkill", these are said of the phrase next to them: in "with 4,000 tokens of context
    // the biggest models are out", the models are out, not the context. Inside the phrase, as a
    // negator there, it breaks a mistake but is said of a part of an idea ("expensive models are
    // out for every question" still weighs the cost per question).
    const near =
      i > last
        ? contentBetween(tokens, last, i) <= VERDICT_REACH
        : i < first
          ? contentBetween(tokens, verdict.end, first) <= VERDICT_REACH
          : !lenient;
    const guarded = lenient && hazard && verdict.guards;
    if (near && !guarded && !(lenient && conditional) && !aloneBetween(tokens, last, i)) flip(i);
    return;
  }
  if (
    i < first &&
    !(lenient && hazard) &&
    contentBetween(tokens, verdict.start - 1, first) <= CONTRAST_REACH &&
    !subjectBetween(tokens, verdict.start, first)
  )
    flip(i);
}

/** A later clause criticises or negates: the consequence of a supposition is a warning. */
function warnsAfter(tokens: readonly Token[], from: number, own: ReadonlySet<number>): boolean {
  const after = new Set<string>();
  for (let j = from + 1; j < tokens.length; j++) {
    const lemma = tokens[j]?.lemma ?? '';
    after.add(lemma);
    if (own.has(j)) continue;
    // "..., I'd just approve everything so customers aren't affected": what follows "so" is the
    // purpose of the plan, not a warning against it.
    if (lemma === 'so' && tokens[j - 1]?.lemma !== 'and') return false;
    if (NEGATORS.has(lemma) || CRITICS.has(lemma) || DISMISS.has(lemma) || LEAK_OUTCOMES.has(lemma))
      return true;
  }
  // "If we split random, same image is in train and test": the consequence is the leak itself.
  return (
    (after.has('same') || after.has('both')) &&
    after.has('test') &&
    (after.has('train') || after.has('training'))
  );
}

/** What a supposed mistake leads to, said as its consequence: "..., the test set leaks", "..., recall is inflated". */
const LEAK_OUTCOMES = new Set([
  'leak',
  'leakage',
  'inflate',
  'inflated',
  'overestimate',
  'contaminate',
  'contaminated',
  'cheat',
]);

function isIdiom(tokens: readonly Token[], i: number): boolean {
  return NEGATION_IDIOMS.some((idiom) => idiom.split(' ').every((word, k) => tokens[i + k]?.lemma === word));
}

function nextWord(tokens: readonly Token[], i: number, to: number): string {
  return i + 1 <= to ? (tokens[i + 1]?.lemma ?? '') : '';
}

/** Index of the dismissing predicate a negator at `i` governs ("not needed", "no point"), or -1. */
function negatedDismissal(tokens: readonly Token[], i: number, to: number, own: Set<number>): number {
  for (let j = i + 1; j <= Math.min(to, i + 3); j++) {
    if (own.has(j)) return -1;
    const lemma = tokens[j]?.lemma ?? '';
    if (!NEGATED_DISMISS.has(lemma)) continue;
    // "Vacation balance isn't a retrieval problem": a kind of problem named, not a worry waved off.
    if (CONCERN_NOUNS.has(lemma) && classifiedBetween(tokens, i, j)) return -1;
    return j;
  }
  return -1;
}

/** Dismissing nouns that a modifier turns into a kind: "a retrieval problem", "a modelling issue". */
const CONCERN_NOUNS = new Set(['problem', 'issue', 'concern', 'risk', 'threat']);
/** Words between "not" and such a noun that keep the dismissal: "not a big problem", "not really an issue". */
const DEGREE_WORDS = new Set(
  'a an the any much really real big major huge serious significant main key top such that so very great'.split(
    ' ',
  ),
);

function classifiedBetween(tokens: readonly Token[], from: number, to: number): boolean {
  for (let j = from + 1; j < to; j++) if (!DEGREE_WORDS.has(tokens[j]?.lemma ?? '')) return true;
  return false;
}

/** Verbs of opinion a negation moves onto what follows: "I don't think X is needed". */
const OPINION_VERBS = new Set(['think', 'believe', 'feel', 'expect', 'reckon', 'suppose']);

/** Modals whose negation rules out what they head: "shouldn't", "must not", "can't", "won't". */
const MODALS = new Set(['should', 'must', 'can', 'could', 'will', 'would', 'shall', 'ought']);

/** Words that start a new predicate in a clause: "and", "or", "but", "so", "then". */
const PREDICATE_JOINERS = new Set(['and', 'or', 'but', 'so', 'then']);

/** Whether a new predicate starts between a negator at `i` and the phrase at `first`. */
function newPredicateBetween(tokens: readonly Token[], i: number, first: number): boolean {
  for (let j = i + 1; j < first; j++) if (PREDICATE_JOINERS.has(tokens[j]?.lemma ?? '')) return true;
  return false;
}

/** Joiners that open another choice after a dismissing verb: "skip X or sample Y". */
const CHOICE_JOINERS = new Set(['or', 'but', 'so', 'then', 'instead']);

function choiceBetween(tokens: readonly Token[], i: number, first: number): boolean {
  for (let j = i + 1; j < first; j++) if (CHOICE_JOINERS.has(tokens[j]?.lemma ?? '')) return true;
  return false;
}

/** A predicate of need or worth after the phrase, in its clause: "... is a big concern", "... is worth it". */
function dismissedAfter(tokens: readonly Token[], last: number, to: number): boolean {
  for (let j = last + 1; j <= to; j++) if (NEGATED_DISMISS.has(tokens[j]?.lemma ?? '')) return true;
  return false;
}

/** "X alone is not enough" keeps X: the candidate wants more, not less. */
function aloneBetween(tokens: readonly Token[], from: number, to: number): boolean {
  for (let j = Math.min(from, to) + 1; j < Math.max(from, to); j++)
    if (ALONE.has(tokens[j]?.lemma ?? '')) return true;
  return false;
}

function contentBetween(tokens: readonly Token[], from: number, to: number): number {
  let count = 0;
  for (let j = from + 1; j < to; j++) if (!tokens[j]?.stop) count++;
  return count;
}

function subjectBetween(tokens: readonly Token[], from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (SUBJECT_PRONOUNS.has(tokens[j]?.lemma ?? '')) return true;
  return false;
}

/** "make sure there is no leakage", "so that we never train on the future": a goal, not a rejection. */
function hasGoal(tokens: readonly Token[], from: number, to: number): boolean {
  if (tokens[from]?.lemma === 'so' && tokens[from + 1]?.lemma === 'that') return true;
  for (let j = from; j < to; j++) if (GOALS.has(tokens[j]?.lemma ?? '')) return true;
  return false;
}

/**
 * Where the phrase governed by "instead of", "rather than", "as opposed to", "unlike", "in place
 * of", "disagree with" or "push back on" starts, or -1.
 */
function contrastScope(tokens: readonly Token[], i: number): number {
  const lemma = tokens[i]?.lemma;
  const next = tokens[i + 1]?.lemma;
  if (lemma === 'instead' && next === 'of') return i + 2;
  if (lemma === 'rather' && next === 'than') return i + 2;
  // "I'd rather label fresh data than wait for chargebacks": what follows "than" is turned down.
  if (
    lemma === 'than' &&
    tokens[i - 1]?.lemma !== 'rather' &&
    tokens.slice(Math.max(0, i - 12), i).some((token) => token.lemma === 'rather')
  )
    return i + 1;
  // "A single label is better than multi-task": a preference stated, what follows "than" turned
  // down ("the model should do better than the rules" is a bar to clear, not a preference).
  if (
    lemma === 'than' &&
    PREFERRED.has(tokens[i - 1]?.lemma ?? '') &&
    STATED_WITH.has(tokens[i - 2]?.lemma ?? '')
  )
    return i + 1;
  if (lemma === 'preferable' && next === 'to') return i + 2;
  if (lemma === 'as' && next === 'oppose' && tokens[i + 2]?.lemma === 'to') return i + 3;
  // "Unlike BLEU, a judge checks each claim": what the design is set apart from.
  if (lemma === 'unlike') return i + 1;
  // "I'd respectfully disagree with using only reported posts", "I'd push back on a random split".
  if (lemma === 'disagree') return i + 1;
  if (lemma === 'push' && next === 'back') return i + 2;
  if (lemma === 'in' && (next === 'place' || next === 'lieu') && tokens[i + 2]?.lemma === 'of') return i + 3;
  // "The industry has moved well beyond simple models", "we've gone far beyond rules": left behind.
  if (
    lemma === 'beyond' &&
    MOVED_PAST.has(
      tokens[i - 1]?.lemma === 'well' || tokens[i - 1]?.lemma === 'far'
        ? (tokens[i - 2]?.lemma ?? '')
        : (tokens[i - 1]?.lemma ?? ''),
    )
  )
    return i + 1;
  return -1;
}

/** Comparatives of preference: "better than", "simpler than". */
const PREFERRED = new Set([
  'better',
  'simpler',
  'cheaper',
  'easier',
  'safer',
  'superior',
  'good',
  'simple',
  'cheap',
  'easy',
  'safe',
]);
/** Verbs that state a preference before its comparative: "is better than", "seems simpler than". */
const STATED_WITH = new Set(['be', "'s", 'seem', 'sound', 'feel', 'look', 'much', 'far', 'way', 'lot']);

/** Verbs before "beyond" that leave what follows behind: "moved beyond", "gone well beyond". */
const MOVED_PAST = new Set(['move', 'go', 'progress', 'evolve', 'advance', 'grow']);
