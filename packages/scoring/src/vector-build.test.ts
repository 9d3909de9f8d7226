import { describe, expect, it } from 'vitest';
import { removeCommonDirections, scanEmbeddings, stringsOf, vectorVocabulary } from './vector-build.ts';

describe('building the word-vector table', () => {
  it('keeps the most frequent plain words in rank order, then the rubric words', () => {
    const { words, ranked } = vectorVocabulary(
      ['Calibrated probabilities for the auction'],
      ['the', ',', 'of', 'auction', "don't", 'x2', 'bid'],
      3,
    );
    expect(ranked).toBe(3);
    expect(words.slice(0, 3)).toEqual(['the', 'of', 'auction']);
    expect(words).toContain('probability');
    expect(words.filter((word) => word === 'auction')).toHaveLength(1);
    expect(words).not.toContain('x2');
  });

  it('collects every string of a parsed rubric', () => {
    expect(stringsOf({ a: 'one', b: ['two', { c: 'three' }], d: new Map([['k', 'four']]), e: 5 })).toEqual([
      'one',
      'two',
      'three',
      'four',
    ]);
  });

  it('reads the word list and only the wanted vectors from the embeddings text', () => {
    const json = JSON.stringify({
      precision: 8,
      dimensions: 3,
      words: ['the', ']', 'bid', 'auction'],
      vectors: {
        the: [1, 0, 0, 1, 0],
        ']': [0, 1, 0, 1, 1],
        bid: [0, 0, 1, 1, 2],
        auction: [1, 1, 0, 1.4, 3],
      },
    });
    const seen: string[][] = [];
    const { dims, byFrequency, vectors } = scanEmbeddings(json, (list) => {
      seen.push([...list]);
      return (word) => word !== 'the';
    });
    expect(dims).toBe(3);
    expect(byFrequency).toEqual(['the', ']', 'bid', 'auction']);
    expect(seen).toEqual([byFrequency]);
    expect([...vectors.keys()]).toEqual([']', 'bid', 'auction']);
    expect([...(vectors.get('auction') ?? [])]).toEqual([1, 1, 0]);
    expect(() => scanEmbeddings('{}', () => () => true)).toThrow(/expected/);
  });

  it('removes the shared direction words have in common and keeps unit length', () => {
    // Every vector leans the same way along the first axis; only the others tell the words apart.
    const vectors = [
      [5, 1, 0, 0],
      [5, 0, 1, 0],
      [5, 0, 0, 1],
      [5, 1, 1, 0],
      [5, 0, 1, 1],
    ].map((values) => Float32Array.from(values));
    const cosine = (a: ArrayLike<number>, b: ArrayLike<number>) => {
      let dot = 0;
      let na = 0;
      let nb = 0;
      for (let i = 0; i < a.length; i++) {
        dot += (a[i] ?? 0) * (b[i] ?? 0);
        na += (a[i] ?? 0) ** 2;
        nb += (b[i] ?? 0) ** 2;
      }
      return dot / Math.sqrt(na * nb);
    };
    const before = cosine(vectors[0] ?? [], vectors[1] ?? []);
    const processed = removeCommonDirections(vectors, 1);
    for (const vector of processed) expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
    expect(before).toBeGreaterThan(0.9);
    expect(cosine(processed[0] ?? [], processed[1] ?? [])).toBeLessThan(before - 0.5);
  });
});
