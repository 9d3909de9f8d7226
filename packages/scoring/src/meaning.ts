import type { Segment } from './analyse.ts';
import type { CompiledRubric } from './compile.ts';
import { type DotKernel, dotKernel } from './dot-kernel.ts';
import { FILLER } from './lexicon.ts';
import { DISMISS, DISMISS_VERBS, NEGATORS } from './polarity-words.ts';
import { technicalFor } from './synonyms.ts';
import { type WordVectors, wordVectors } from './word-vectors.ts';

/**
 * Reading plain-worded answers by meaning. A candidate who says "I'd give the model the slot number
 * while training and always set it to the same value when we score for real" explains position bias
 * without one of the rubric's words. For each sentence of an answer in plain words, this finds the point of each step
 * the sentence is most about: the soft F1 of its words against each of the point's references (its
 * phrasings and the sentences of its strong answer), where a word matches a reference word as
 * written, as a form of it, through the plain-word table, or by word-vector similarity (BERTScore,
 * Zhang et al. 2020, with static vectors), each word weighted by how informative it is in English
 * and how few of the case's points use it. `evidence.ts` credits the match only as an explanation
 * (own words, a reason, number or choice, tied to the case) and the matcher only for a turn in that
 * point's step: what a sentence is about says nothing of whether it is right, so the bar is the
 * explanation rule plus the step the interviewer was asking about.
 */

/** Settings, chosen on the tune half of the calibration set. */
export const MEANING = {
  /**
   * Most of a text's words that may be rare (beyond `rareRank` in English, or not English at all)
   * for it to be read by meaning. Jargon is what the rubric's phrasings match; meaning is for
   * answers in everyday words, and buzzword-dense answers are not read this way.
   */
  plainShare: 0.1,
  rareRank: 20_000,
  /** Words more frequent than this rank are matched as written only ("get", "way" are near everything). */
  minRank: 300,
  /** Vector similarity below which two words are unrelated. */
  floor: 0.3,
  /** Least soft F1 for a point to be what a sentence is about. */
  minScore: 0.25,
  /**
   * Least soft F1 for a sentence tied to the case by nothing but its meaning (no case word, number
   * or choice: "generic") to earn a case point.
   */
  genericCaseMin: 0.25,
  /**
   * Rubric jargon a sentence may name and still be read by meaning (more is read by its words). At
   * 2, a plain sentence that named two or three things in the rubric's words ("complaints per
   * million images by country; the rate from the human audit; detections per image") lost the
   * points it said in its own words; 6 was measured on interviews written from the brief alone.
   */
  maxNaming: 6,
  /**
   * A sentence whose soft F1 against one of the case's red flags is this many times its point's is
   * read as stating the mistake and earns the point nothing by meaning. Tuned on the near-miss and
   * plain-words dev sets: at 1.3 it drops wrong versions of a point without losing plain answers.
   */
  mistakeMargin: 1.3,
  /** Smooth inverse frequency weight a / (a + rank share), as rank / (rank + a) (Arora et al. 2017). */
  sif: 200,
} as const;

/** The point of one step a sentence is most about. */
export interface MeaningCandidate {
  point: number;
  score: number;
  /** It is also the best of all points, whatever the step (for texts of no known step). */
  global: boolean;
  /**
   * The soft F1 of the sentence against the case's red flags, the best of them: a sentence as near
   * a known mistake as to the point is as likely to state the mistake ("treat clicks as the real
   * relevance signal" is about as near "correct clicks for position" as a topic can tell).
   */
  mistake: number;
}

interface ReferenceWord {
  word: number;
  weight: number;
}

/**
 * A reference's words as arrays, and the sum of their weights (added in word order, as the loop
 * it replaces did). Read for every sentence against every reference of the case: in a fresh
 * process that loop runs mostly unoptimised, where indexed typed arrays are much quicker to walk
 * than arrays of objects, and the arithmetic is the same.
 */
interface Reference {
  words: Int32Array;
  weights: Float64Array;
  total: number;
}

/** What the reading by meaning needs per compiled rubric, built on first use. */
interface MeaningIndex {
  vectors: WordVectors;
  /** Distinct words of all references. */
  words: string[];
  /**
   * Indices of the words with a vector (rank at least `minRank`), and their unit vectors one after
   * the other in a dot-product kernel. Only they can reach `floor`: a word without one has
   * similarity 0 to everything, so a new lemma is compared with these alone (each the same
   * products, in the same order).
   */
  withVector: Int32Array;
  units: DotKernel;
  /** First character code of each word, to skip `sameWord` for words that cannot be a form of it. */
  initials: Int32Array;
  /** Per point, its references as weighted reference words. */
  references: Reference[][];
  /** Per red flag of the case, its phrasings as references. */
  mistakes: Reference[][];
  /** How few of the case's points use a word, 0..1. */
  caseWeight: (lemma: string) => number;
  /** Candidate lemma -> its similarities (see `Similarities`); bounded. */
  memo: Map<string, Similarities>;
}

