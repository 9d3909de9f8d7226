import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Child process: where a cold start of the server goes, measured in a fresh process. Prints one
 * JSON line of milliseconds.
 */
const lap = (() => {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const ms = now - last;
    last = now;
    return Math.round(ms);
  };
})();
// Not from helpers.ts: that would load the whole app before the first measurement.
const rubricsDir = fileURLToPath(new URL('../../../../rubrics', import.meta.url));
lap();
const rubric = await import('@mlsd/rubric');
const importRubric = lap();
const framework = rubric.loadYamlFile(join(rubricsDir, 'framework.yaml'), rubric.Framework);
for (const file of readdirSync(join(rubricsDir, 'cases')))
  rubric.loadYamlFile(join(rubricsDir, 'cases', file), rubric.CaseStudy);
const yamlAndSchema = lap();
const loaded = rubric.loadRubrics(rubricsDir);
const loadRubrics = lap();
if (!loaded.ok || !framework.ok) throw new Error('rubrics do not load');
rubric.lintRubrics(loaded.value);
const lintAgain = lap();
const cacheDir = mkdtempSync(join(tmpdir(), 'mlsd-startup-cache-'));
rubric.loadRubricsCached(rubricsDir, cacheDir);
const cachedMiss = lap();
rubric.loadRubricsCached(rubricsDir, cacheDir);
const cachedHit = lap();
const { buildApp } = await import('../../src/app.ts');
const importApp = lap();
const app = await buildApp({
  db: join(mkdtempSync(join(tmpdir(), 'mlsd-startup-')), 'x.sqlite'),
  rubricsDir,
});
await app.ready();
const buildAppMs = lap();
await app.close();
process.stdout.write(
  `${JSON.stringify({ importRubric, yamlAndSchema, loadRubrics, lintAgain, cachedMiss, cachedHit, importApp, buildApp: buildAppMs })}\n`,
);
