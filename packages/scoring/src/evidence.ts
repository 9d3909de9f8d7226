import type { StepId } from '@mlsd/rubric';
import { type Analysis, AnalysisMemo, Cue, type Segment } from './analyse.ts';
import type { CompiledRedFlag, CompiledRubric } from './compile.ts';
import { dismissesPrevious } from './discourse.ts';
import { explanationOf, isListLike, mayExplain } from './explain.ts';
import { flagsOf } from './flags.ts';
import { isPlainText, MEANING, meaningCandidates, takesStance } from './meaning.ts';
import { type Polarity, polarityOf } from './polarity.ts';
import { CONCESSIVE_OPENERS, NEGATORS } from './polarity-words.ts';
import { hitsOf, type PointHit, type SegmentHits } from './signals.ts';
import { isUniversalClaim } from './voice.ts';

/**
 * What one candidate text says about the rubric: for each talking point it asserts, the best unit
 * of evidence and what it earns; the points it names without earning them, and why; the red flags
 * it states in earnest. It depends only on the text, the rubric and the interviewer turn it
 * answers, so it is computed once per text and cached: a live session re-scoring after every
 * message, and the interviewer reading that message, share one reading.
 */
export interface Reading {
  /** Best per point, credit > 0. */
  verdicts: Verdict[];
  /**
   * Points read by meaning (`Verdict.byMeaning`), best per point and kept apart: they count only
   * for a turn in the point's own step.
   */
  byMeaning: Verdict[];
  /** Best near miss per point that earned nothing from this text. */
  misses: Miss[];
  redFlags: FlagHit[];
  /**
   * Red flags put up as a question ("could we just train on a public face dataset?"): they cost
   * nothing, but the interviewer may push back on the idea.
   */
  floated: FlagHit[];
}

/** Why a point named in a text earned nothing from it (most telling first). */
export const MISS_REASONS = [
  'rejected',
  'states the mistake',
  'echo of the interviewer',
  'question',
  'diagram-label',
  'different idea',
] as const;
export type MissReason = (typeof MISS_REASONS)[number];
/**
 * Why a credited point stayed at "mentioned". 'in passing': one word of it, in a sentence that
 * explains a point of the step it was said in (`matcher.ts`).
 */
export type ThinReason = 'generic' | 'no reason or specifics' | 'bare list' | 'hedged' | 'in passing';

export interface Verdict {
  point: number;
  credit: number;
  explained: boolean;
  /** Character range of the quote in the text. */
  start: number;
  end: number;
  /** Named only through the point's `plain` phrasings. */
  plain: boolean;
  /** Why it is not an explanation; null when it is. */
  why: ThinReason | null;
  /** Named only by one-word signals ("traffic", "baseline"). */
  oneWord?: boolean;
  /**
   * Read by meaning (`meaning.ts`), not named by a phrasing: it counts only for a turn in `step`, or,
   * for a text of no known step (notes, live coverage), when `global` (the best point of all).
   */
  byMeaning?: { step: StepId; global: boolean };
}

export interface Miss {
  point: number;
  start: number;
  end: number;
  why: MissReason;
}

export interface FlagHit {
  flag: CompiledRedFlag;
  start: number;
  end: number;
}

/** Credit per level: naming a concept earns little, naming it in a bare list less. */
export const CREDIT = { explained: 1, mentioned: 0.3, listed: 0.15 } as const;

const readings = new AnalysisMemo<Reading>();

/** The reading of one candidate text. Cached per text, rubric and prompt. */
export function readingOf(rubric: CompiledRubric, analysis: Analysis, prompt: Set<string> | null): Reading {
  return readings.get(analysis, rubric, prompt, () => read(rubric, analysis, prompt));
}

/**
 * Words of a sentence that adds to or corrects the one before: "maybe hard negatives too", "better
 * to split by time instead". Naming a point that counters a mistake said before is an amendment
 * only with one ("then the window is the prediction plus or minus 5" names the window again).
 */
const AMENDS = new Set(['too', 'also', 'instead', 'rather', 'actually', 'better']);

/** Collects the best verdict and the most telling near miss per point while reading a text. */
class Collector {
  readonly best = new Map<number, Verdict>();
  readonly byMeaning = new Map<number, Verdict>();
  readonly misses = new Map<number, Miss>();
  readonly redFlags: FlagHit[] = [];
  readonly floated: FlagHit[] = [];
  /** Where each point was last added as an amendment ("hard negatives too"), by start. */
  readonly amendedAt = new Map<number, number>();

