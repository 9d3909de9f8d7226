import { describe, expect, it } from 'vitest';
import { fixtureRubric } from './fixture.ts';
import { readCandidateMessage } from './reader.ts';

const { study, framework } = fixtureRubric();
const levelOf = (text: string) =>
  readCandidateMessage(study, framework, text).covered.find((point) => point.pointId === 'calibrated-scores')
    ?.level ?? 'missed';

describe('what counts as a reason', () => {
  it('takes "so" after a clause and "because" as reasons', () => {
    expect(
      levelOf('We would add calibration with Platt scaling, so the spam folder threshold keeps its meaning.'),
    ).toBe('explained');
    expect(
      levelOf(
        'Calibration with Platt scaling matters because the spam folder threshold must keep its meaning.',
      ),
    ).toBe('explained');
  });

  it('does not take a "so" that opens the sentence, or "X means Y", as a reason', () => {
    expect(levelOf('So we would add calibration with Platt scaling for the spam folder.')).toBe('mentioned');
    expect(levelOf('Right, so calibration with Platt scaling for the spam folder.')).toBe('mentioned');
    expect(levelOf('Calibration with Platt scaling means trustworthy spam scores.')).toBe('mentioned');
  });
});
