import { describe, expect, it } from 'vitest';
import { coveredIn as covered } from '../test/repo-rubrics.ts';
import { wordVectors } from './word-vectors.ts';

describe('a measure dropped from a two-word signal', () => {
  it('needs the word-vector table, which `pnpm build` (run first by `pnpm test`) writes', () => {
    expect(wordVectors()).not.toBeNull();
  });

  it('is still met by the rare word that names the point', () => {
    // "decode time" is a signal of the per-stage latency point; people say "80 ms to decode".
    expect(covered('code-completion-ranking', 'about 60 ms for the prompt and 80 ms to decode')).toContain(
      'stage-latency-budget',
    );
    expect(covered('code-completion-ranking', 'budget: 40ms net, ~60 prefill, ~80 decode')).toContain(
      'stage-latency-budget',
    );
  });

  it('is not met by a common word, which names nothing on its own', () => {
    // "asymmetric cost" gets an alias, but a plain "cost" or a common word never stands for a point.
    expect(covered('eta-prediction', 'every mistake costs us something')).not.toContain('asymmetric-cost');
  });
});
