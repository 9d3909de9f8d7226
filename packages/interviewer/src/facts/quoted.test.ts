import { describe, expect, it } from 'vitest';
import { figuresOf, quoteIn } from './quoted.ts';
import { extractTerms } from './terms.ts';

const profile = (answer: string) => ({
  answer,
  figures: figuresOf(answer),
  terms: new Map(extractTerms(answer).map((term) => [term, 0.5])),
});

describe('figuresOf', () => {
  it('reads figures with their scale, however they are written', () => {
    expect([...figuresOf('About 2 million advertisers and 4M orders.')]).toEqual([2e6, 4e6]);
    expect([...figuresOf('300,000 restaurants, 1.2 billion videos')]).toEqual([3e5, 1.2e9]);
  });
});

describe('quoteIn', () => {
  const facts = [
    profile('About 300 million daily users; roughly 2 million advertisers run 8 million ads.'),
    profile('Ad requests peak at 150,000 per second.'),
  ];

  it('finds the fact a question quotes, and takes the quoted phrase out', () => {
    expect(quoteIn('Of the 2 million advertisers, how many are small businesses?', facts)).toEqual({
      fact: 0,
      rest: 'Of , how many are small businesses?',
    });
  });

  it('quotes nothing without "the" before a figure the facts state', () => {
    expect(quoteIn('Do we have 2 million advertisers?', facts)).toBeUndefined();
    expect(quoteIn('How big is the 2-hop neighbourhood?', facts)).toBeUndefined();
    expect(quoteIn('Of the 7 regions, which is largest?', facts)).toBeUndefined();
  });

  it('quotes nothing when the question says the fact back', () => {
    const staff = [profile('About 15,000 of the 20,000 employees are expected to use it weekly.')];
    expect(quoteIn('How many of the 20,000 employees are expected to use it weekly?', staff)).toBeUndefined();
    expect(quoteIn('How many of the 20,000 employees are managers?', staff)?.fact).toBe(0);
    const photos = [profile('There are 15 million review photos, mostly of products.')];
    expect(quoteIn('What share of the 15 million review photos show a person?', photos)?.fact).toBe(0);
  });

  it('reads a year as a name, not a figure quoted', () => {
    const detector = [profile('A detector built in 2017 runs today; about 2017 reviewers check it.')];
    expect(quoteIn('How does the 2017 detector do on faces?', detector)).toBeUndefined();
    expect(quoteIn('Of the 2,017 reviewers, how many are senior?', detector)?.fact).toBe(0);
  });
});
