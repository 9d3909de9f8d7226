import { describe, expect, it } from 'vitest';
import { AnalysisCache } from './analyse.ts';
import { compileRubric } from './compile.ts';
import { stepCoverage } from './coverage.ts';
import { readingOf } from './evidence.ts';
import { fixtureRubric } from './fixture.ts';
import { readCandidateMessage } from './reader.ts';

const { study, framework } = fixtureRubric();

describe('readCandidateMessage', () => {
  const text =
    'We add calibration with Platt scaling on a held-out week, because the 0.9 folder threshold must mean 90% spam. ' +
    'A simple baseline is overkill. We would aim for high accuracy.';

  it('lists covered points with quote and level, rejected points and red flags', () => {
    expect(readCandidateMessage(study, framework, text)).toEqual({
      covered: [
        {
          pointId: 'calibrated-scores',
          level: 'explained',
          quote:
            'We add calibration with Platt scaling on a held-out week, because the 0.9 folder threshold must mean 90% spam.',
          plain: false,
        },
      ],
      rejected: [{ pointId: 'baseline-first', quote: 'A simple baseline is overkill.' }],
      asked: [],
      near: [],
      // What each sentence is nearest by meaning (the interviewer's "just said"): tested with the real cases.
      about: expect.any(Array),
      floated: [],
      redFlags: [
        {
          flagId: 'accuracy-metric',
          step: 'evaluation',
          severity: 'major',
          quote: 'We would aim for high accuracy.',
        },
      ],
    });
  });

  it('shares the cached reading the report scores from, so the two never disagree', () => {
    const cache = new AnalysisCache();
    const inReplyTo = 'How much do you trust the raw outputs?';
    const reading = readCandidateMessage(study, framework, text, { inReplyTo, cache });
    const shared = readingOf(
      compileRubric(study, framework),
      cache.analysis(text),
      cache.lemmaSet(inReplyTo),
    );
    expect(reading.covered.map((point) => point.pointId)).toEqual(
      shared.verdicts.map((verdict) => compileRubric(study, framework).points[verdict.point]?.point.id),
    );
    expect(readingOf(compileRubric(study, framework), cache.analysis(text), cache.lemmaSet(inReplyTo))).toBe(
      shared,
    );
    const coverage = stepCoverage(study, framework, 'model', [{ text, inReplyTo }], cache);
    expect(coverage.points.find((point) => point.pointId === 'calibrated-scores')?.level).toBe('explained');
    expect(coverage.points.find((point) => point.pointId === 'baseline-first')?.level).toBe('missed');
  });

  it('gives an echo of the interviewer nothing', () => {
    const reading = readCandidateMessage(study, framework, 'Yes, calibration.', {
      inReplyTo: 'Would you use calibration here?',
    });
    expect(reading.covered).toEqual([]);
  });

  it('lists a point named only in a question as asked, not covered', () => {
    const reading = readCandidateMessage(
      study,
      framework,
      'What about calibration, should I worry about it?',
    );
    expect(reading.covered).toEqual([]);
    expect(reading.asked.map((point) => point.pointId)).toEqual(['calibrated-scores']);
  });

  it('reads an empty message as nothing', () => {
    expect(readCandidateMessage(study, framework, '  ')).toEqual({
      covered: [],
      rejected: [],
      asked: [],
      redFlags: [],
    });
  });
});