/** A candidate lemma's similarity to each reference word (0 below the floor), and where it is not 0. */
interface Similarities {
  dense: Float32Array;
  nonZero: Int32Array;
}

/** Candidate lemmas whose similarities are kept per case (about 4 KB each); cleared when full. */
const MAX_MEMO = 5_000;

const indexes = new WeakMap<CompiledRubric, MeaningIndex | null>();

function indexOf(rubric: CompiledRubric): MeaningIndex | null {
  let index = indexes.get(rubric);
  if (index === undefined) {
    const vectors = wordVectors();
    index = vectors ? indexFrom(vectors, rubric.points.length, referencesOf(vectors, rubric)) : null;
    indexes.set(rubric, index);
  }
  return index;
}

/**
 * The part of a case's index worked out from its text and the table's word ranks, stored by the
 * build with the compiled case (`compiled-data.ts`): the reference words, the references as word
 * numbers and weights, and how many points use each lemma. A fresh process builds it in 10-30 ms
 * of mostly unoptimised code, and reads it back in a few.
 */
export interface MeaningReferences {
  /** `WordVectors.id` of the table the ranks come from. */
  table: string;
  words: string[];
  /** Per point, per reference: its word numbers and their weights. */
  references: [number[], number[]][][];
  /** Per red flag, per phrasing: the same. */
  mistakes: [number[], number[]][][];
  pointsUsing: [string, number][];
}

/** The stored form of `rubric`'s index; null without the word-vector table. */
export function storedMeaningReferences(rubric: CompiledRubric): MeaningReferences | null {
  const vectors = wordVectors();
  return vectors ? referencesOf(vectors, rubric) : null;
}

/**
 * Makes `stored` (the build's, for this very case) the index of `rubric`, when it was made with
 * the table this process reads; false otherwise, and the index is built on first use as before.
 */
export function adoptMeaningReferences(rubric: CompiledRubric, stored: MeaningReferences): boolean {
  const vectors = wordVectors();
  if (!vectors || stored.table !== vectors.id || indexes.has(rubric)) return false;
  indexes.set(rubric, indexFrom(vectors, rubric.points.length, stored));
  return true;
}

function referencesOf(vectors: WordVectors, rubric: CompiledRubric): MeaningReferences {
  const { points } = rubric;
  // A word most of the case's points use ("click" in the ad case) says little about which one is meant.
  const pointsUsing = new Map<string, number>();
  for (const point of points) {
    const lemmas = new Set([...point.signals.flatMap((signal) => signal.lemmas), ...point.strong.flat()]);
    for (const lemma of lemmas) pointsUsing.set(lemma, (pointsUsing.get(lemma) ?? 0) + 1);
  }
  const caseWeight = caseWeightOf(points.length, pointsUsing);
  const words: string[] = [];
  const wordIndex = new Map<string, number>();
  const reference = (lemmas: readonly string[]): ReferenceWord[] =>
    [...new Set(lemmas)].filter(isWord).map((lemma) => {
      let word = wordIndex.get(lemma);
      if (word === undefined) {
        word = words.length;
        words.push(lemma);
        wordIndex.set(lemma, word);
      }
      return { word, weight: informativeness(vectors, lemma) * caseWeight(lemma) };
    });
  const referencesOfTexts = (texts: readonly (readonly string[])[]) =>
    texts
      .map(reference)
      .filter((words) => words.length >= 2)
      .map((words): [number[], number[]] => [
        words.map(({ word }) => word),
        words.map(({ weight }) => weight),
      ]);
  const references = points.map((point) =>
    referencesOfTexts([...point.signals.map((signal) => signal.lemmas), ...point.strong]),
  );
  const mistakes = rubric.steps.flatMap((step) =>
    step.redFlags.map((flag) => referencesOfTexts(flag.signals.map((signal) => signal.lemmas))),
  );
  return { table: vectors.id, words, references, mistakes, pointsUsing: [...pointsUsing] };
}

/** How few of the case's points use a lemma, 0..1. */
function caseWeightOf(points: number, pointsUsing: Map<string, number>): (lemma: string) => number {
  return (lemma) => Math.log((points + 1) / (pointsUsing.get(lemma) ?? 1)) / Math.log(points + 1);
}

