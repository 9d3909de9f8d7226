import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TranscriptFile } from '@mlsd/protocol';
import { CaseStudy, Framework, loadYamlFile, withFrameworkFlags } from '@mlsd/rubric';
import { afterAll, describe, expect, it } from 'vitest';
import { AnalysisCache } from './analyse.ts';
import { compileRubric, rememberCompiled } from './compile.ts';
import { type CompiledRubricData, decodeCompiled, encodeCompiled } from './compiled-data.ts';
import { adoptMeaningReferences, meaningCandidates } from './meaning.ts';
import {
  compiledDataKey,
  DEFAULT_RUBRIC_DATA_DIR,
  encodeRubricData,
  loadRubricData,
  rubricDataKey,
} from './rubric-data.ts';
import { scoreTranscript } from './transcript-file.ts';
import { wordVectors } from './word-vectors.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RUBRICS = join(ROOT, 'rubrics');
const dir = mkdtempSync(join(tmpdir(), 'compiled-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files = (caseId: string) => ({
  framework: join(RUBRICS, 'framework.yaml'),
  study: join(RUBRICS, 'cases', `${caseId}.yaml`),
});
/** The values `mlsd score` gets from the build: the YAML's, through a JSON round trip. */
function loaded(caseId: string): { framework: Framework; study: CaseStudy } {
  const framework = loadYamlFile(files(caseId).framework, Framework);
  const study = loadYamlFile(files(caseId).study, CaseStudy);
  if (!framework.ok || !study.ok) throw new Error(`the ${caseId} rubric does not load`);
  // With the framework's red flags joined, as the build stores it and the server loads it.
  const joined = withFrameworkFlags(study.value, framework.value);
  return JSON.parse(JSON.stringify({ framework: framework.value, study: joined }));
}
const asJson = (data: CompiledRubricData) => JSON.stringify(data);

