import { Cue, type Segment } from './analyse.ts';
import type { CompiledPoint, CompiledRubric } from './compile.ts';
import { COMPARISON, FILLER, REASON } from './lexicon.ts';
import type { SegmentHits } from './signals.ts';
import { isBuzzDense, isGeneralRemark, isUniversalClaim } from './voice.ts';

/**
 * How far a unit of text explains a point: `explained` (own words, a reason or mechanism, and tied
 * to this case), `generic` (the form of an explanation, but it could be said of any system:
 * "models drift, so we'd retrain regularly"), or `thin` (a name with no reason or specifics).
 */
export type Explanation = 'explained' | 'generic' | 'thin';

/**
 * Words that weigh one option against another: "than", "instead", "trade-off". A choice among
 * alternatives makes an explanation specific even without a case word.
 */
const CHOICE = new Set(
  (
    'than versus vs instead rather compare comparison whereas unlike prefer ' +
    'alternative alternatively outperform'
  ).split(' '),
);

/**
 * A trade-off weighs two things only when it names them ("the trade-off between latency and
 * recall"); "there are trade-offs either way" names nothing.
 */
const TRADE_OFF = new Set(['tradeoff', 'trade']);
const BETWEEN = new Set(['between', 'against']);

/** Own words (not names of things, not the interviewer's) an explanation needs. */
const MIN_OWN_WORDS = 3;
/** Words of the point's own vocabulary a mechanism or example needs to stay on the subject. */
const MIN_RELEVANCE = 2;
const STRONG_CUES = Cue.reason | Cue.number | Cue.comparison | Cue.notation;
const WEAK_CUES = Cue.mechanism | Cue.example | Cue.condition;

/**
 * An explanation says more than the names of things: some words of the candidate's own (not
 * signal words, not filler, not the interviewer's), a reason, a number or a comparison, or a
 * mechanism or example that stays on the point's subject. A pile of the point's vocabulary
 * without any of those is buzzwords, not an explanation.
 */
export function explanationOf(
  rubric: CompiledRubric,
  point: CompiledPoint,
  unit: readonly Segment[],
  naming: Set<string>,
  prompt: Set<string> | null,
): Explanation {
  const own = new Set<string>();
  let cues = 0;
  for (const segment of unit) {
    cues |= explanationCues(segment);
    for (const lemma of segment.contentSet) {
      if (!naming.has(lemma) && !FILLER.has(lemma) && !prompt?.has(lemma)) own.add(lemma);
    }
  }
  if (own.size < MIN_OWN_WORDS) return 'thin';
  let relevance = 0;
  for (const lemma of own) if (point.vocab.has(lemma)) relevance++;
  const form = (cues & STRONG_CUES) !== 0 || ((cues & WEAK_CUES) !== 0 && relevance >= MIN_RELEVANCE);
  if (!form) return 'thin';
  // "In a lot of companies the metric becomes the goal": about the world, not this design.
  if (unit.every((segment) => isGeneralRemark(segment))) return 'generic';
  // "Monitoring is important for any production model, so we'd add dashboards": true of any design.
  if (unit.some((segment) => isUniversalClaim(segment))) return 'generic';
  // "A robust, scalable, end-to-end platform leveraging state-of-the-art deep learning": buzzwords.
  if (unit.some((segment) => isBuzzDense(segment))) return 'generic';
  return isSpecific(rubric, unit) ? 'explained' : 'generic';
}

/** Words before which a "so" opens the sentence rather than giving a consequence. */
const OPENERS = new Set('so right ok okay well and then now yes yeah sure'.split(' '));

/**
 * A segment's cues as an explanation reads them. A "so" that opens the sentence ("Right, so the
 * number flows downstream into the ad stack") moves the talk on, and "X means Y" states an
 * equivalence: neither is a reason. "So that", "because" and a "so" after a clause still are.
 */
function explanationCues(segment: Segment): number {
  if (!(segment.cues & Cue.reason)) return segment.cues;
  let opening = true;
  for (const token of segment.tokens) {
    if (REASON.has(token.lemma) && token.lemma !== 'mean' && !(token.lemma === 'so' && opening))
      return segment.cues;
    opening &&= OPENERS.has(token.lemma);
  }
  return segment.cues & ~Cue.reason;
}

/**
 * Whether `explanationOf` could find the unit an explanation (or a generic one) for some point: it
 * has enough own words and some cue. A cheap test before work that only an explanation earns.
 */
export function mayExplain(
  unit: readonly Segment[],
  naming: Set<string>,
  prompt: Set<string> | null,
): boolean {
  let cues = 0;
  const own = new Set<string>();
  for (const segment of unit) {
    cues |= explanationCues(segment);
    for (const lemma of segment.contentSet)
      if (!naming.has(lemma) && !FILLER.has(lemma) && !prompt?.has(lemma)) own.add(lemma);
  }
  return own.size >= MIN_OWN_WORDS && (cues & (STRONG_CUES | WEAK_CUES)) !== 0;
}

/**
 * Tied to this case's design: a word distinctive of the case (`caseWords`), a number, or a choice
 * between alternatives ("rather than", "trade-off"). Names count: "Platt scaling on the auction's
 * logged bids" is specific because of "auction", whoever's words they are.
 */
