import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CaseStudy, Framework, loadYamlFile } from '@mlsd/rubric';
import { afterAll, describe, expect, it } from 'vitest';
import { compileRubric, rubricCompilations } from './compile.ts';
import { encodeCompiled } from './compiled-data.ts';
import { adoptRubricData, encodeRubricData, loadRubricData, rubricDataKey } from './rubric-data.ts';

const RUBRICS = fileURLToPath(new URL('../../../rubrics', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'rubric-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files = {
  framework: join(RUBRICS, 'framework.yaml'),
  study: join(RUBRICS, 'cases', 'ad-click-prediction.yaml'),
};
const framework = loadYamlFile(files.framework, Framework);
const study = loadYamlFile(files.study, CaseStudy);
if (!framework.ok || !study.ok) throw new Error('the ad-click-prediction rubric does not load');

describe('build-time rubric data', () => {
  const key = rubricDataKey(readFileSync(files.framework), readFileSync(files.study));
  writeFileSync(join(dir, 'ad-click-prediction.json'), encodeRubricData(key, framework.value, study.value));

  it('gives what loading the YAML gives, for the same bytes', () => {
    const loaded = loadRubricData(files, 'ad-click-prediction', dir);
    expect(loaded).toEqual({ framework: framework.value, study: study.value, compiled: false });
  });

  it('is not used for other bytes, another case or no build', () => {
    const edited = join(dir, 'edited.yaml');
    copyFileSync(files.study, edited);
    writeFileSync(edited, '\n# edited\n', { flag: 'a' });
    expect(loadRubricData({ ...files, study: edited }, 'ad-click-prediction', dir)).toBeNull();
    expect(loadRubricData(files, 'fraud-detection', dir)).toBeNull();
    expect(loadRubricData(files, 'ad-click-prediction', join(dir, 'missing'))).toBeNull();
  });
});

describe('adopting the build data onto the server’s own rubric objects', () => {
  // Compiled once from the JSON round trip, as the build stores it.
  const stored = (): { framework: Framework; study: CaseStudy } =>
    JSON.parse(JSON.stringify({ framework: framework.value, study: study.value }));
  const built = stored();
  const key = rubricDataKey(readFileSync(files.framework), readFileSync(files.study));
  const adoptDir = join(dir, 'adopt');
  mkdirSync(adoptDir, { recursive: true });
  writeFileSync(
    join(adoptDir, 'ad-click-prediction.json'),
    encodeRubricData(
      key,
      built.framework,
      built.study,
      encodeCompiled(compileRubric(built.study, built.framework)),
    ),
  );

  it('makes compileRubric return the stored compilation for equal objects, compiling nothing', () => {
    const own = stored();
    const before = rubricCompilations();
    expect(adoptRubricData(files, own.study, own.framework, adoptDir)).toBe(true);
    const rubric = compileRubric(own.study, own.framework);
    expect(rubricCompilations()).toBe(before);
    expect(rubric.study).toBe(own.study);
    expect(encodeCompiled(rubric)).toEqual(encodeCompiled(compileRubric(built.study, built.framework)));
  });

  it('refuses other values, other bytes or no data, and then compileRubric compiles', () => {
    const changed = stored();
    changed.study.title = `${changed.study.title} (edited)`;
    expect(adoptRubricData(files, changed.study, changed.framework, adoptDir)).toBe(false);
    const edited = join(dir, 'adopt-edited.yaml');
    copyFileSync(files.study, edited);
    writeFileSync(edited, '\n# edited\n', { flag: 'a' });
    const own = stored();
    expect(adoptRubricData({ ...files, study: edited }, own.study, own.framework, adoptDir)).toBe(false);
    expect(adoptRubricData(files, own.study, own.framework, join(dir, 'missing'))).toBe(false);
    const before = rubricCompilations();
    compileRubric(own.study, own.framework);
    expect(rubricCompilations()).toBe(before + 1);
  });
});
