import { type Analysis, Cue, type Segment } from './analyse.ts';
import type { CompiledPoint, CompiledRubric, CompiledSignal } from './compile.ts';
import { FILLER } from './lexicon.ts';

/**
 * What one candidate text says about the rubric: for each talking point it touches, the best
 * unit of evidence in it and how much that unit earns. It depends only on the text, the rubric
 * and the interviewer turn it answers, so it is computed once per text and cached: a live
 * session re-scoring after every message only reads the new message.
 */
export interface Verdict {
  point: number;
  credit: number;
  explained: boolean;
  /** Character range of the quote in the text. */
  start: number;
  end: number;
}

/** Credit per level: naming a concept earns little, naming it in a bare list less. */
export const CREDIT = { explained: 1, mentioned: 0.3, listed: 0.15 } as const;

/** A soft (vocabulary) match needs this many distinctive words of the point... */
const SOFT_MIN_WORDS = 3;
/** ...weighing at least this much together (a distinctive word weighs about 3 to 4.5). */
const SOFT_MIN_SCORE = 10;
/** ...and be within this share of the best vocabulary match of the same sentence. */
const SOFT_MARGIN = 0.8;
/** Own words (not names of things, not the interviewer's) an explanation needs. */
const MIN_OWN_WORDS = 3;
const STRONG_CUES = Cue.reason | Cue.number | Cue.comparison;
const WEAK_CUES = Cue.mechanism | Cue.example | Cue.condition;
/** Signals per point stay below this, so (point, signal) packs into one number. */
const SIGNALS_PER_POINT = 256;

interface SegmentHits {
  /** Point index -> whether every signal it matched only repeats the interviewer. */
  signal: Map<number, boolean>;
  soft: Set<number>;
  /** Lemmas of all signals matched in the segment: names of things, not explanation. */
  naming: Set<string>;
}

const NO_PROMPT: Set<string> = new Set();

/** Results keyed by (text analysis, rubric, prompt), held only as long as all three are alive. */
export class AnalysisMemo<V> {
  readonly #entries = new WeakMap<Analysis, WeakMap<CompiledRubric, WeakMap<Set<string>, V>>>();

  get(analysis: Analysis, rubric: CompiledRubric, prompt: Set<string> | null, compute: () => V): V {
    let byRubric = this.#entries.get(analysis);
    if (!byRubric) {
      byRubric = new WeakMap();
      this.#entries.set(analysis, byRubric);
    }
    let byPrompt = byRubric.get(rubric);
    if (!byPrompt) {
      byPrompt = new WeakMap();
      byRubric.set(rubric, byPrompt);
    }
    const key = prompt ?? NO_PROMPT;
    let value = byPrompt.get(key);
    if (value === undefined) {
      value = compute();
      byPrompt.set(key, value);
    }
    return value;
  }
}

const verdicts = new AnalysisMemo<Verdict[]>();

/** The verdicts of one candidate text, best per point. Cached per text, rubric and prompt. */
export function verdictsOf(
  rubric: CompiledRubric,
  analysis: Analysis,
  prompt: Set<string> | null,
): Verdict[] {
  return verdicts.get(analysis, rubric, prompt, () => computeVerdicts(rubric, analysis, prompt));
}

function computeVerdicts(rubric: CompiledRubric, analysis: Analysis, prompt: Set<string> | null): Verdict[] {
  const usable = analysis.segments.filter((segment) => segment.graderDirected === null);
  const hits = usable.map((segment) => hitsOf(rubric, segment, prompt));
  const best = new Map<number, Verdict>();
  usable.forEach((segment, i) => {
    const segmentHits = hits[i];
    if (!segmentHits) return;
    const next = usable[i + 1];
    const nextHits = hits[i + 1];
    const listed = isListLike(segment, segmentHits);
    for (const pointIndex of new Set([...segmentHits.signal.keys(), ...segmentHits.soft])) {
      const point = rubric.points[pointIndex];
      if (!point) continue;
      const echo = segmentHits.signal.get(pointIndex) ?? false;
      let end = segment.end;
      let explained = !listed && explains(point, [segment], segmentHits.naming, prompt);
      // The next sentence often carries the reason ("We need X. Otherwise ..."); it may extend this
      // one when it is about nothing else, or about this same point.
      const continues =
        next &&
        nextHits &&
        !segment.bullet &&
        (nextHits.signal.size === 0 || nextHits.signal.has(pointIndex));
      if (!explained && !listed && continues) {
        const naming = new Set([...segmentHits.naming, ...nextHits.naming]);
        if (explains(point, [segment, next], naming, prompt)) {
          explained = true;
          end = next.end;
        }
      }
      if (echo && !explained) continue;
      const credit = explained ? CREDIT.explained : listed ? CREDIT.listed : CREDIT.mentioned;
      const current = best.get(pointIndex);
      if (!current || credit > current.credit)
        best.set(pointIndex, { point: pointIndex, credit, explained, start: segment.start, end });
    }
  });
  return [...best.values()];
}

/** Whether a segment says a red flag's phrase (any one of its signals, in full). */
export function saysSignal(signal: CompiledSignal, segment: Segment): boolean {
  return signalMatches(signal, segment, signal.alternatives.length);
}

