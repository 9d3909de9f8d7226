import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CaseStudy, Framework } from '@mlsd/rubric';
import { rememberCompiled } from './compile.ts';
import { type CompiledRubricData, decodeCompiled } from './compiled-data.ts';

/**
 * The validated rubric of each case, stored by the build for a fast first score in a fresh process
 * (`mlsd score`): parsing and validating the YAML costs about 100 ms there, and gives the same
 * values for the same bytes every time. `pnpm build` (`scripts/build-rubric-data.ts`) writes, per
 * case, the framework and the case as `loadYamlFile` returns them, as JSON (the JSON round trip the
 * server's rubric cache relies on too). A file is used only when its key, a hash of both YAML files
 * and of the code and packages that validate them, matches; anything else (edited rubrics, another
 * rubric folder, no build) loads the YAML as before.
 *
 * Each file also stores the case compiled by the scorer (`compiled-data.ts`): every phrasing's
 * lemmas, folded duplicates, vocabularies and case words, which take wink-nlp about 250 ms to work
 * out in a fresh process. That part has a key of its own, which adds a hash of the scorer's and the
 * rubric package's sources and the wink-nlp versions: after any change to the code that compiles,
 * the case is compiled at run time as before until the next build.
 *
 * Tokenising the rubric first used to change how wink-nlp split some later words (it remembers the
 * unknown words it has met: "today's" whole or as "today" + "'s"). `tokenize` now gives both shapes
 * the same tokens, and skipping the rubric's tokenisation was checked to leave every token of the
 * calibration transcripts, and every report, as it was.
 */

/** Where the build writes the per-case files and `mlsd score` looks for them. */
export const DEFAULT_RUBRIC_DATA_DIR = fileURLToPath(new URL('../generated/rubric-data', import.meta.url));

const FORMAT = 2;

interface RubricDataFile {
  format: typeof FORMAT;
  key: string;
  framework: Framework;
  study: CaseStudy;
  /** `compiledDataKey(key)` when `compiled` was stored. */
  compiledKey?: string;
  compiled?: CompiledRubricData;
}

/** A hash of what decides the validated values: the rubric package's schema and loader, and the versions of zod and yaml. */
function codeFingerprint(): string {
  const rubricSrc = fileURLToPath(new URL('../../rubric/src/', import.meta.url));
  const hash = createHash('sha256');
  for (const name of ['schema.ts', 'load.ts', 'framework-flags.ts'])
    hash.update(readFileSync(join(rubricSrc, name)));
  const require = createRequire(join(rubricSrc, 'index.ts'));
  for (const name of ['zod', 'yaml']) hash.update(readFileSync(require.resolve(`${name}/package.json`)));
  return hash.digest('hex');
}

/**
 * A hash of what decides a compiled rubric beyond the validated values: the scorer's and the rubric
 * package's sources (tests aside) and the wink-nlp packages that tokenise. A few milliseconds.
 */
function compilerFingerprint(): string {
  fingerprint ??= computeCompilerFingerprint();
  return fingerprint;
}

/**
 * Computed once per process: it stands for the code this process runs, which an edit made while it
 * runs does not change (and the server checks every case at start, 18 times the same answer).
 */
let fingerprint: string | undefined;

function computeCompilerFingerprint(): string {
  const hash = createHash('sha256');
  for (const dir of ['./', '../../rubric/src/']) {
    const path = fileURLToPath(new URL(dir, import.meta.url));
    for (const name of readdirSync(path).sort()) {
      if (!name.endsWith('.ts') || name.endsWith('.test.ts')) continue;
      hash.update(name).update(readFileSync(join(path, name)));
    }
  }
  const require = createRequire(fileURLToPath(new URL('../../rubric/src/text.ts', import.meta.url)));
  for (const name of ['wink-nlp', 'wink-eng-lite-web-model'])
    hash.update(readFileSync(require.resolve(`${name}/package.json`)));
  return hash.digest('hex');
}

/** The key of a stored compiled rubric: the rubric data's key and the compiler's fingerprint. */
export function compiledDataKey(key: string): string {
  return createHash('sha256').update(key).update(compilerFingerprint()).digest('hex');
}

/** The key of the data for these two rubric files (their bytes and the code fingerprint). */
export function rubricDataKey(frameworkBytes: Uint8Array, studyBytes: Uint8Array): string {
  return createHash('sha256')
    .update(codeFingerprint())
    .update(String(frameworkBytes.length))
    .update(frameworkBytes)
    .update(studyBytes)
    .digest('hex');
}

/** One case's file, from the values `loadYamlFile` returned for the files `key` was made from. */
export function encodeRubricData(
  key: string,
  framework: Framework,
  study: CaseStudy,
  compiled?: CompiledRubricData,
): string {
  const file: RubricDataFile = {
    format: FORMAT,
    key,
    framework,
    study,
    ...(compiled ? { compiledKey: compiledDataKey(key), compiled } : {}),
  };
  return JSON.stringify(file);
}

/**
 * The validated framework and case for `caseId` from the build, when the stored key matches the
 * files' bytes; null when there is no usable data (then load the YAML). When the stored compiled
 * case is current too, `compileRubric` returns it for these two objects (`compiled: true`).
 */
export function loadRubricData(
  files: { framework: string; study: string },
  caseId: string,
  dir = DEFAULT_RUBRIC_DATA_DIR,
): { framework: Framework; study: CaseStudy; compiled: boolean } | null {
  try {
    const data = JSON.parse(readFileSync(join(dir, `${caseId}.json`), 'utf8')) as RubricDataFile;
    const key = rubricDataKey(readFileSync(files.framework), readFileSync(files.study));
    if (data.format !== FORMAT || data.key !== key) return null;
    const rubric =
      data.compiled && data.compiledKey === compiledDataKey(key)
        ? decodeCompiled(data.compiled, data.study, data.framework)
        : null;
    if (rubric) rememberCompiled(rubric);
    return { framework: data.framework, study: data.study, compiled: rubric !== null };
  } catch {
    return null;
  }
}

/**
 * Makes the build's compiled case what `compileRubric` returns for the caller's own `study` and
 * `framework` objects (the server's, loaded by `@mlsd/rubric`), when the stored data was made from
 * these exact files by the code running now and holds the same values: the server then prepares
 * every case at start in a few milliseconds each instead of tokenising each rubric (about 100 ms a
 * case). False, and nothing remembered, in any other case: the caller compiles as before.
 */
export function adoptRubricData(
  files: { framework: string; study: string },
  study: CaseStudy,
  framework: Framework,
  dir = DEFAULT_RUBRIC_DATA_DIR,
): boolean {
  try {
    const data = JSON.parse(readFileSync(join(dir, `${study.id}.json`), 'utf8')) as RubricDataFile;
    const key = rubricDataKey(readFileSync(files.framework), readFileSync(files.study));
    if (data.format !== FORMAT || data.key !== key || !data.compiled) return false;
    if (data.compiledKey !== compiledDataKey(key)) return false;
    // Same files, but the caller's objects may come from another loader (a cache, a reload): the
    // stored compilation points into the values, so they must be the same values.
    if (JSON.stringify(data.study) !== JSON.stringify(study)) return false;
    if (JSON.stringify(data.framework) !== JSON.stringify(framework)) return false;
    const rubric = decodeCompiled(data.compiled, study, framework);
    if (!rubric) return false;
    rememberCompiled(rubric);
    return true;
  } catch {
    return false;
  }
}
