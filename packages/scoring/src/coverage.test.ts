import { describe, expect, it } from 'vitest';
import { AnalysisCache } from './analyse.ts';
import { findPoint, stepCoverage, stepPoints } from './coverage.ts';
import { fixtureRubric } from './fixture.ts';

const { study, framework } = fixtureRubric();
const level = (
  step: Parameters<typeof stepCoverage>[2],
  texts: Parameters<typeof stepCoverage>[3],
  pointId: string,
) => stepCoverage(study, framework, step, texts).points.find((point) => point.pointId === pointId)?.level;

describe('stepCoverage', () => {
  it('credits an explanation in full and a bare mention a little', () => {
    const explained = stepCoverage(study, framework, 'model', [
      'I would add calibration with Platt scaling on a held-out day, because downstream thresholds assume the score is a real probability.',
    ]);
    const mentioned = stepCoverage(study, framework, 'model', ['We will also do calibration.']);
    const byId = (coverage: typeof explained) =>
      coverage.points.find((point) => point.pointId === 'calibrated-scores');
    expect(byId(explained)).toMatchObject({ level: 'explained', credit: 1 });
    expect(byId(mentioned)).toMatchObject({ level: 'mentioned' });
    expect(byId(mentioned)?.credit).toBeLessThan(0.5);
  });

  it('gives a bare keyword list less than a sentence that names one thing', () => {
    const listed = stepCoverage(study, framework, 'model', [
      'Calibration, logistic regression, embeddings, dropout, batch norm.',
    ]);
    const named = stepCoverage(study, framework, 'model', ['We will also do calibration.']);
    const credit = (coverage: typeof listed) =>
      coverage.points.find((point) => point.pointId === 'calibrated-scores')?.credit ?? 0;
    expect(credit(listed)).toBeGreaterThan(0);
    expect(credit(listed)).toBeLessThan(credit(named));
  });

  it('reads speech strung with commas, or one decision with its examples, as a sentence, not a list', () => {
    const credit = (text: string) =>
      stepCoverage(study, framework, 'model', [text]).points.find(
        (point) => point.pointId === 'calibrated-scores',
      )?.credit ?? 0;
    const listed = credit('Calibration, logistic regression, embeddings, dropout, batch norm.');
    // Short clauses with subjects and verbs: "we re-run it, starting with X, and only add Y".
    expect(
      credit('When the model changes, we calibrate it again, starting with fresh mail, and only then ship.'),
    ).toBeGreaterThan(listed);
    // One decision in a clause of its own, then its examples.
    expect(
      credit("I'd calibrate the scores on the hard cases: tiny senders, bulk mail, replies, forwards."),
    ).toBeGreaterThan(listed);
  });

  it('does not call a sentence that only names things an explanation, whatever connective it uses', () => {
    expect(
      level('model', ['Calibration and logistic regression, because they matter.'], 'calibrated-scores'),
    ).toBe('mentioned');
  });

  it('takes the reason from the next sentence when that sentence is about nothing else', () => {
    expect(
      level(
        'model',
        [
          'We need calibration. Otherwise the spam threshold of 0.9 means something different after every retrain.',
        ],
        'calibrated-scores',
      ),
    ).toBe('explained');
  });

  it('matches lemmas and plain words for technical terms', () => {
    expect(level('model', ['The scores should be calibrated probabilities.'], 'calibrated-scores')).toBe(
      'mentioned',
    );
    expect(level('framing', ['It outputs the chance of spam for each message.'], 'binary-classifier')).toBe(
      'mentioned',
    );
  });

  it('does not credit what the candidate only echoes from the interviewer', () => {
    const probe = 'Would you use calibration here?';
    expect(level('model', [{ text: 'Yes, calibration.', inReplyTo: probe }], 'calibrated-scores')).toBe(
      'missed',
    );
    expect(
      level(
        'model',
        [
          {
            text: 'Yes: calibration, because a filter threshold of 0.9 must keep meaning 90% spam after each retrain.',
            inReplyTo: probe,
          },
        ],
        'calibrated-scores',
      ),
    ).toBe('explained');
  });

  it('lists uncovered points by weight, most important first, and thin ones separately', () => {
    const coverage = stepCoverage(study, framework, 'model', ['We will also do calibration.']);
    expect(coverage.uncovered[0]).toBe('baseline-first');
    expect(coverage.uncovered).not.toContain('calibrated-scores');
    expect(coverage.thin).toEqual(['calibrated-scores']);
    const weights = coverage.uncovered.map(
      (id) => coverage.points.find((point) => point.pointId === id)?.weight ?? 0,
    );
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
  });

  it('counts evidence for a step from text said in any step', () => {
    expect(
      level(
        'data',
        [
          'For the model, labels come from user reports, since people press the spam button millions of times a day.',
        ],
        'label-source',
      ),
    ).toBe('explained');
  });

  it('returns the same answer with a shared cache, and reads each text once', () => {
    const cache = new AnalysisCache();
    const texts = [
      'We will also do calibration.',
      'Start with logistic regression as a simple baseline, since it trains in minutes.',
    ];
    const first = stepCoverage(study, framework, 'model', texts, cache);
    expect(cache.analysis(texts[0] ?? '')).toBe(cache.analysis(texts[0] ?? ''));
    expect(stepCoverage(study, framework, 'model', texts, cache)).toEqual(first);
    expect(stepCoverage(study, framework, 'model', texts)).toEqual(first);
  });

  it('scores nothing for empty or blank texts', () => {
    const coverage = stepCoverage(study, framework, 'model', ['', '   ']);
    expect(coverage.score).toBe(0);
    expect(coverage.points.every((point) => point.level === 'missed')).toBe(true);
  });
});

describe('stepPoints and findPoint', () => {
  it('puts the case points first, then the framework points', () => {
    const ids = stepPoints(study, framework, 'requirements').map((point) => point.id);
    expect(ids.slice(0, 2)).toEqual(['email-volume', 'false-positive-cost']);
    expect(ids).toContain('business-goal');
    expect(findPoint(study, framework, 'business-goal')?.step).toBe('requirements');
    expect(findPoint(study, framework, 'no-such-point')).toBeUndefined();
  });
});