export function isSpecific(rubric: CompiledRubric, unit: readonly Segment[]): boolean {
  for (const segment of unit) {
    if (segment.cues & Cue.number) return true;
    if (segment.tokens.some((token) => CHOICE.has(token.lemma))) return true;
    if (
      segment.tokens.some((token) => TRADE_OFF.has(token.lemma)) &&
      segment.tokens.some((token) => BETWEEN.has(token.lemma))
    )
      return true;
    for (const lemma of segment.contentSet) if (rubric.caseWords.has(lemma)) return true;
  }
  return false;
}

/** A bare list: bullets of a few words, many names with few other words, or comma-separated fragments. */
export function isListLike(segment: Segment, hits: SegmentHits): boolean {
  if (isDesignNote(segment)) return false;
  const named = [...hits.points.values()].filter((hit) => !hit.soft).length;
  const strong = segment.cues & (Cue.reason | Cue.comparison);
  if (segment.bullet && segment.content.length <= 6 && !(segment.cues & STRONG_CUES)) return true;
  if (named >= 3) {
    // Points overlap (a case point and a generic one share words), so count words, not points.
    const own = new Set(segment.content.filter((lemma) => !hits.naming.has(lemma) && !FILLER.has(lemma)));
    if (own.size <= 1) return true;
  }
  // "I'd deliberately pick more of the hard cases: tiny faces, crowds, side views": one decision
  // said in a clause of its own, then its examples.
  if (named <= 1 && openingClauseSpoken(segment)) return false;
  // Speech strings short clauses with commas too ("we re-run it over published imagery, starting
  // with the busiest cities, and only add more blur"); their clauses have subjects and verbs.
  if (
    segment.separators >= 2 &&
    segment.content.length / (segment.separators + 1) <= 3 &&
    !strong &&
    !mostlySpoken(segment)
  )
    return true;
  return mostlyFragments(segment);
}

/** Share of clauses with a subject, auxiliary or connective from which a sentence is speech. */
const SPOKEN_SHARE = 0.4;

/** Whether enough of a segment's clauses have a subject, an auxiliary or a connective (see CLAUSAL). */
function mostlySpoken(segment: Segment): boolean {
  const clausal = new Map<number, boolean>();
  for (const token of segment.tokens)
    clausal.set(token.clause, (clausal.get(token.clause) ?? false) || CLAUSAL.has(token.lemma));
  const spoken = [...clausal.values()].filter(Boolean).length;
  return spoken >= clausal.size * SPOKEN_SHARE;
}

/** Whether the segment opens with a clause that has a subject or an auxiliary ("I'd pick ..."). */
function openingClauseSpoken(segment: Segment): boolean {
  const first = segment.tokens[0]?.clause;
  return segment.tokens.some((token) => token.clause === first && CLAUSAL.has(token.lemma));
}

/**
 * "candgen: FoF 2-hop, cap ~200 edges/viewer, skip deg > thresh; top 1-2k by AA" is how a senior
 * engineer writes a decision down: terse, but its items carry figures, or it gives a reason as an
 * arrow or a bracketed tag. A list of names ("NDCG, p50, p90, calibration, A/B test") has one such
 * item in a handful and no reason.
 */
function isDesignNote(segment: Segment): boolean {
  if (segment.cues & Cue.notation) return true;
  return segment.specificItems >= MIN_SPECIFIC_ITEMS && segment.specificItems * 3 >= segment.items;
}
const MIN_SPECIFIC_ITEMS = 2;

/** A list has this many items at least... */
const MIN_LIST_ITEMS = 4;
/** ...and this share of them are fragments: at most three content words and no verb phrase. */
const FRAGMENT_SHARE = 0.75;
/** Words that make a clause a statement rather than an item: a subject, an auxiliary, a connective. */
const CLAUSAL = new Set(
  (
    'we i you it they he she be can will would should could do have must may might but so because ' +
    'since if when although though whereas while then otherwise which that'
  ).split(' '),
);

/**
 * "NDCG at 10, interleaving, A/B test, head versus tail, ..." is a list even though "versus" and
 * "10" look like a comparison and a number: most of its comma-separated items are noun fragments
 * and nothing else in it gives a reason. Speech has short clauses too ("I'd wait, maybe an hour,
 * since clicks come later"), but they have subjects, auxiliaries or connectives.
 */
function mostlyFragments(segment: Segment): boolean {
  const clauses = new Map<number, { content: number; clausal: boolean; reason: boolean }>();
  for (const token of segment.tokens) {
    const entry = clauses.get(token.clause) ?? { content: 0, clausal: false, reason: false };
    if (!token.stop) entry.content++;
    if (CLAUSAL.has(token.lemma)) entry.clausal = true;
    if (REASON.has(token.lemma) || COMPARISON.has(token.lemma) || /\d/.test(token.lemma)) entry.reason = true;
    clauses.set(token.clause, entry);
  }
  if (clauses.size < MIN_LIST_ITEMS) return false;
  const items = [...clauses.values()];
  const fragments = items.filter((clause) => clause.content <= 3 && !clause.clausal);
  if (fragments.length / items.length < FRAGMENT_SHARE) return false;
  return !items.some((clause) => !fragments.includes(clause) && clause.reason);
}
