import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TranscriptFile } from '@mlsd/protocol';
import { loadRubrics } from '@mlsd/rubric';
import { describe, expect, it } from 'vitest';
import { scoreTranscript } from './transcript-file.ts';

/**
 * A score-report test (twenty-third session): sixteen whole interviews on four cases the
 * calibration halves do not cover, written by a hand that never read the scorer, four tiers each,
 * each with the band that hand gave before scoring (eval/report-test/<case>.<tier>.json). They were
 * read while red flags were written for the wrong tier, so they are a development set, not blind.
 * The figures are printed on every run; the check is the one the test found broken: a confident
 * but wrong interview never scores at or above the medium one of its case.
 */
const DIR = fileURLToPath(new URL('../eval/report-test/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const loaded = loadRubrics(join(ROOT, 'rubrics'));
if (!loaded.ok) throw new Error('the rubrics do not load');
const rubrics = loaded.value;

const TIERS = ['plain-strong', 'jargon-strong', 'medium', 'confident-wrong'] as const;
const scored = readdirSync(DIR)
  .filter((name) => name.endsWith('.json'))
  .map((name) => {
    const raw = JSON.parse(readFileSync(join(DIR, name), 'utf8')) as { tier: string; band: [number, number] };
    const file = TranscriptFile.parse(raw);
    const result = scoreTranscript(file, rubrics, { now: 0 });
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return { caseId: file.caseId, tier: raw.tier, band: raw.band, score: result.value.overall };
  });

const cases = [...new Set(scored.map((entry) => entry.caseId))].sort();
const scoreOf = (caseId: string, tier: string) =>
  scored.find((entry) => entry.caseId === caseId && entry.tier === tier);

console.log(
  [
    `| case | ${TIERS.join(' | ')} |`,
    `|---|${TIERS.map(() => '---:').join('|')}|`,
    ...cases.map(
      (caseId) =>
        `| ${caseId} | ${TIERS.map((tier) => {
          const entry = scoreOf(caseId, tier);
          return entry ? `${Math.round(entry.score)} (${entry.band[0]}-${entry.band[1]})` : '-';
        }).join(' | ')} |`,
    ),
  ].join('\n'),
);

describe('the score-report test interviews', () => {
  it('hold four tiers on each of four cases', () => {
    expect(cases).toHaveLength(4);
    for (const caseId of cases) for (const tier of TIERS) expect(scoreOf(caseId, tier)).toBeDefined();
  });

  it.each(cases)('%s: the confident but wrong interview scores below the medium one', (caseId) => {
    expect(scoreOf(caseId, 'confident-wrong')?.score).toBeLessThan(scoreOf(caseId, 'medium')?.score ?? 0);
  });
});
