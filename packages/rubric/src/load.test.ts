import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadRubrics } from './load.ts';
import { formatIssue } from './locate.ts';

const REAL = fileURLToPath(new URL('../../../rubrics', import.meta.url));
const SAMPLE_CASE = 'ad-click-prediction';

describe('loadRubrics on broken files', () => {
  let dir: string;
  let caseText: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mlsd-rubrics-'));
    mkdirSync(join(dir, 'cases'));
    writeFileSync(join(dir, 'framework.yaml'), readFileSync(join(REAL, 'framework.yaml')));
    caseText = readFileSync(join(REAL, 'cases', `${SAMPLE_CASE}.yaml`), 'utf8');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const writeCase = (text: string, name = SAMPLE_CASE) =>
    writeFileSync(join(dir, 'cases', `${name}.yaml`), text);

  it('loads a valid copy', () => {
    writeCase(caseText);
    const result = loadRubrics(dir);
    expect(result.ok ? [...result.value.cases.keys()] : result.issues).toEqual([SAMPLE_CASE]);
  });

  it('reports a YAML syntax error with its line and loads nothing', () => {
    writeCase(`${caseText}\n  broken: [unclosed\n`);
    const result = loadRubrics(dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]?.file).toContain(`${SAMPLE_CASE}.yaml`);
    expect(result.issues[0]?.line).toBeGreaterThan(1);
    expect(formatIssue(result.issues[0]!)).toMatch(/YAML syntax/);
  });

  it('points a wrong field at its own line', () => {
    const lines = caseText.split('\n');
    const weightLine = lines.findIndex((line) => /^\s+weight: \d/.test(line));
    lines[weightLine] = lines[weightLine]!.replace(/weight: \d/, 'weight: 7');
    writeCase(lines.join('\n'));
    const result = loadRubrics(dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const issue = result.issues.find((each) => each.field.endsWith('weight'));
    expect(issue?.line).toBe(weightLine + 1);
    expect(issue?.field).toMatch(/^steps\.requirements\.points\.\d+\.weight$/);
  });

  it('names a missing step', () => {
    writeCase(caseText.replace(/^ {2}monitoring:/m, '  monitorin:'));
    const result = loadRubrics(dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.issues.map(formatIssue).join('\n');
    expect(messages).toMatch(/steps\.monitoring/);
  });

  it('refuses a case whose id differs from its file name, and loads none of the others', () => {
    writeCase(caseText);
    writeCase(caseText, 'copy-of-ads');
    const result = loadRubrics(dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map(formatIssue).join('\n')).toMatch(/must match the file name "copy-of-ads"/);
  });
});

describe('loadRubricsCached', () => {
  it('returns the same rubrics as a full load, and notices a changed file', async () => {
    const { loadRubricsCached } = await import('./cache.ts');
    const dir = mkdtempSync(join(tmpdir(), 'mlsd-rubrics-'));
    const cacheDir = mkdtempSync(join(tmpdir(), 'mlsd-rubric-cache-'));
    try {
      mkdirSync(join(dir, 'cases'));
      writeFileSync(join(dir, 'framework.yaml'), readFileSync(join(REAL, 'framework.yaml')));
      const text = readFileSync(join(REAL, 'cases', `${SAMPLE_CASE}.yaml`), 'utf8');
      writeFileSync(join(dir, 'cases', `${SAMPLE_CASE}.yaml`), text);
      const full = loadRubrics(dir);
      const first = loadRubricsCached(dir, cacheDir);
      const second = loadRubricsCached(dir, cacheDir);
      expect(second).toEqual(full);
      expect(first).toEqual(full);

      writeFileSync(
        join(dir, 'cases', `${SAMPLE_CASE}.yaml`),
        text.replace(/^title: .*$/m, 'title: Changed title'),
      );
      const changed = loadRubricsCached(dir, cacheDir);
      expect(changed.ok && changed.value.cases.get(SAMPLE_CASE)?.title).toBe('Changed title');

      writeFileSync(join(dir, 'cases', `${SAMPLE_CASE}.yaml`), text.replace(/weight: \d/, 'weight: 9'));
      expect(loadRubricsCached(dir, cacheDir).ok).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
