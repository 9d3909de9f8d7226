import { contentWords } from './words.ts';

/**
 * Build-time pieces of the word-vector table (`scripts/build-vectors.ts`): which words it keeps
 * and how they are read from the embeddings package without parsing all of it.
 */

/** Common English words kept besides the rubrics' own: the embeddings list words by frequency. */
export const COMMON_WORDS = 30_000;

/** A word worth a vector: lower-case letters, maybe one inner apostrophe or hyphen. */
const WORD = /^[a-z]+(?:['-][a-z]+)?$/;

/**
 * The words to keep: the `common` most frequent plain words of the embeddings' `byFrequency` list,
 * in frequency order (a word's row is then its frequency rank), then every other content lemma of
 * the rubrics' text (`texts`), without repeats. `ranked` is how many rows are in frequency order.
 */
export function vectorVocabulary(
  texts: Iterable<string>,
  byFrequency: readonly string[],
  common = COMMON_WORDS,
): { words: string[]; ranked: number } {
  const keep = new Set<string>();
  for (const word of byFrequency) {
    if (keep.size >= common) break;
    if (WORD.test(word)) keep.add(word);
  }
  const ranked = keep.size;
  for (const text of texts) for (const lemma of contentWords(text)) if (WORD.test(lemma)) keep.add(lemma);
  return { words: [...keep], ranked };
}

/** Every string inside a parsed rubric file (titles, phrasings, answers), for its vocabulary. */
export function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsOf(item, out);
  else if (value instanceof Map) for (const item of value.values()) stringsOf(item, out);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) stringsOf(item, out);
  return out;
}

/**
 * The `words` list (frequency order) and the vectors of the words `select` picks from it, out of the
 * embeddings JSON (`{"dimensions":100,"words":[...],"vectors":{"the":[100 numbers, norm, index]}}`),
 * by scanning the text: parsing the whole 300 MB file would take seconds and gigabytes.
 */
export function scanEmbeddings(
  json: string,
  select: (byFrequency: readonly string[]) => (word: string) => boolean,
): { dims: number; byFrequency: string[]; vectors: Map<string, Float32Array> } {
  const dims = Number(/"dimensions"\s*:\s*(\d+)/.exec(json)?.[1] ?? Number.NaN);
  const wordsAt = json.indexOf('"words"');
  const vectorsAt = json.indexOf('"vectors"');
  if (!Number.isInteger(dims) || wordsAt < 0 || vectorsAt < 0)
    throw new Error('embeddings file: expected "dimensions", "words" and "vectors"');
  const listStart = json.indexOf('[', wordsAt);
  const listEnd = json.indexOf(']', findClosingQuoteRun(json, listStart));
  const byFrequency = JSON.parse(json.slice(listStart, listEnd + 1)) as string[];
  const wanted = select(byFrequency);
  const vectors = new Map<string, Float32Array>();
  const entry = /"((?:[^"\\]|\\.)*)":\[([^\]]*)\]/g;
  entry.lastIndex = vectorsAt + '"vectors"'.length;
  for (let m = entry.exec(json); m !== null; m = entry.exec(json)) {
    const word = m[1] ?? '';
    if (!wanted(word) || vectors.has(word)) continue;
    const numbers = (m[2] ?? '').split(',', dims).map(Number);
    if (numbers.length === dims && numbers.every(Number.isFinite))
      vectors.set(word, Float32Array.from(numbers));
  }
  return { dims, byFrequency, vectors };
}

/**
 * The index of the last quoted string of a JSON string array starting at `start`, so a "]" inside a
 * word ("]" is itself a token of the list) is not taken for the end of the list.
 */
function findClosingQuoteRun(json: string, start: number): number {
  let at = start + 1;
  for (;;) {
    while (json[at] === ' ' || json[at] === ',' || json[at] === '\n') at++;
    if (json[at] !== '"') return at;
    at++;
    while (json[at] !== '"') at += json[at] === '\\' ? 2 : 1;
    at++;
  }
}

/** Directions of common use removed from the vectors (see `removeCommonDirections`). */
export const COMMON_DIRECTIONS = 5;

/**
 * "All-but-the-top" post-processing (Mu and Viswanath, 2018): centre the unit vectors and remove
 * their few strongest shared directions, which encode how frequent a word is more than what it
 * means. Without it, frequent words ("past", "half", "never") look similar to almost anything.
 */
export function removeCommonDirections(
  vectors: readonly Float32Array[],
  components = COMMON_DIRECTIONS,
): Float32Array[] {
  const dims = vectors[0]?.length ?? 0;
  const units = vectors.map((vector) => scaled(vector, 1 / (norm(vector) || 1)));
  const mean = new Float64Array(dims);
  for (const unit of units)
    for (let i = 0; i < dims; i++) mean[i] = (mean[i] ?? 0) + (unit[i] ?? 0) / units.length;
  const centred = units.map((unit) => unit.map((value, i) => value - (mean[i] ?? 0)));
  const covariance = new Float64Array(dims * dims);
  for (const vector of centred)
    for (let i = 0; i < dims; i++) {
      const vi = vector[i] ?? 0;
      for (let j = 0; j < dims; j++)
        covariance[i * dims + j] = (covariance[i * dims + j] ?? 0) + vi * (vector[j] ?? 0);
    }
  const directions: Float64Array[] = [];
  for (let c = 0; c < components; c++) directions.push(topDirection(covariance, dims, directions));
  return centred.map((vector) => {
    const out = Float32Array.from(vector);
    for (const direction of directions) {
      let dot = 0;
      for (let i = 0; i < dims; i++) dot += (out[i] ?? 0) * (direction[i] ?? 0);
      for (let i = 0; i < dims; i++) out[i] = (out[i] ?? 0) - dot * (direction[i] ?? 0);
    }
    return scaled(out, 1 / (norm(out) || 1));
  });
}

/** The leading eigenvector of a symmetric matrix orthogonal to `found`, by power iteration. */
function topDirection(matrix: Float64Array, dims: number, found: readonly Float64Array[]): Float64Array {
  let vector = new Float64Array(dims).map((_, i) => 1 + (i % 7) / 10);
  for (let iteration = 0; iteration < 200; iteration++) {
    for (const other of found) {
      let dot = 0;
      for (let i = 0; i < dims; i++) dot += (vector[i] ?? 0) * (other[i] ?? 0);
      for (let i = 0; i < dims; i++) vector[i] = (vector[i] ?? 0) - dot * (other[i] ?? 0);
    }
    const next = new Float64Array(dims);
    for (let i = 0; i < dims; i++) {
      let sum = 0;
      for (let j = 0; j < dims; j++) sum += (matrix[i * dims + j] ?? 0) * (vector[j] ?? 0);
      next[i] = sum;
    }
    const length = Math.sqrt(next.reduce((sum, value) => sum + value * value, 0)) || 1;
    vector = next.map((value) => value / length);
  }
  return vector;
}

function norm(vector: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += (vector[i] ?? 0) ** 2;
  return Math.sqrt(sum);
}

function scaled(vector: ArrayLike<number>, factor: number): Float32Array {
  return Float32Array.from(vector, (value) => value * factor);
}