  credit(verdict: Verdict): void {
    const into = verdict.byMeaning ? this.byMeaning : this.best;
    const current = into.get(verdict.point);
    if (
      !current ||
      verdict.credit > current.credit ||
      (verdict.byMeaning?.global && !current.byMeaning?.global)
    )
      into.set(verdict.point, verdict);
  }

  miss(point: number, segment: Segment, why: MissReason): void {
    const current = this.misses.get(point);
    if (!current || MISS_REASONS.indexOf(why) < MISS_REASONS.indexOf(current.why))
      this.misses.set(point, { point, start: segment.start, end: segment.end, why });
  }

  /** A point named in a sentence that adds to or corrects what came before (see `AMENDS`). */
  amends(point: number, segment: Segment): void {
    if (!segment.tokens.some((token) => AMENDS.has(token.lemma))) return;
    this.amendedAt.set(point, Math.max(segment.start, this.amendedAt.get(point) ?? -1));
  }

  reading(): Reading {
    for (const point of this.best.keys()) this.misses.delete(point);
    // "Negatives would be images from other listings. Maybe hard negatives too, because random ones
    // are too easy?": a mistake amended later in the same message by the point that counters it
    // (stated or put up as a question) was not made.
    const amended = (hit: FlagHit) =>
      hit.flag.counters.some((point) => (this.amendedAt.get(point) ?? -1) >= hit.end);
    return {
      verdicts: [...this.best.values()],
      byMeaning: [...this.byMeaning.values()],
      misses: [...this.misses.values()],
      redFlags: this.redFlags.filter((hit) => !amended(hit)),
      floated: this.floated.filter((hit) => !amended(hit)),
    };
  }
}

interface Context {
  rubric: CompiledRubric;
  prompt: Set<string> | null;
  out: Collector;
  /** The text is in plain words (few rare ones), so it is also read by meaning. */
  plainText: boolean;
}

function read(rubric: CompiledRubric, analysis: Analysis, prompt: Set<string> | null): Reading {
  const usable = analysis.segments.filter((segment) => segment.graderDirected === null);
  const order = new Map(analysis.segments.map((segment, index) => [segment, index]));
  const hits = usable.map((segment) => hitsOf(rubric, segment, prompt));
  const context: Context = {
    rubric,
    prompt,
    out: new Collector(),
    plainText: isPlainText(rubric, usable),
  };
  usable.forEach((segment, i) => {
    const segmentHits = hits[i];
    if (!segmentHits) return;
    const next = usable[i + 1];
    const nextHits = hits[i + 1];
    // Only the sentence right after may carry this one's reason: never across text aimed at the
    // grader that was left out between them (a quote would then span the checklist).
    const adjacent = next !== undefined && order.get(next) === (order.get(segment) ?? -2) + 1;
    const following = next && nextHits && adjacent ? { segment: next, hits: nextHits } : null;
    // The sentence right before may carry the reason of one that opens on its consequence.
    const before = usable[i - 1];
    const beforeHits = hits[i - 1];
    const follows = before !== undefined && order.get(segment) === (order.get(before) ?? -2) + 1;
    const preceding = before && beforeHits && follows ? { segment: before, hits: beforeHits } : null;
    if (segment.question || segment.diagram) readQuestion(context, segment, segmentHits, following);
    else readStatement(context, segment, segmentHits, following, preceding);
  });
  return context.out.reading();
}

type Following = { segment: Segment; hits: SegmentHits } | null;

/**
 * A question or a diagram label backs nothing. "How many emails a day? Say 10 billion, so ..."
 * answers its own question: the answer is the evidence.
 */