/** The index from its references, built or stored: the vectors, the kernel and the lookups. */
function indexFrom(vectors: WordVectors, points: number, stored: MeaningReferences): MeaningIndex {
  const { words } = stored;
  const caseWeight = caseWeightOf(points, new Map(stored.pointsUsing));
  const references = stored.references.map((point) => point.map(packed));
  const mistakes = (stored.mistakes ?? []).map((flag) => flag.map(packed));
  const withVector = Int32Array.from(
    words.flatMap((word, i) => (vectors.row(word) >= MEANING.minRank ? [i] : [])),
  );
  const units = new Float32Array(withVector.length * vectors.dims);
  withVector.forEach((word, k) => {
    units.set(vectors.unit(vectors.row(words[word] ?? '')), k * vectors.dims);
  });
  const initials = Int32Array.from(words, (word) => word.charCodeAt(0));
  return {
    vectors,
    words,
    withVector,
    units: dotKernel(units, vectors.dims),
    initials,
    references,
    mistakes,
    caseWeight,
    memo: new Map(),
  };
}

function packed([words, weights]: [number[], number[]]): Reference {
  let total = 0;
  for (const weight of weights) total += weight;
  return { words: Int32Array.from(words), weights: Float64Array.from(weights), total };
}

/** A content word worth comparing: a word, not a number or a mark, and not filler. */
function isWord(lemma: string): boolean {
  return /^[a-z]/.test(lemma) && !FILLER.has(lemma);
}

/** How much a word says, from its frequency rank: "get" little, "auction" a lot (smooth inverse frequency). */
function informativeness(vectors: WordVectors, lemma: string): number {
  const row = vectors.row(lemma);
  return row < 0 || row >= vectors.ranked ? 1 : row / (row + MEANING.sif);
}

/**
 * Whether a text is in plain words: at most `plainShare` of its content words are rare (jargon,
 * product names, English beyond the 20,000 most frequent words). False without the vector table.
 */
export function isPlainText(rubric: CompiledRubric, segments: readonly Segment[]): boolean {
  const index = indexOf(rubric);
  if (!index) return false;
  let words = 0;
  let rare = 0;
  for (const segment of segments)
    for (const lemma of segment.content) {
      if (!/^[a-z]/.test(lemma)) continue;
      words++;
      const row = index.vectors.row(lemma);
      if (row < 0 || row >= Math.min(index.vectors.ranked, MEANING.rareRank)) rare++;
    }
  return words === 0 || rare / words <= MEANING.plainShare;
}

/**
 * For each step, the point `segment` is most about, when its soft F1 reaches `minScore`: the best
 * over the point's references of the soft F1 of the sentence's words against the reference's
 * words (recall, how much of the reference by weight some word of the sentence says; precision, how
 * much of the sentence some word of the reference says). Words of the interviewer's question
 * (`prompt`) do not count: repeating them says nothing. Points in `named` (the sentence already
 * names them in the rubric's words) are left out, so the step's best is one it does not name; a step
 * where a named point is nearest of all gives none.
 */
export function meaningCandidates(
  rubric: CompiledRubric,
  segment: Segment,
  prompt: Set<string> | null,
  named: ReadonlySet<number> = new Set(),
): MeaningCandidate[] {
  const index = indexOf(rubric);
  if (!index) return [];
  const said = [...segment.contentSet].filter((lemma) => isWord(lemma) && !prompt?.has(lemma));
  if (said.length < 2) return [];
  const found = said.map((lemma) => similaritiesOf(index, lemma));
  const similarities = found.map((row) => row.dense);
  const weights = said.map((lemma) => informativeness(index.vectors, lemma) * index.caseWeight(lemma));
  // Each reference word's best match in the sentence, once; then each reference's recall is a sum.
  // Only the words a lemma is near can raise a maximum that starts at 0.
  const matched = new Float32Array(index.words.length);
  for (const { dense, nonZero } of found)
    for (let k = 0; k < nonZero.length; k++) {
      const i = nonZero[k]!;
      matched[i] = Math.max(matched[i]!, dense[i]!);
    }
  const bestOf = (references: readonly Reference[]) => {
    let best = 0;
    for (const reference of references) {
      const { words, weights: referenceWeights, total } = reference;
      let recall = 0;
      for (let k = 0; k < words.length; k++) recall += referenceWeights[k]! * matched[words[k]!]!;
      const r = total > 0 ? recall / total : 0;
      // F1 is at most 2r / (1 + r): a reference that cannot beat the best so far is not read further.
      if ((2 * r) / (1 + r) <= Math.max(best, MEANING.minScore * 0.999)) continue;
      best = Math.max(best, f1(r, precisionOf(reference, similarities, weights)));
    }
    return best;
  };
  const scores = index.references.map(bestOf);
  // A point the sentence already names is credited by its words; the meaning reads what else it says.
  // But where a named point is also the step's nearest by meaning, the sentence is about that point
  // in this step, and the next nearest is only a neighbour in words: "For the Lyon user: only events
  // that haven't started, within a travel radius, GPS if shared" names eligibility, and was credited
  // with location privacy too; a two-tower sentence was credited with the graph model.
  const byStep = new Map<string, number>();
  const namedBest = new Map<string, number>();
  scores.forEach((score, point) => {
    const step = rubric.points[point]?.step ?? '';
    const into = named.has(point) ? namedBest : byStep;
    const current = into.get(step);
    if (current === undefined || score > (scores[current] ?? 0)) into.set(step, point);
  });
  for (const [step, point] of namedBest)
    if ((scores[point] ?? 0) >= (scores[byStep.get(step) ?? -1] ?? 0)) byStep.delete(step);
  const top = Math.max(...scores);
  const out: MeaningCandidate[] = [];
  for (const point of byStep.values()) {
    const score = scores[point] ?? 0;
    if (score >= MEANING.minScore) out.push({ point, score, global: score === top, mistake: 0 });
  }
  // The red flags are read only for a sentence that is about some point: most sentences are not.
  if (out.length > 0) {
    let mistake = 0;
    for (const flag of index.mistakes) mistake = Math.max(mistake, bestOf(flag));
    for (const candidate of out) candidate.mistake = mistake;
  }
  return out;
}

