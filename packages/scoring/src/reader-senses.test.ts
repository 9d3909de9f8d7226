import { describe, expect, it } from 'vitest';
import { coveredIn as covered, readIn } from '../test/repo-rubrics.ts';

describe('a plain word with a sense of its own in the case', () => {
  it('is read in the case sense: an order in the delivery case is a purchase, not a ranking', () => {
    expect(covered('eta-prediction', 'if we show 50 min they might not order')).not.toContain('ml-task-type');
  });

  it('still stands for the jargon where the case does not use it so', () => {
    expect(covered('search-ranking', 'we order the 500 results by how likely a booking is')).toContain(
      'ml-task-type',
    );
  });
});

describe('a red flag put up as a question', () => {
  const read = (text: string) => readIn('street-view-blurring', text);

  it('is floated for the interviewer to push back on, and costs nothing', () => {
    const asked = read('could we just use a public face dataset like the celebrity one?');
    expect(asked.redFlags).toEqual([]);
    expect(asked.floated?.map((flag) => flag.flagId)).toEqual(['public-face-datasets-only']);
  });

  it('stated outright, is a red flag and not floated', () => {
    const stated = read('We will just use a public face dataset like the celebrity one.');
    expect(stated.redFlags.map((flag) => flag.flagId)).toEqual(['public-face-datasets-only']);
    expect(stated.floated).toEqual([]);
  });
});
