import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CaseStudy, Framework } from '@mlsd/rubric';

/**
 * The validated rubric of each case, stored by the build for a fast first score in a fresh process
 * (`mlsd score`): parsing and validating the YAML costs about 100 ms there, and gives the same
 * values for the same bytes every time. `pnpm build` (`scripts/build-rubric-data.ts`) writes, per
 * case, the framework and the case as `loadYamlFile` returns them, as JSON (the JSON round trip the
 * server's rubric cache relies on too). A file is used only when its key, a hash of both YAML files
 * and of the code and packages that validate them, matches; anything else (edited rubrics, another
 * rubric folder, no build) loads the YAML as before.
 *
 * Only the loading is stored, not the rubric's tokens: wink-nlp remembers the unknown words it has
 * seen, and how it splits a later text ("today's" whole or as "today" + "'s") depends on them, so
 * the phrasings are tokenised while compiling, in the same order as always, or scores could change.
 */

/** Where the build writes the per-case files and `mlsd score` looks for them. */
export const DEFAULT_RUBRIC_DATA_DIR = fileURLToPath(new URL('../generated/rubric-data', import.meta.url));

const FORMAT = 1;

interface RubricDataFile {
  format: typeof FORMAT;
  key: string;
  framework: Framework;
  study: CaseStudy;
}

/** A hash of what decides the validated values: the rubric package's schema and loader, and the versions of zod and yaml. */
function codeFingerprint(): string {
  const rubricSrc = fileURLToPath(new URL('../../rubric/src/', import.meta.url));
  const hash = createHash('sha256');
  for (const name of ['schema.ts', 'load.ts']) hash.update(readFileSync(join(rubricSrc, name)));
  const require = createRequire(join(rubricSrc, 'index.ts'));
  for (const name of ['zod', 'yaml']) hash.update(readFileSync(require.resolve(`${name}/package.json`)));
  return hash.digest('hex');
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
export function encodeRubricData(key: string, framework: Framework, study: CaseStudy): string {
  const file: RubricDataFile = { format: FORMAT, key, framework, study };
  return JSON.stringify(file);
}

/**
 * The validated framework and case for `caseId` from the build, when the stored key matches the
 * files' bytes; null when there is no usable data (then load the YAML).
 */
export function loadRubricData(
  files: { framework: string; study: string },
  caseId: string,
  dir = DEFAULT_RUBRIC_DATA_DIR,
): { framework: Framework; study: CaseStudy } | null {
  try {
    const data = JSON.parse(readFileSync(join(dir, `${caseId}.json`), 'utf8')) as RubricDataFile;
    const key = rubricDataKey(readFileSync(files.framework), readFileSync(files.study));
    return data.format === FORMAT && data.key === key
      ? { framework: data.framework, study: data.study }
      : null;
  } catch {
    return null;
  }
}
