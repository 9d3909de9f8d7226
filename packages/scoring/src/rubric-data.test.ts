import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CaseStudy, Framework, loadYamlFile } from '@mlsd/rubric';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeRubricData, loadRubricData, rubricDataKey } from './rubric-data.ts';

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
