import { describe, expect, it } from 'vitest';
import { createLexicon } from './lexicon.ts';
import { extractTerms, readTerms } from './terms.ts';

describe('extractTerms', () => {
  it('gives phrasings of one idea the same term', () => {
    expect(extractTerms('response time')).toEqual(extractTerms('latency'));
    expect(extractTerms('the DAU')).toEqual(extractTerms('daily active users'));
    expect(extractTerms('ground truth')).toEqual(extractTerms('annotations'));
    expect(extractTerms('rules engine')).toEqual(extractTerms('heuristics'));
    expect(extractTerms('signed in')).toEqual(extractTerms('logged-in'));
    expect(extractTerms('teenagers')).toEqual(extractTerms('minors'));
    expect(extractTerms('how far')).toEqual(extractTerms('distance'));
  });

  it('reads "we pay" as what we spend, and "sellers pay" as billing', () => {
    expect(extractTerms('can we pay raters')).toEqual(expect.arrayContaining(extractTerms('cost')));
    expect(extractTerms('do sellers pay')).not.toEqual(expect.arrayContaining(extractTerms('cost')));
  });

  it('drops filler, politeness and the frame of a question', () => {
    expect(extractTerms('um ok sorry, quick question, could you tell me')).toEqual([]);
    expect(extractTerms('what do the photos look like on the app')).toEqual(extractTerms('photos'));
  });

  it('evens out word forms the stemmer leaves apart', () => {
    expect(extractTerms('reactions')).toEqual(extractTerms('react'));
    expect(extractTerms('GPUs')).toEqual(extractTerms('gpu'));
    expect(extractTerms('engineers')).not.toEqual(extractTerms('engine'));
  });

  it('gives a phrase listed by two groups both terms', () => {
    expect(extractTerms('how long until')).toEqual(
      expect.arrayContaining([...extractTerms('delay'), ...extractTerms('how long')]),
    );
  });
});

describe('typo repair', () => {
  const lexicon = createLexicon(['The latency budget is 100 ms.', 'Users file reports.']);

  it('reads a misspelt word as a word the case knows, and says so', () => {
    expect(readTerms('latncy', lexicon)).toEqual([{ term: extractTerms('latency')[0], repaired: true }]);
    expect(readTerms('reprots', lexicon)).toEqual([{ term: extractTerms('reports')[0], repaired: true }]);
  });

  it('leaves real words and short words alone', () => {
    expect(readTerms('stories', lexicon).map(({ repaired }) => repaired)).toEqual([false]);
    expect(readTerms('team', lexicon)).toEqual([]);
  });

  it('never reads an English word as a typo of another ("detection" is no "deletion")', () => {
    const deletions = createLexicon(['Deleted posts are removed from training sets.']);
    expect(readTerms('detection', deletions)).toEqual([{ term: 'detect', repaired: false }]);
  });

  it('reads a lower-case acronym plural as the acronym, like "GPUs"', () => {
    const gpus = createLexicon(['Serving can use up to 40 GPUs.']);
    expect(readTerms('how many gpus', gpus).map(({ term }) => term)).toEqual(extractTerms('how many GPUs'));
  });

  it('drops an adverb the case does not know, whatever a phrase starts with it', () => {
    const messages = createLexicon(['Private messages are out of scope.']);
    expect(readTerms('do we ask people directly', messages)).toEqual(readTerms('do we ask people', messages));
  });
});

describe('senses', () => {
  it('marks the terms of a phrase that two groups list', () => {
    const [delay] = readTerms('how long until');
    expect(delay?.senses).toEqual(expect.arrayContaining(extractTerms('how long until')));
    expect(readTerms('latency')[0]?.senses).toBeUndefined();
  });
});
