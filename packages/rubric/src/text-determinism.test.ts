import { describe, expect, it } from 'vitest';
import { tokenize } from './text.ts';

const shape = (text: string) =>
  tokenize(text).map((token) => `${token.lemma}/${token.stem}/${token.stop ? 1 : 0}`);

describe('tokenize is the same whatever was read before', () => {
  it('reads a possessive the same before and after the tokenizer has met the word', () => {
    const sentence = "add today's new mutuals from the graph";
    const before = shape(sentence);
    // "today's" standing alone before a comma teaches wink-nlp the whole thing as one word.
    tokenize("Serving may cost at most double today's, which is about $40,000 a day.");
    expect(shape(sentence)).toEqual(before);
    expect(before.slice(0, 3)).toEqual(['add/add/0', 'today/today/0', "'s/'s/1"]);
  });
});
