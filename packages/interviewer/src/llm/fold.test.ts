import { describe, expect, it } from 'vitest';
import { extractiveSummary, foldBoundaries } from './fold.ts';

describe('foldBoundaries', () => {
  const tokens = Array.from({ length: 80 }, (_, i) => 60 + ((i * 37) % 90));

  it('folds nothing while the conversation fits', () => {
    expect(foldBoundaries([100, 200, 300], 1_000)).toEqual([]);
  });

  it('folds in large chunks: few folds over a long session, each keeping the window within budget', () => {
    const budget = 1_500;
    const boundaries = foldBoundaries(tokens, budget);
    expect(boundaries.length).toBeGreaterThan(1);
    expect(boundaries.length).toBeLessThan(tokens.length / 5);
    for (let end = 1; end <= tokens.length; end++) {
      const folds = foldBoundaries(tokens.slice(0, end), budget);
      const from = folds[folds.length - 1] ?? 0;
      const window = tokens.slice(from, end).reduce((sum, n) => sum + n, 0);
      expect(window).toBeLessThanOrEqual(budget);
    }
  });

  it('gives the same boundaries as the transcript grows, so earlier prompts stay byte-identical', () => {
    const all = foldBoundaries(tokens, 1_200);
    for (let end = 1; end <= tokens.length; end++) {
      const partial = foldBoundaries(tokens.slice(0, end), 1_200);
      expect(all.slice(0, partial.length)).toEqual(partial);
    }
  });

  it('keeps the newest two lines even when one alone is over budget', () => {
    expect(foldBoundaries([50, 50, 5_000, 50], 1_000)).toEqual([1, 2]);
  });
});

describe('extractiveSummary', () => {
  it('keeps the first words of each turn under the earlier summary', () => {
    const summary = extractiveSummary(
      'Earlier: requirements done.',
      [
        { role: 'interviewer', text: 'How would you label the data?' },
        { role: 'candidate', text: 'Clicks within thirty minutes of the impression are positives.' },
      ],
      40,
    );
    expect(summary).toBe(
      'Earlier: requirements done.\nInterviewer: How would you label the data?\nCandidate: Clicks within thirty minutes of the impression are positives.',
    );
  });
});