function readQuestion(context: Context, segment: Segment, hits: SegmentHits, next: Following): void {
  const answer = segment.question && next && answers(next.segment, next.hits) ? next : null;
  if (segment.question) {
    const floated = flagsOf(context.rubric, segment, context.prompt, false).said;
    context.out.floated.push(...floated.map((flag) => ({ flag, start: segment.start, end: segment.end })));
  }
  // "What's the latency budget for the ranking call? I'm assuming 200 ms": the figure answers what
  // the question asks about first (the latency budget), not every point its words name (ranking).
  const firstAt = (hit: PointHit) => Math.min(...hit.occurrences.flatMap((each) => each.positions));
  const asked = Math.min(...[...hits.points.values()].map(firstAt));
  for (const [pointIndex, hit] of hits.points) {
    const point = context.rubric.points[pointIndex];
    // "Maybe hard negatives too?": an idea put up as a question still amends a mistake before it.
    if (segment.question && !hit.echo) context.out.amends(pointIndex, segment);
    if (!answer || !point || hit.echo || firstAt(hit) > asked) {
      context.out.miss(pointIndex, segment, segment.question ? 'question' : 'diagram-label');
      continue;
    }
    const naming = new Set([...hits.naming, ...answer.hits.naming]);
    const level = explanationOf(context.rubric, point, [answer.segment], naming, context.prompt);
    const explained = level === 'explained';
    context.out.credit({
      point: pointIndex,
      credit: explained ? CREDIT.explained : CREDIT.mentioned,
      explained,
      start: answer.segment.start,
      end: answer.segment.end,
      plain: false,
      why: explained ? null : level === 'generic' ? 'generic' : 'no reason or specifics',
    });
  }
}

/** A statement: its red flags, and for each point it names (or backs by rejecting a flag) what it earns. */
function readStatement(
  context: Context,
  segment: Segment,
  hits: SegmentHits,
  next: Following,
  previous: Following = null,
): void {
  const { rubric, prompt, out } = context;
  // "We could add calibration. That's overkill here." rejects what the first sentence named.
  const dismissed = next !== null && !next.segment.question && dismissesPrevious(next.segment);
  const flags = flagsOf(rubric, segment, prompt, dismissed);
  // "Could we just use a public face dataset?": a mistake put up for a verdict is floated, as when asked.
  (segment.proposed ? out.floated : out.redFlags).push(
    ...flags.said.map((flag) => ({ flag, start: segment.start, end: segment.end })),
  );
  const listed = isListLike(segment, hits);
  const points = new Map<number, PointHit | null>(hits.points);
  // A rejected red flag backs the points that counter it: "we must not use accuracy here".
  for (const counter of flags.countered) if (!points.has(counter)) points.set(counter, null);
  // "Sort the feed purely by click chance" names clicks and prediction, but as the mistake: a
  // sentence that states a red flag is no evidence for the points that counter it.
  const contradicted = new Set(flags.said.flatMap((flag) => flag.counters));
  for (const [pointIndex, hit] of points) {
    const point = rubric.points[pointIndex];
    if (!point) continue;
    // "...just have the LLM avoid mentioning restricted documents": the point's words ("restricted
    // documents") said as part of a mistake, of whatever step, are the mistake's, not the point's.
    const insideMistake = hit?.occurrences.some((each) => each.positions.some((p) => flags.stated.has(p)));
    if (contradicted.has(pointIndex) || insideMistake) {
      out.miss(pointIndex, segment, 'states the mistake');
      continue;
    }
    const polarity: Polarity = dismissed ? 'rejected' : hit ? pointPolarity(segment, hit) : 'asserted';
    if (polarity === 'rejected') {
      out.miss(pointIndex, segment, 'rejected');
      continue;
    }
    if (hit) out.amends(pointIndex, segment);
    const naming = hit ? hits.naming : new Set([...hits.naming, ...flags.lemmas]);
    let start = segment.start;
    let end = segment.end;
    let level = listed ? 'thin' : explanationOf(rubric, point, [segment], naming, prompt);
    /** Reads the point's explanation over this sentence and a neighbour; whether it was explained. */
    const widen = (unit: Segment[], neighbour: SegmentHits): boolean => {
      const joined = new Set([...naming, ...neighbour.naming]);
      const extended = explanationOf(rubric, point, unit, joined, prompt);
      if (extended === 'explained' || (extended === 'generic' && level === 'thin')) level = extended;
      return extended === 'explained';
    };
    // "Embeddings are bad at exact names, like a creator's name. So we keep keyword search too and
    // combine both.": a sentence that opens on the consequence has its reason in the one before.
    if (
      level !== 'explained' &&
      !listed &&
      previous &&
      opensOnConsequence(segment) &&
      continues(segment, previous.segment, previous.hits, pointIndex) &&
      widen([previous.segment, segment], previous.hits)
    )
      start = previous.segment.start;
    // The next sentence often carries the reason ("We need X. Otherwise ..."); it may extend this
    // one when it is about nothing else, or about this same point, and is not a question.
    if (
      level !== 'explained' &&
      !listed &&
      next &&
      continues(segment, next.segment, next.hits, pointIndex) &&
      widen([segment, next.segment], next.hits)
    )
      end = next.segment.end;
    if (level === 'explained' && polarity === 'hedged') level = 'thin';
    const explained = level === 'explained';
    if (hit?.echo && !explained) {
      out.miss(pointIndex, segment, 'echo of the interviewer');
      continue;
    }
    out.credit({
      point: pointIndex,
      credit: explained ? CREDIT.explained : listed ? CREDIT.listed : CREDIT.mentioned,
      explained,
      start,
      end,
      plain: hit !== null && !hit.soft && hit.occurrences.every((occurrence) => occurrence.plain),
      why: explained ? null : thinReason(listed, polarity, level),
      oneWord:
        hit !== null && !hit.soft && hit.occurrences.every((occurrence) => occurrence.positions.length === 1),
    });
  }
  for (const pointIndex of hits.near) out.miss(pointIndex, segment, 'different idea');
  if (context.plainText && !dismissed && !listed && flags.said.length === 0)
    readMeaning(context, segment, hits);
}