/** How much of the sentence (by weight) some word of the reference says. */
function precisionOf(reference: Reference, similarities: Float32Array[], weights: number[]): number {
  const { words } = reference;
  let precision = 0;
  let total = 0;
  for (let i = 0; i < similarities.length; i++) {
    const row = similarities[i]!;
    let best = 0;
    for (let k = 0; k < words.length; k++) best = Math.max(best, row[words[k]!]!);
    precision += weights[i]! * best;
    total += weights[i]!;
  }
  return total > 0 ? precision / total : 0;
}

function f1(recall: number, precision: number): number {
  return recall + precision > 0 ? (2 * recall * precision) / (recall + precision) : 0;
}

/** How near a candidate's lemma is to each reference word: 1 for the word itself, a form of it or a plain-word match. */
function similaritiesOf(index: MeaningIndex, lemma: string): Similarities {
  const hit = index.memo.get(lemma);
  if (hit) return hit;
  const dense = new Float32Array(index.words.length);
  const row = index.vectors.row(lemma);
  if (row >= MEANING.minRank) {
    const dots = index.units.dots(index.vectors.unit(row));
    const { withVector } = index;
    for (let k = 0; k < withVector.length; k++) {
      const dot = dots[k]!;
      if (dot >= MEANING.floor) dense[withVector[k]!] = dot;
    }
  }
  const technical = technicalFor(lemma);
  // A form of the lemma starts with its first letter (`sameWord` keeps at least three letters).
  const initial = lemma.charCodeAt(0);
  const { words, initials } = index;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === lemma || technical.includes(word) || (initials[i] === initial && sameWord(word, lemma)))
      dense[i] = 1;
  }
  const nonZero: number[] = [];
  for (let i = 0; i < dense.length; i++) if (dense[i] !== 0) nonZero.push(i);
  const found = { dense, nonZero: Int32Array.from(nonZero) };
  if (index.memo.size >= MAX_MEMO) index.memo.clear();
  index.memo.set(lemma, found);
  return found;
}

/**
 * Forms of one word: the shorter (or it less a final "e") plus an ending ("count" / "counter",
 * "place" / "placement", "view" / "viewable"), never another word ("click" / "clickbait").
 */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 4) return false;
  for (const base of short.endsWith('e') ? [short, short.slice(0, -1)] : [short])
    if (long.startsWith(base) && ENDINGS.has(long.slice(base.length))) return true;
  return false;
}

const ENDINGS = new Set(
  (
    's es d ed ing er ers or ors ion ions ation ations ment ments able ible ity ness al ally ly ' +
    'ive ize ise ized ised izing ising ization isation ist ists ic ical'
  ).split(' '),
);

/**
 * Whether a sentence takes a stance a topic cannot read: a negation or a dismissal ("there's nothing
 * to choose", "that's overkill", "we can skip it"). Its words may say the idea while rejecting it.
 */
export function takesStance(segment: Segment): boolean {
  return segment.tokens.some(
    (token) => NEGATORS.has(token.lemma) || DISMISS.has(token.lemma) || DISMISS_VERBS.has(token.lemma),
  );
}
