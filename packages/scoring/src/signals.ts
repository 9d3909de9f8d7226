import type { Segment } from './analysis-types.ts';
import type { CompiledRubric } from './compiled-types.ts';
import { isFamilyKey } from './families.ts';
import type { CompiledSignal } from './phrases.ts';
import { technicalFor } from './synonyms.ts';
import { contentWords } from './words.ts';

/** One place a point is named in a segment: the content positions of the words that name it. */
export interface Occurrence {
  positions: number[];
  /** Named through a `plain` phrasing. */
  plain: boolean;
  /** Names a risk (see `polarity.ts`). */
  hazard: boolean;
}

export interface PointHit {
  occurrences: Occurrence[];
  /** Every phrase that named it only repeats the interviewer. */
  echo: boolean;
  /** Found by its distinctive vocabulary, not by a signal. */
  soft: boolean;
}

export interface SegmentHits {
  points: Map<number, PointHit>;
  /** Lemmas of all signals matched in the segment: names of things, not explanation. */
  naming: Set<string>;
  /** Points named only inside a longer phrase of another step's point, or close in vocabulary: another idea. */
  near: Set<number>;
}

/** A soft (vocabulary) match needs this many distinctive words of the point... */
const SOFT_MIN_WORDS = 3;
/** ...weighing at least this much together (a distinctive word weighs about 3 to 4.5). */
const SOFT_MIN_SCORE = 10;
/** ...and be within this share of the best vocabulary match of the same sentence. */
const SOFT_MARGIN = 0.8;
/** Vocabulary this close to a point is reported as a near miss ("different idea") for it. */
const NEAR_MIN_SCORE = 7;
/** Signals per point stay below this, so (point, signal) packs into one number. */
const SIGNALS_PER_POINT = 256;

