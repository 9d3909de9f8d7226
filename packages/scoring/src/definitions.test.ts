import { describe, expect, it } from 'vitest';
import { misdefinitions } from './definitions.ts';

describe('misdefinitions: measures defined as another one', () => {
  it('reads precision and recall swapped, and a p-value read as the chance the change works', () => {
    expect(
      misdefinitions('I care about recall, meaning out of all the spikes we flagged, how many were real.'),
    ).toMatchObject([{ term: 'recall', describes: 'precision' }]);
    expect(misdefinitions('Precision: of all the real frauds, how many we caught.')).toMatchObject([
      { term: 'precision', describes: 'recall' },
    ]);
    expect(misdefinitions('recall is the fraction of flagged transactions that are fraud')).toMatchObject([
      { term: 'recall' },
    ]);
    for (const text of [
      "If the p-value is below 0.05 that means there's a 95% chance the new policy is better, and we ship.",
      'a p-value under 0.05 is the probability that the null hypothesis is true',
      'with p < 0.05 we can be 95% sure the effect is real',
    ])
      expect(misdefinitions(text), text).toMatchObject([{ term: 'p-value' }]);
  });

  it('leaves right definitions, two measures defined together and names without a definition', () => {
    for (const text of [
      'Recall: of all the real frauds, how many we caught.',
      'precision is the fraction of flagged transactions that are fraud',
      'The p-value is the probability of seeing a result this extreme if there were no real effect.',
      'Precision and recall, meaning of all flagged how many were real and of all real how many we caught.',
      'recall@50: of the items the user later engaged with, how many are in our top 50',
      'We track precision and recall at the 0.9 threshold.',
    ])
      expect(misdefinitions(text), text).toEqual([]);
  });
});