/**
 * A sentence in plain words earns, for each step, the point it is most about (`meaning.ts`), only
 * as an explanation (own words, a reason, number or choice, tied to the case) and only for a turn in
 * that step (`matcher.ts`). Not from a counterfactual, the clauses a negation or dismissal turns
 * down (whose stance a topic cannot tell), a sentence that names much of the rubric's jargon (its
 * words are read as written), or one that states a red flag.
 */
function readMeaning(context: Context, segment: Segment, hits: SegmentHits): void {
  const { rubric, prompt, out } = context;
  // A claim true of any system is not tied to the case by what it is about.
  if (segment.hypothetical || isUniversalClaim(segment)) return;
  // What a negation or a dismissal turns down is not what the sentence says: its meaning is read
  // from the clauses it asserts ("counts as good if someone watches a while and doesn't need to
  // search again" still says what success is; "I wouldn't bother curating examples" says nothing
  // for the example bank). Such sentences used to be skipped whole: half the plain answers missed.
  const unsaid = takesStance(segment) ? rejectedWords(segment, prompt) : prompt;
  // Jargon the candidate said as written; plain words the synonym table maps to jargon do not count.
  let jargon = 0;
  for (const lemma of hits.naming) if (segment.contentSet.has(lemma)) jargon++;
  if (jargon > MEANING.maxNaming) return;
  if (!mayExplain([segment], hits.naming, prompt)) return;
  for (const candidate of meaningCandidates(rubric, segment, unsaid, new Set(hits.points.keys()))) {
    const point = rubric.points[candidate.point];
    if (!point || hits.points.has(candidate.point)) continue;
    // Nearer one of the case's red flags than the point by a margin: likely the mistake itself.
    if (candidate.mistake >= candidate.score * MEANING.mistakeMargin) continue;
    // A sentence whose meaning is one of this case's own points is tied to the case, even in words
    // of no case ("the user part is worked out once per request"); a framework point's is not.
    const level = explanationOf(rubric, point, [segment], hits.naming, prompt);
    const tiedByMeaning =
      level === 'generic' && point.source === 'case' && candidate.score >= MEANING.genericCaseMin;
    if (level !== 'explained' && !tiedByMeaning) continue;
    out.credit({
      point: candidate.point,
      credit: CREDIT.explained,
      explained: true,
      start: segment.start,
      end: segment.end,
      plain: true,
      why: null,
      byMeaning: { step: point.step, global: candidate.global },
    });
  }
}

/**
 * The interviewer's words and the words of every clause a negation or dismissal turns down: that
 * clause's meaning is what the candidate rejects ("I wouldn't adjust our numbers on a week kept
 * aside, so ..."), even where its reach in words would stop short.
 */