/** Which points a segment names, where, and how (signal, plain phrasing or vocabulary). */
export function hitsOf(rubric: CompiledRubric, said: Segment, prompt: Set<string> | null): SegmentHits {
  const segment = inCaseSense(rubric, said);
  // (point, signal) -> bit set of the signal's words present in the segment.
  const slots = new Map<number, number>();
  const softScore = new Map<number, { words: number; score: number; positions: number[] }>();
  for (const [lemma, at] of segment.positions) {
    for (const ref of rubric.signalIndex.get(lemma) ?? []) {
      const key = ref.point * SIGNALS_PER_POINT + ref.signal;
      slots.set(key, (slots.get(key) ?? 0) | (1 << ref.slot));
    }
    if (prompt?.has(lemma)) continue;
    for (const ref of rubric.vocabIndex.get(lemma) ?? []) {
      const entry = softScore.get(ref.point);
      if (entry) {
        entry.words += 1;
        entry.score += ref.weight;
        entry.positions.push(...at);
      } else softScore.set(ref.point, { words: 1, score: ref.weight, positions: [...at] });
    }
  }
  const found: { point: number; lemmas: string[]; echo: boolean; occurrences: Occurrence[] }[] = [];
  for (const [key, mask] of slots) {
    const pointIndex = Math.floor(key / SIGNALS_PER_POINT);
    const compiled = rubric.points[pointIndex]?.signals[key % SIGNALS_PER_POINT];
    if (!compiled) continue;
    const size = compiled.alternatives.length;
    const needed = size >= 4 ? size - 1 : size;
    if (bitCount(mask) < needed) continue;
    const windows = signalWindows(compiled, segment, needed);
    if (windows.length === 0) continue;
    // A family key stands for the candidate's own words at its places: those are what name the point.
    const lemmas = [
      ...new Set(
        compiled.alternatives
          .flat()
          .flatMap((lemma) =>
            isFamilyKey(lemma)
              ? (segment.positions.get(lemma) ?? []).map((at) => segment.content[at] ?? lemma)
              : segment.positions.has(lemma)
                ? [lemma]
                : [],
          ),
      ),
    ];
    found.push({
      point: pointIndex,
      lemmas,
      echo: lemmas.every((lemma) => prompt?.has(lemma) ?? false),
      occurrences: windows.map((positions) => ({
        positions,
        plain: compiled.plain,
        hazard: compiled.hazard,
      })),
    });
  }
  const points = new Map<number, PointHit>();
  const naming = new Set<string>();
  const near = new Set<number>();
  for (const hit of found) {
    // Jargon names a thing; a plain phrasing describes it in the candidate's words, so its words
    // still count towards an explanation (a plain answer earns what a jargon one earns).
    if (!hit.occurrences.every((occurrence) => occurrence.plain))
      for (const lemma of hit.lemmas) naming.add(lemma);
    // Longest match wins across steps: "regression" inside "isotonic regression" names calibration,
    // not a task type. Within a step a case point refines a generic one, and one phrase may serve both.
    const step = rubric.points[hit.point]?.step;
    const subsumed = found.some(
      (other) => rubric.points[other.point]?.step !== step && isStrictSubset(hit.lemmas, other.lemmas),
    );
    if (subsumed) {
      near.add(hit.point);
      continue;
    }
    const entry = points.get(hit.point);
    if (entry) {
      entry.occurrences.push(...hit.occurrences);
      entry.echo &&= hit.echo;
    } else points.set(hit.point, { occurrences: hit.occurrences, echo: hit.echo, soft: false });
  }
  for (const index of points.keys()) near.delete(index);
  let top = 0;
  for (const entry of softScore.values()) if (entry.words >= SOFT_MIN_WORDS) top = Math.max(top, entry.score);
  for (const [pointIndex, entry] of softScore) {
    if (points.has(pointIndex)) continue;
    // A sentence is about one or two things: only the clearly best vocabulary matches count.
    if (entry.words >= SOFT_MIN_WORDS && entry.score >= SOFT_MIN_SCORE && entry.score >= top * SOFT_MARGIN) {
      const occurrence = { positions: entry.positions.sort((a, b) => a - b), plain: false, hazard: false };
      points.set(pointIndex, { occurrences: [occurrence], echo: false, soft: true });
    } else if (entry.words >= 2 && entry.score >= NEAR_MIN_SCORE) near.add(pointIndex);
  }
  return { points, naming, near };
}

/** Whether a segment says one of a red flag's phrases in full, in its own words. */
export function saysSignal(signal: CompiledSignal, segment: Segment): boolean {
  return signalWindows(signal, segment, signal.alternatives.length, true).length > 0;
}

/**
 * Every place at least `needed` of the signal's lemmas sit close together in the segment (a phrase
 * of n content words may have at most two other content words inside it, a plain phrasing one),
 * as content positions.
 * `literal` ignores the plain-word table: a red flag is a claim, read as the candidate worded it
 * ("a pairwise loss only cares about the order" describes the loss, it does not rank by it).
 */
export function signalWindows(
  signal: CompiledSignal,
  segment: Segment,
  needed: number,
  literal = false,
): number[][] {
  const slots = signal.alternatives;
  const at = (lemma: string) =>
    (segment.positions.get(lemma) ?? []).filter(
      (position) => !literal || sameWord(segment.content[position] ?? '', lemma),
    );
  if (slots.length === 1) return (slots[0] ?? []).flatMap((lemma) => at(lemma).map((position) => [position]));
  // Everyday words collide more than jargon ("win" and "pay" are everywhere): plain phrasings must
  // stay nearly contiguous.
  const window = slots.length + (signal.plain ? 1 : 2);
  const hits: { at: number; which: number; family: boolean }[] = [];
  slots.forEach((forms, which) => {
    const seen = new Set<number>();
    // Family keys come after the exact forms (phrases.ts), so a word met both ways counts as exact.
    for (const lemma of forms)
      for (const position of at(lemma)) {
        if (seen.has(position)) continue;
        seen.add(position);
        hits.push({ at: position, which, family: isFamilyKey(lemma) });
      }
  });
  hits.sort((a, b) => a.at - b.at);
  const out: number[][] = [];
  const inWindow = new Map<number, number>();
  let from = 0;
  hits.forEach((hit, index) => {
    inWindow.set(hit.which, (inWindow.get(hit.which) ?? 0) + 1);
    for (let first = hits[from]; first && hit.at - first.at >= window; first = hits[from]) {
      const left = (inWindow.get(first.which) ?? 1) - 1;
      if (left === 0) inWindow.delete(first.which);
      else inWindow.set(first.which, left);
      from++;
    }
    if (inWindow.size >= needed) {
      const found = hits.slice(from, index + 1);
      // A word met only through its family is a looser match: its phrase must sit in one clause
      // ("calibration is out, the raw score goes..." does not say "calibrated scores").
      if (found.some((entry) => entry.family) && !oneClause(segment, found)) return;
      out.push(found.map((entry) => entry.at));
      inWindow.clear();
      from = index + 1;
    }
  });
  return out;
}

