/**
 * `pnpm --filter @mlsd/scoring build:data` (run by the root `pnpm build`, after the word vectors):
 * writes, per rubric case, the validated framework and case and the case compiled by the scorer
 * (`src/rubric-data.ts`), so `mlsd score` in a fresh process neither parses and validates YAML nor
 * tokenises the rubric. A case whose file already has the current keys is skipped; a case that does
 * not load is left to the YAML path (which reports it).
 * `build-rubric-data.ts OUT` writes elsewhere.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CaseStudy, Framework, loadYamlFile, withFrameworkFlags } from '@mlsd/rubric';
import { compileRubric } from '../src/compile.ts';
import { encodeCompiled } from '../src/compiled-data.ts';
import {
  compiledDataKey,
  DEFAULT_RUBRIC_DATA_DIR,
  encodeRubricData,
  rubricDataKey,
} from '../src/rubric-data.ts';

const started = performance.now();
const rubricsDir = fileURLToPath(new URL('../../../rubrics', import.meta.url));
const out = process.argv[2] ?? DEFAULT_RUBRIC_DATA_DIR;
mkdirSync(out, { recursive: true });

const frameworkFile = join(rubricsDir, 'framework.yaml');
// Loaded exactly as `mlsd score` loads them (`loadYamlFile`), so the stored values are the same.
const framework = loadYamlFile(frameworkFile, Framework);
if (!framework.ok) {
  console.error('build:data: framework.yaml does not load; run `pnpm mlsd rubrics check`');
  process.exit(1);
}
let written = 0;
let current = 0;
for (const name of readdirSync(join(rubricsDir, 'cases')).sort()) {
  if (!/\.ya?ml$/.test(name)) continue;
  const caseId = name.replace(/\.ya?ml$/, '');
  const caseFile = join(rubricsDir, 'cases', name);
  const target = join(out, `${caseId}.json`);
  const key = rubricDataKey(readFileSync(frameworkFile), readFileSync(caseFile));
  const stored = existsSync(target)
    ? (JSON.parse(readFileSync(target, 'utf8')) as { key?: string; compiledKey?: string })
    : {};
  if (stored.key === key && stored.compiledKey === compiledDataKey(key)) {
    current++;
    continue;
  }
  const study = loadYamlFile(caseFile, CaseStudy);
  if (!study.ok) {
    console.warn(`build:data: ${name} does not load; mlsd score will load (and report) it from YAML`);
    continue;
  }
  // The case with the framework's red flags joined, as `loadRubrics` gives it to the server.
  const joined = withFrameworkFlags(study.value, framework.value);
  // Compiled from the JSON round trip `mlsd score` loads, so the stored points line up with its objects.
  const frameworkValue = JSON.parse(JSON.stringify(framework.value)) as typeof framework.value;
  const studyValue = JSON.parse(JSON.stringify(joined)) as typeof joined;
  const compiled = encodeCompiled(compileRubric(studyValue, frameworkValue));
  writeFileSync(target, encodeRubricData(key, framework.value, joined, compiled));
  written++;
}
console.log(
  `build:data: ${written} case files written, ${current} up to date -> ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