function rejectedWords(segment: Segment, prompt: Set<string> | null): Set<string> {
  const out = new Set(prompt);
  const clauseOf = (position: number) => segment.tokens[segment.contentAt[position] ?? -1]?.clause ?? -1;
  const turnedDown = new Set<number>();
  segment.content.forEach((_, position) => {
    if (polarityOf(segment, [position], 'point', false) === 'rejected') turnedDown.add(clauseOf(position));
  });
  segment.content.forEach((lemma, position) => {
    if (turnedDown.has(clauseOf(position))) out.add(lemma);
  });
  return out;
}

function thinReason(listed: boolean, polarity: Polarity, level: string): ThinReason {
  if (listed) return 'bare list';
  if (polarity === 'hedged') return 'hedged';
  return level === 'generic' ? 'generic' : 'no reason or specifics';
}

/**
 * Asserted if any place that names the point asserts it; rejected only if every place rejects it.
 * A place after a clause that turns down its words, with no turn between them ("but", "though",
 * "later"), goes on rejecting it: "we won't need human ratings, clicks are enough, and human raters
 * are slow anyway" gives reasons against the ratings, not for them.
 */
function pointPolarity(segment: Segment, hit: PointHit): Polarity {
  let result: Polarity = 'rejected';
  for (const occurrence of hit.occurrences) {
    const polarity = polarityOf(segment, occurrence.positions, 'point', occurrence.hazard);
    if (polarity === 'asserted') {
      if (turnedDownBefore(segment, occurrence.positions)) continue;
      return polarity;
    }
    if (polarity === 'hedged') result = polarity;
  }
  return result;
}

/**
 * Whether an earlier clause of the segment turns down a word of this place, with no turn word
 * between that clause and the place.
 */
function turnedDownBefore(segment: Segment, positions: readonly number[]): boolean {
  const first = Math.min(...positions);
  const lemmas = new Set(positions.map((position) => segment.content[position]));
  for (let position = 0; position < first; position++) {
    if (!lemmas.has(segment.content[position])) continue;
    if (!negatedClause(segment, position)) continue;
    if (polarityOf(segment, [position], 'point', false) !== 'rejected') continue;
    if (!turnsBetween(segment, position, first)) return true;
  }
  return false;
}

/** Whether the clause of a content position says "not", "no", "never" in so many words. */
function negatedClause(segment: Segment, position: number): boolean {
  const clause = segment.tokens[segment.contentAt[position] ?? -1]?.clause;
  return segment.tokens.some((token) => token.clause === clause && NEGATORS.has(token.lemma));
}

/** Words that turn from a rejection to what is kept: "but", "though", "later", "instead". */
const TURNS: ReadonlySet<string> = new Set([
  ...CONCESSIVE_OPENERS,
  ...'still later except only unless whereas'.split(' '),
]);

/** Whether a turn word stands between two content positions of a segment. */
function turnsBetween(segment: Segment, from: number, to: number): boolean {
  const start = segment.contentAt[from] ?? 0;
  const end = segment.contentAt[to] ?? segment.tokens.length;
  for (let i = start + 1; i < end; i++) if (TURNS.has(segment.tokens[i]?.lemma ?? '')) return true;
  return false;
}

/** A statement with a figure that names nothing else, right after a question: an assumption stated. */
function answers(next: Segment, nextHits: SegmentHits): boolean {
  if (next.question || next.diagram || next.hypothetical || next.graderDirected !== null) return false;
  return (next.cues & Cue.number) !== 0 && nextHits.points.size === 0;
}

/** "So we...", "That's why...", "Therefore...": the sentence gives the consequence of the one before. */
function opensOnConsequence(segment: Segment): boolean {
  const [first, second, third] = segment.tokens.map((token) => token.lemma);
  if (first === 'therefore' || first === 'hence' || first === 'thus') return true;
  if (first === 'so') return second !== undefined && SUBJECT_AFTER_SO.has(second);
  return (first === 'that' || first === 'this') && second === 'be' && third === 'why';
}
const SUBJECT_AFTER_SO = new Set(['we', 'i', 'it', 'they', 'the', 'our', 'this', 'that']);

function continues(segment: Segment, next: Segment, nextHits: SegmentHits, pointIndex: number): boolean {
  if (segment.bullet || next.question || next.diagram || next.graderDirected !== null) return false;
  return nextHits.points.size === 0 || nextHits.points.has(pointIndex);
}
