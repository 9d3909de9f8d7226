import { describe, expect, it } from 'vitest';
import { familyKey } from './families.ts';
import { fixtureRubric } from './fixture.ts';
import { readCandidateMessage } from './reader.ts';

describe('familyKey', () => {
  it.each([
    ['invitation', 'invite'],
    ['acceptance', 'accept'],
    ['calibration', 'calibrate'],
    ['engagement', 'engage'],
    ['prediction', 'predictive'],
    ['classification', 'classifier'],
    ['classify', 'classified'],
    ['relevance', 'relevant'],
    ['labelling', 'label'],
    ['personalization', 'personalize'],
    ['specific', 'specify'],
    ['generation', 'generate'],
    ['generating', 'generated'],
  ])('puts "%s" and "%s" in one family', (a, b) => {
    expect(familyKey(a)).not.toBeNull();
    expect(familyKey(a)).toBe(familyKey(b));
  });

  it.each([
    ['general', 'generation'],
    ['generally', 'generate'],
    ['positive', 'position'],
    ['personal', 'person'],
    ['negative', 'negation'],
    ['policy', 'police'],
  ])('keeps "%s" and "%s" apart', (a, b) => {
    const [x, y] = [familyKey(a), familyKey(b)];
    expect(x === null || x !== y).toBe(true);
  });

  it('gives short words no family, and keys never meet a real lemma', () => {
    for (const short of ['rank', 'rate', 'use', 'ctr']) expect(familyKey(short)).toBeNull();
    expect(familyKey('invitation')?.startsWith('~')).toBe(true);
  });
});

describe('word families in matching', () => {
  const { study, framework } = fixtureRubric();
  const covered = (text: string) =>
    readCandidateMessage(study, framework, text).covered.map((point) => point.pointId);

  it('credits a signal said in another form of its words', () => {
    // The signals are "calibration" and "calibrated probabilities"; wink reads "calibrating" as its own lemma.
    expect(covered('The raw scores need calibrating before the threshold.')).toContain('calibrated-scores');
  });

  it('needs a word met only through its family to sit in the phrase clause', () => {
    // "calibration" and "probabilities" in two clauses do not say "calibrated probabilities"...
    const split = readCandidateMessage(
      study,
      framework,
      'Calibration is out at this scale, the raw probabilities go straight to the folder.',
    );
    expect(split.covered.map((point) => point.pointId)).not.toContain('calibrated-scores');
  });
});
