import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LoadResult, loadRubrics, type Rubrics } from './load.ts';

/**
 * Parsing and linting fifteen YAML rubrics costs about two seconds, on every server start. A
 * validated set is stored as JSON under a key made of every rubric byte and every byte of the code
 * that validates it, so a hit can only return what a full load of the same files would.
 */
const VALIDATOR_FILES = [
  'schema.ts',
  'load.ts',
  'lint.ts',
  'duplicates.ts',
  'locate.ts',
  'text.ts',
  'cache.ts',
];

function cacheKey(dir: string): string {
  const hash = createHash('sha256');
  for (const name of VALIDATOR_FILES) hash.update(readFileSync(new URL(`./${name}`, import.meta.url)));
  hash.update(readFileSync(join(dir, 'framework.yaml')));
  const casesDir = join(dir, 'cases');
  for (const name of readdirSync(casesDir).sort()) {
    hash.update(name);
    hash.update(readFileSync(join(casesDir, name)));
  }
  return hash.update(dir).digest('hex').slice(0, 32);
}

type Stored = Omit<Rubrics, 'cases' | 'files' | 'paths'> & {
  cases: [string, Rubrics['cases'] extends Map<string, infer C> ? C : never][];
  files: [string, string][];
  paths: [string, string][];
};

/** Like `loadRubrics`, reusing a stored result when neither the files nor the validator changed. */
export function loadRubricsCached(
  dir: string,
  cacheDir = join(tmpdir(), 'mlsd-rubric-cache'),
): LoadResult<Rubrics> {
  let key: string;
  try {
    key = cacheKey(dir);
  } catch {
    return loadRubrics(dir); // unreadable files: let the full load report them properly
  }
  const file = join(cacheDir, `${key}.json`);
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Stored;
    return {
      ok: true,
      value: {
        ...stored,
        cases: new Map(stored.cases),
        files: new Map(stored.files),
        paths: new Map(stored.paths),
      },
    };
  } catch {
    // no entry yet, or a damaged one: load for real below
  }
  const loaded = loadRubrics(dir);
  if (loaded.ok) {
    const stored: Stored = {
      ...loaded.value,
      cases: [...loaded.value.cases],
      files: [...loaded.value.files],
      paths: [...loaded.value.paths],
    };
    try {
      mkdirSync(cacheDir, { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(stored));
      renameSync(temp, file); // atomic: a concurrent reader sees the whole entry or none
    } catch {
      // a read-only temp dir only costs speed
    }
  }
  return loaded;
}
