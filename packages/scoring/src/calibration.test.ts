import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Report, TranscriptFile } from '@mlsd/protocol';
import { CaseStudy, Framework, loadYamlFile } from '@mlsd/rubric';
import { describe, expect, it } from 'vitest';
import { AnalysisCache } from './analyse.ts';
import { scoreTranscript } from './transcript-file.ts';

/**
 * The calibration set (calibration/<case>/*.json) measures the scorer on hand-written interviews
 * of known quality. These are properties any honest scorer must have, not exact figures.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CALIBRATION = join(ROOT, 'calibration');
const LEVELS = [
  'strong',
  'medium',
  'weak',
  'keyword-list',
  'grader-directed',
  'agree-only',
  'paraphrase',
] as const;
type Level = (typeof LEVELS)[number];

const framework = loadYamlFile(join(ROOT, 'rubrics', 'framework.yaml'), Framework);
const cases = readdirSync(CALIBRATION).filter((name) =>
  existsSync(join(ROOT, 'rubrics', 'cases', `${name}.yaml`)),
);

describe.each(cases)('calibration: %s', (caseId) => {
  const study = loadYamlFile(join(ROOT, 'rubrics', 'cases', `${caseId}.yaml`), CaseStudy);
  if (!framework.ok || !study.ok) throw new Error(`rubrics for ${caseId} do not load`);
  const rubrics = { framework: framework.value, cases: new Map([[caseId, study.value]]) };
  const cache = new AnalysisCache();
  const files = new Map<Level, TranscriptFile>();
  const reports = new Map<Level, Report>();
  for (const level of LEVELS) {
    const file = TranscriptFile.parse(
      JSON.parse(readFileSync(join(CALIBRATION, caseId, `${level}.json`), 'utf8')),
    );
    const result = scoreTranscript(file, rubrics, { now: 0, cache });
    if (!result.ok) throw new Error(result.error.message);
    files.set(level, file);
    reports.set(level, result.value);
  }
  const overall = (level: Level) => reports.get(level)?.overall ?? Number.NaN;

  it('orders strong > medium > weak', () => {
    expect(overall('strong')).toBeGreaterThan(overall('medium'));
    expect(overall('medium')).toBeGreaterThan(overall('weak'));
    expect(reports.get('strong')?.hireSignal).toMatch(/hire$/);
    expect(reports.get('strong')?.hireSignal).not.toMatch(/no-hire$/);
    expect(reports.get('weak')?.hireSignal).toBe('no-hire');
  });

  it('scores a bare keyword list below a medium answer', () => {
    expect(overall('keyword-list')).toBeLessThan(overall('medium'));
    expect(reports.get('keyword-list')?.hireSignal).toBe('no-hire');
  });

  it('gives grader-directed text nothing over the same transcript without it', () => {
    const injected = reports.get('grader-directed');
    const named = (files.get('grader-directed') as { baseline?: unknown } | undefined)?.baseline;
    const baseline = reports.get(LEVELS.find((level) => `${level}.json` === named) ?? 'medium');
    expect(injected?.overall).toBeLessThanOrEqual(baseline?.overall ?? 0);
    injected?.steps.forEach((step, i) => {
      expect(step.score).toBeLessThanOrEqual(baseline?.steps[i]?.score ?? 0);
    });
    expect(injected?.flags.some((flag) => flag.kind === 'grader-directed')).toBe(true);
  });

  it('scores agreeing with an interviewer who names everything near zero', () => {
    expect(overall('agree-only')).toBeLessThan(5);
  });

  it('still gives a plain-word paraphrase of strong content substantial credit', () => {
    expect(overall('paraphrase')).toBeGreaterThan(overall('medium'));
    expect(overall('paraphrase')).toBeGreaterThan(2 * overall('keyword-list'));
    expect(overall('paraphrase')).toBeGreaterThanOrEqual(0.3 * overall('strong'));
  });

  it('quotes only the candidate, verbatim', () => {
    for (const level of LEVELS) {
      const file = files.get(level);
      const report = reports.get(level);
      for (const point of report?.steps.flatMap((step) => step.covered) ?? []) {
        const { quote, turnIndex } = point.evidence;
        const turn = turnIndex === null ? undefined : file?.turns[turnIndex];
        if (turnIndex !== null) expect(turn?.role).toBe('candidate');
        expect(turnIndex === null ? file?.notes : turn?.text).toContain(quote);
      }
    }
  });
});