/**
 * The candidate's word is the signal's, or a form of it ("popular" for "popularity"), not a plain
 * word the synonym table maps to it ("order" for "ranking").
 */
function sameWord(said: string, lemma: string): boolean {
  if (said === lemma) return true;
  let shared = 0;
  while (shared < said.length && said[shared] === lemma[shared]) shared++;
  return shared >= SHARED_STEM;
}

/** Letters two forms of one word share at least ("divers-e", "divers-ity"). */
const SHARED_STEM = 5;

function bitCount(mask: number): number {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count++;
  return count;
}

function isStrictSubset(small: string[], large: string[]): boolean {
  return small.length < large.length && small.every((lemma) => large.includes(lemma));
}

/** Whether content positions all sit in one clause of the segment. */
function oneClause(segment: Segment, found: readonly { at: number }[]): boolean {
  const clauseAt = (position: number) => segment.tokens[segment.contentAt[position] ?? -1]?.clause;
  const first = clauseAt(found[0]?.at ?? 0);
  return found.every((entry) => clauseAt(entry.at) === first);
}

/**
 * Plain words with an everyday sense of their own that a case can be about: an order is a purchase
 * in the delivery case, a ranking elsewhere; a group is a community in the social cases.
 */
const TWO_SENSES = ['order', 'ordering', 'group', 'track'];
/** Uses in the case's own text (prompt and facts) from which such a word is the case's. */
const CASE_SENSE_USES = 3;

const caseSenses = new WeakMap<CompiledRubric, ReadonlySet<string>>();

/** Which two-sense words this case uses in its own sense. */
function caseSensesOf(rubric: CompiledRubric): ReadonlySet<string> {
  let senses = caseSenses.get(rubric);
  if (!senses) {
    const { study } = rubric;
    const text = [study.prompt, ...study.facts.map((fact) => fact.answer)].join('\n');
    const counts = new Map<string, number>();
    for (const lemma of contentWords(text)) counts.set(lemma, (counts.get(lemma) ?? 0) + 1);
    senses = new Set(TWO_SENSES.filter((word) => (counts.get(word) ?? 0) >= CASE_SENSE_USES));
    caseSenses.set(rubric, senses);
  }
  return senses;
}

/**
 * The segment without the jargon a two-sense word of the case was mapped to: in the delivery case
 * "they might not order" is about buying food, not about ranking.
 */
function inCaseSense(rubric: CompiledRubric, segment: Segment): Segment {
  const senses = caseSensesOf(rubric);
  if (senses.size === 0) return segment;
  let positions: Map<string, number[]> | null = null;
  for (const [lemma, at] of segment.positions) {
    const kept = at.filter((position) => {
      const own = segment.content[position] ?? lemma;
      return own === lemma || !senses.has(own) || !technicalFor(own).includes(lemma);
    });
    if (kept.length === at.length) continue;
    positions ??= new Map(segment.positions);
    if (kept.length > 0) positions.set(lemma, kept);
    else positions.delete(lemma);
  }
  return positions ? { ...segment, positions } : segment;
}
