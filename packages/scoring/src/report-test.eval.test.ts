import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TranscriptFile } from '@mlsd/protocol';
import { loadRubrics } from '@mlsd/rubric';
import { describe, expect, it } from 'vitest';
import { scoreTranscript } from './transcript-file.ts';

/**
 * A score-report test: whole interviews on cases the calibration halves do not cover, four tiers
 * each, written by hands that never read the scorer, each with the band that hand gave before
 * scoring (eval/report-test/[blind/]<case>.<tier>.json).
 * - `dev` (twenty-third session): video search, LLM moderation, street view, event recommendations.
 *   They were read while red flags were written for the wrong tier, so they are a development set.
 * - `blind` (twenty-fifth session): code completion, LLM feature evaluation, ride pricing, similar
 *   listings. Only this table is ever looked at; the transcripts are not read while tuning.
 * The figures are printed on every run. The dev half checks what it found broken and was fixed by
 * red flags of its own cases: a confident but wrong interview scores below the medium one. The
 * blind half checks the issue's own figure, below the plain-strong one; on first scoring (this
 * session) its wrong interviews scored above the medium ones on three cases of four, which red
 * flags written for other cases do not fix.
 * - `brief` (twenty-sixth session): the eight tuned calibration cases, five tiers each (a `weak` one
 *   too), written from the brief and the case's facts alone, as a user would answer. A development
 *   set: it measures how far interviews written without the rubric sit from their bands on cases
 *   whose rubrics are the most worked, and checks the issue's figure, wrong below plain-strong.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const loaded = loadRubrics(join(ROOT, 'rubrics'));
if (!loaded.ok) throw new Error('the rubrics do not load');
const rubrics = loaded.value;

const TIERS = ['plain-strong', 'jargon-strong', 'medium', 'weak', 'confident-wrong'] as const;

function scoredIn(dir: string) {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => {
      const raw = JSON.parse(readFileSync(join(dir, name), 'utf8')) as {
        tier: string;
        band: [number, number];
      };
      const file = TranscriptFile.parse(raw);
      const result = scoreTranscript(file, rubrics, { now: 0 });
      if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
      return { caseId: file.caseId, tier: raw.tier, band: raw.band, score: result.value.overall };
    });
}

describe.each([
  { half: 'dev', dir: fileURLToPath(new URL('../eval/report-test/', import.meta.url)), below: 'medium' },
  {
    half: 'blind',
    dir: fileURLToPath(new URL('../eval/report-test/blind/', import.meta.url)),
    below: 'plain-strong',
  },
  {
    half: 'brief',
    dir: fileURLToPath(new URL('../eval/report-test/brief/', import.meta.url)),
    below: 'plain-strong',
  },
] as const)('the score-report test interviews ($half)', ({ half, dir, below }) => {
  const scored = scoredIn(dir);
  const cases = [...new Set(scored.map((entry) => entry.caseId))].sort();
  const scoreOf = (caseId: string, tier: string) =>
    scored.find((entry) => entry.caseId === caseId && entry.tier === tier);
  const inBand = scored.filter((entry) => entry.score >= entry.band[0] && entry.score <= entry.band[1]);
  const error = scored.reduce(
    (sum, entry) => sum + Math.abs(entry.score - (entry.band[0] + entry.band[1]) / 2),
    0,
  );
  console.log(
    [
      `report-test.${half}: MAE from band midpoints ${(error / Math.max(1, scored.length)).toFixed(1)}, ${inBand.length} of ${scored.length} in band`,
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

  it('hold the four tiers, five with the weak one, on each case', () => {
    expect(cases).toHaveLength(half === 'brief' ? 8 : 4);
    const tiers = half === 'brief' ? TIERS : TIERS.filter((tier) => tier !== 'weak');
    for (const caseId of cases) for (const tier of tiers) expect(scoreOf(caseId, tier)).toBeDefined();
  });

  it.each(cases)(`%s: the confident but wrong interview scores below the ${below} one`, (caseId) => {
    expect(scoreOf(caseId, 'confident-wrong')?.score).toBeLessThan(scoreOf(caseId, below)?.score ?? 0);
  });
});