describe('a compiled rubric stored as JSON', () => {
  it('decodes to a rubric that encodes the same and scores a transcript the same', () => {
    const fresh = loaded('ad-click-prediction');
    const compiled = compileRubric(fresh.study, fresh.framework);
    const stored = asJson(encodeCompiled(compiled));
    const again = loaded('ad-click-prediction');
    const decoded = decodeCompiled(JSON.parse(stored), again.study, again.framework);
    if (!decoded) throw new Error('the stored rubric did not decode');
    expect(asJson(encodeCompiled(decoded))).toBe(stored);
    // Every field, including any the JSON form might forget to carry.
    expect(decoded).toEqual(compiled);
    // Points are the caller's own talking-point objects, not copies.
    expect(decoded.points[0]?.point).toBe(again.study.steps.requirements.points[0]);

    const transcript = TranscriptFile.parse(
      JSON.parse(readFileSync(join(ROOT, 'calibration', 'ad-click-prediction', 'medium.json'), 'utf8')),
    );
    const score = (rubric: { framework: Framework; study: CaseStudy }) =>
      scoreTranscript(
        transcript,
        { framework: rubric.framework, cases: new Map([['ad-click-prediction', rubric.study]]) },
        { now: 0, cache: new AnalysisCache() },
      );
    const reference = score(fresh);
    expect(reference.ok && reference.value.overall).toBeGreaterThan(0);
    // `again` was never compiled in this process: scoring it uses the decoded rubric.
    rememberCompiled(decoded);
    expect(compileRubric(again.study, again.framework)).toBe(decoded);
    expect(score(again)).toEqual(reference);
  });

  it.skipIf(!wordVectors())('reads by meaning with the stored index exactly as with one it builds', () => {
    const fresh = loaded('ad-click-prediction');
    const built = compileRubric(fresh.study, fresh.framework);
    const data = JSON.parse(asJson(encodeCompiled(built))) as CompiledRubricData;
    expect(data.meaning?.words.length).toBeGreaterThan(100);
    const again = loaded('ad-click-prediction');
    const decoded = decodeCompiled(data, again.study, again.framework);
    if (!decoded) throw new Error('the stored rubric did not decode');
    // Adopted while decoding: a second adoption is refused, as is a table of another id.
    expect(adoptMeaningReferences(decoded, data.meaning!)).toBe(false);
    const other = compileRubric(loaded('ad-click-prediction').study, fresh.framework);
    expect(adoptMeaningReferences(other, { ...data.meaning!, table: 'another table' })).toBe(false);
    const cache = new AnalysisCache();
    let read = 0;
    for (const name of readdirSync(join(ROOT, 'calibration', 'ad-click-prediction'))) {
      const turns = (
        JSON.parse(readFileSync(join(ROOT, 'calibration', 'ad-click-prediction', name), 'utf8')) as {
          turns: { role: string; text: string }[];
        }
      ).turns;
      for (const turn of turns.filter((entry) => entry.role === 'candidate'))
        for (const segment of cache.analysis(turn.text).segments) {
          const expected = meaningCandidates(built, segment, null);
          expect(meaningCandidates(decoded, segment, null)).toEqual(expected);
          read += expected.length;
        }
    }
    expect(read).toBeGreaterThan(50);
  });

  it('is not decoded onto a rubric it does not fit', () => {
    const fresh = loaded('ad-click-prediction');
    const data = encodeCompiled(compileRubric(fresh.study, fresh.framework));
    const other = loaded('ad-click-prediction');
    other.study.steps.requirements.points = [];
    expect(decodeCompiled(data, other.study, other.framework)).toBeNull();
  });

  it('is used by `loadRubricData` only under its own key', () => {
    const caseId = 'ad-click-prediction';
    const values = loaded(caseId);
    const key = rubricDataKey(readFileSync(files(caseId).framework), readFileSync(files(caseId).study));
    const compiled = encodeCompiled(compileRubric(values.study, values.framework));
    writeFileSync(
      join(dir, `${caseId}.json`),
      encodeRubricData(key, values.framework, values.study, compiled),
    );
    const current = loadRubricData(files(caseId), caseId, dir);
    expect(current?.compiled).toBe(true);
    if (!current) throw new Error('unreachable');
    expect(asJson(encodeCompiled(compileRubric(current.study, current.framework)))).toBe(asJson(compiled));

    // Compiled by other code (another key): the validated values are still used, the compilation not.
    const file = JSON.parse(readFileSync(join(dir, `${caseId}.json`), 'utf8')) as { compiledKey: string };
    file.compiledKey = compiledDataKey('another build');
    writeFileSync(join(dir, `${caseId}.json`), JSON.stringify(file));
    expect(loadRubricData(files(caseId), caseId, dir)?.compiled).toBe(false);
  });
});

describe("the build's compiled cases (generated/rubric-data)", () => {
  // A stored case whose keys are current must be exactly what compiling gives now: otherwise the
  // key misses something the compilation depends on. Stale files are never used (and `pnpm build`
  // rewrites them), so they are not checked.
  const current = readdirSync(join(RUBRICS, 'cases'))
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => name.replace(/\.ya?ml$/, ''))
    .filter((caseId) => {
      try {
        const stored = JSON.parse(readFileSync(join(DEFAULT_RUBRIC_DATA_DIR, `${caseId}.json`), 'utf8'));
        const key = rubricDataKey(readFileSync(files(caseId).framework), readFileSync(files(caseId).study));
        return stored.key === key && stored.compiledKey === compiledDataKey(key);
      } catch {
        return false;
      }
    });

  if (current.length === 0) it.skip('no current build data: run `pnpm build`', () => {});
  it.each(current)('%s equals a fresh compilation', (caseId) => {
    const stored = JSON.parse(readFileSync(join(DEFAULT_RUBRIC_DATA_DIR, `${caseId}.json`), 'utf8')) as {
      compiled: CompiledRubricData;
    };
    const values = loaded(caseId);
    expect(asJson(encodeCompiled(compileRubric(values.study, values.framework)))).toBe(
      asJson(stored.compiled),
    );
  });
});