function hitsOf(rubric: CompiledRubric, segment: Segment, prompt: Set<string> | null): SegmentHits {
  // (point, signal) -> bit set of the signal's words present in the segment.
  const slots = new Map<number, number>();
  const softScore = new Map<number, { words: number; score: number }>();
  for (const lemma of segment.positions.keys()) {
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
      } else softScore.set(ref.point, { words: 1, score: ref.weight });
    }
  }
  const found: { point: number; lemmas: string[]; echo: boolean }[] = [];
  for (const [key, mask] of slots) {
    const pointIndex = Math.floor(key / SIGNALS_PER_POINT);
    const compiled = rubric.points[pointIndex]?.signals[key % SIGNALS_PER_POINT];
    if (!compiled) continue;
    const size = compiled.alternatives.length;
    const needed = size >= 4 ? size - 1 : size;
    if (bitCount(mask) < needed || !signalMatches(compiled, segment, needed)) continue;
    const lemmas = compiled.alternatives.flat().filter((lemma) => segment.positions.has(lemma));
    found.push({ point: pointIndex, lemmas, echo: lemmas.every((lemma) => prompt?.has(lemma) ?? false) });
  }
  const signal = new Map<number, boolean>();
  const naming = new Set<string>();
  for (const hit of found) {
    for (const lemma of hit.lemmas) naming.add(lemma);
    // Longest match wins across steps: "regression" inside "isotonic regression" names calibration,
    // not a task type. Within a step a case point refines a generic one, and one phrase may serve both.
    const step = rubric.points[hit.point]?.step;
    const subsumed = found.some(
      (other) => rubric.points[other.point]?.step !== step && isStrictSubset(hit.lemmas, other.lemmas),
    );
    if (!subsumed) signal.set(hit.point, (signal.get(hit.point) ?? true) && hit.echo);
  }
  let top = 0;
  for (const entry of softScore.values()) if (entry.words >= SOFT_MIN_WORDS) top = Math.max(top, entry.score);
  const soft = new Set<number>();
  for (const [pointIndex, entry] of softScore) {
    if (signal.has(pointIndex) || entry.words < SOFT_MIN_WORDS || entry.score < SOFT_MIN_SCORE) continue;
    // A sentence is about one or two things: only the clearly best vocabulary matches count.
    if (entry.score >= top * SOFT_MARGIN) soft.add(pointIndex);
  }
  return { signal, soft, naming };
}

function bitCount(mask: number): number {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count++;
  return count;
}

function isStrictSubset(small: string[], large: string[]): boolean {
  return small.length < large.length && small.every((lemma) => large.includes(lemma));
}

/**
 * True when at least `needed` of the signal's lemmas sit close together in the segment: a phrase
 * of n content words may have at most two other content words inside it.
 */
function signalMatches(signal: CompiledSignal, segment: Segment, needed: number): boolean {
  const slots = signal.alternatives;
  if (slots.length === 1) return (slots[0] ?? []).some((lemma) => segment.positions.has(lemma));
  const window = slots.length + 2;
  const hits: { at: number; which: number }[] = [];
  slots.forEach((forms, which) => {
    for (const lemma of forms) for (const at of segment.positions.get(lemma) ?? []) hits.push({ at, which });
  });
  hits.sort((a, b) => a.at - b.at);
  const inWindow = new Map<number, number>();
  let from = 0;
  for (const hit of hits) {
    inWindow.set(hit.which, (inWindow.get(hit.which) ?? 0) + 1);
    for (let first = hits[from]; first && hit.at - first.at >= window; first = hits[from]) {
      const left = (inWindow.get(first.which) ?? 1) - 1;
      if (left === 0) inWindow.delete(first.which);
      else inWindow.set(first.which, left);
      from++;
    }
    if (inWindow.size >= needed) return true;
  }
  return false;
}

/** A bare list: bullets of a few words, many names with few other words, or comma-separated fragments. */
function isListLike(segment: Segment, hits: SegmentHits): boolean {
  const named = hits.signal.size;
  const strong = segment.cues & (Cue.reason | Cue.comparison);
  if (segment.bullet && segment.content.length <= 6 && !(segment.cues & STRONG_CUES)) return true;
  if (named >= 3) {
    // Points overlap (a case point and a generic one share words), so count words, not points.
    const own = new Set(segment.content.filter((lemma) => !hits.naming.has(lemma) && !FILLER.has(lemma)));
    if (own.size <= 1) return true;
  }
  return segment.separators >= 2 && segment.content.length / (segment.separators + 1) <= 3 && !strong;
}

/**
 * An explanation says more than the names of things: some words of the candidate's own (not
 * signal words, not filler, not the interviewer's) and a reason, a number or a comparison, or a
 * mechanism or example that stays on the point's subject.
 */
function explains(
  point: CompiledPoint,
  unit: Segment[],
  naming: Set<string>,
  prompt: Set<string> | null,
): boolean {
  const own = new Set<string>();
  let cues = 0;
  for (const segment of unit) {
    cues |= segment.cues;
    for (const lemma of segment.contentSet) {
      if (!naming.has(lemma) && !FILLER.has(lemma) && !prompt?.has(lemma)) own.add(lemma);
    }
  }
  if (own.size < MIN_OWN_WORDS) return false;
  let relevance = 0;
  for (const lemma of own) if (point.vocab.has(lemma)) relevance++;
  if (cues & STRONG_CUES) return true;
  if (cues & WEAK_CUES) return relevance >= 2;
  return relevance >= 4;
}
