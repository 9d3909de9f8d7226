import { describe, expect, it } from 'vitest';
import { GLOSSARY, glossaryEntry, mentions, termsAsked } from './glossary.ts';

describe('termsAsked', () => {
  it('finds the term in the ways people ask what one means', () => {
    for (const asked of [
      'what is MMoE?',
      'sorry, what is mmoe? ive heard it for multi task',
      'whats ndcg exactly, i dont remember',
      'um what does ndcg@10 mean?',
      'never heard of MMoE',
      'what do you mean by ndcg',
      'ndcg means what?',
      'explain ndcg please',
      "I'd compute AUC, and maybe log loss? Honestly I'm not sure what log loss measures. What does it mean?",
    ])
      expect(termsAsked(asked)[0]?.term, asked).toBeDefined();
  });

  it('explains both halves of two terms side by side, and nothing of a half it does not know', () => {
    expect(termsAsked('whats calibration drift? i saw it in a blog').map((entry) => entry.term)).toEqual([
      'Calibration',
      'Data drift',
    ]);
    expect(termsAsked('what is a feed ranker?')).toEqual([]);
  });

  it('reads no question into design talk or fact questions that use a term', () => {
    for (const said of [
      'we would use MMoE here',
      'what is the ndcg of the current system?',
      'MMoE, then a GBDT',
    ])
      expect(termsAsked(said), said).toEqual([]);
  });
});

describe('mentions', () => {
  it('finds a term or an alias as whole words only', () => {
    const ndcg = glossaryEntry('NDCG')!;
    expect(mentions('We report NDCG@10 weekly.', ndcg)).toBe(true);
    expect(mentions('The ndcgx score', ndcg)).toBe(false);
  });
});

describe('the glossary', () => {
  it('has one entry per name, and definitions of a sentence or two', () => {
    const names = new Map<string, string>();
    for (const entry of GLOSSARY) {
      for (const name of [entry.term, ...entry.aliases].map((value) => value.toLowerCase())) {
        expect(names.get(name), `"${name}" names ${entry.term} and ${names.get(name)}`).toBeUndefined();
        names.set(name, entry.term);
      }
      const words = entry.definition.split(/\s+/).length;
      expect(words, entry.term).toBeGreaterThanOrEqual(8);
      expect(words, entry.term).toBeLessThanOrEqual(45);
      expect(glossaryEntry(entry.term)).toBe(entry);
    }
  });
});
