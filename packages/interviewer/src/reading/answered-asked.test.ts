import { describe, expect, it } from 'vitest';
import { asksIfAnswered, onlyAsksIfAnswered } from './answered-asked.ts';

describe('asking whether the answer landed', () => {
  it('is read in its usual forms, alone or closing an answer', () => {
    for (const text of [
      'Does that answer your question?',
      'Is that what you were looking for?',
      'so did I answer it?',
      "Is that roughly what you're after?",
      'Hopefully that answers your question.',
    ])
      expect(onlyAsksIfAnswered(text)).toBe(true);
    expect(
      asksIfAnswered('We drop it client-side when the prefix changes. Does that answer your question?'),
    ).toBe(true);
    expect(
      onlyAsksIfAnswered('We drop it client-side when the prefix changes. Does that answer your question?'),
    ).toBe(false);
  });

  it('is not a question about the design or the case', () => {
    expect(asksIfAnswered('Does that cover the cold-start users too?')).toBe(false);
    expect(asksIfAnswered('Is that what the product team wants?')).toBe(false);
    expect(asksIfAnswered('Does the model answer in under 200 ms?')).toBe(false);
  });
});
