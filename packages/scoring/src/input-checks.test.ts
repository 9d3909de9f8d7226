import { TranscriptFile } from '@mlsd/protocol';
import { describe, expect, it } from 'vitest';
import { fixtureRubric } from './fixture.ts';
import { MAX_TURN_CHARS } from './input-checks.ts';
import { scoreTranscript } from './transcript-file.ts';

const { study, framework } = fixtureRubric();
const rubrics = { framework, cases: new Map([[study.id, study]]) };

describe('a transcript with bad input', () => {
  it('scores without crashing and says what it set aside', () => {
    const file = TranscriptFile.parse({
      caseId: study.id,
      turns: [
        { role: 'interviewer', step: 'requirements', text: 'What do you need to know?' },
        { role: 'candidate', step: 'requirements', text: '' },
        {
          role: 'candidate',
          step: 'deployment',
          text: 'We would calibrate the spam scores because the threshold depends on them.',
        },
        { role: 'candidate', step: 'model', text: 'x'.repeat(MAX_TURN_CHARS + 500) },
        {
          role: 'candidate',
          step: 'model',
          text: 'Nous utiliserions un modèle de régression logistique pour commencer, puis des arbres.',
        },
      ],
    });
    const result = scoreTranscript(file, rubrics, { now: 0 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const flag = result.value.flags.find((f) => f.kind === 'ignored-input');
    expect(flag?.message).toMatch(/1 empty turn skipped/);
    expect(flag?.message).toMatch(/unknown step "deployment"/);
    expect(flag?.message).toMatch(/1 turn longer than 20,000 characters cut/);
    expect(flag?.message).toMatch(/1 candidate turn not in English/);
  });

  it('adds no flag to a clean transcript', () => {
    const file = TranscriptFile.parse({
      caseId: study.id,
      turns: [
        { role: 'candidate', step: 'requirements', text: 'We need to know the daily e-mail volume first.' },
      ],
    });
    const result = scoreTranscript(file, rubrics, { now: 0 });
    expect(result.ok && result.value.flags.some((f) => f.kind === 'ignored-input')).toBe(false);
  });

  it('never quotes a turn it set aside as not in English, and reads terse English notes as English', () => {
    // Enough of its words are English to be credited, were it read: the note says it is not.
    const calibrated =
      'Calibrate the spam scores: es muy importante para que los usuarios y los datos estén bien con el umbral.';
    const file = TranscriptFile.parse({
      caseId: study.id,
      turns: [{ role: 'candidate', step: 'model', text: calibrated }],
    });
    const result = scoreTranscript(file, rubrics, { now: 0 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.flags.find((f) => f.kind === 'ignored-input')?.message).toMatch(/not in English/);
    const quotes = result.value.steps.flatMap((step) =>
      step.covered.map((point) => point.evidence?.quote ?? ''),
    );
    expect(quotes.filter((quote) => quote.includes('Calibrate'))).toEqual([]);
    const notes = TranscriptFile.parse({
      caseId: study.id,
      turns: [
        {
          role: 'candidate',
          step: 'model',
          text: 'sim first: replay logs + models -> city sim. hardest = driver repositioning -> sim overstates supply gain',
        },
      ],
    });
    const read = scoreTranscript(notes, rubrics, { now: 0 });
    expect(read.ok && read.value.flags.some((f) => f.kind === 'ignored-input')).toBe(false);
  });
});
