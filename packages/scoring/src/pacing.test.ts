import { describe, expect, it } from 'vitest';
import { budgetMs, stepDurations } from './pacing.ts';

describe('stepDurations', () => {
  it('gives each interval to the step that was in progress', () => {
    const used = stepDurations(
      [
        { step: 'requirements', atMs: 1_000 },
        { step: 'requirements', atMs: 61_000 },
        { step: 'framing', atMs: 301_000 },
        { step: 'framing', atMs: 361_000 },
      ],
      0,
      400_000,
    );
    expect(used?.get('requirements')).toBe(301_000);
    expect(used?.get('framing')).toBe(99_000);
    expect(used?.has('data')).toBe(false);
  });

  it('skips turns without times and is null when nothing is timed', () => {
    expect(stepDurations([{ step: 'data', atMs: null }], 0, null)).toBeNull();
    const used = stepDurations(
      [
        { step: 'data', atMs: 0 },
        { step: 'model', atMs: null },
        { step: 'model', atMs: 60_000 },
      ],
      null,
      null,
    );
    expect(used?.get('data')).toBe(60_000);
    expect(used?.has('model')).toBe(false);
  });

  it('never counts time backwards', () => {
    const used = stepDurations(
      [
        { step: 'data', atMs: 50_000 },
        { step: 'model', atMs: 10_000 },
      ],
      null,
      null,
    );
    expect(used?.get('data')).toBe(0);
  });
});

describe('budgetMs', () => {
  it('scales the 45-minute plan to the session length', () => {
    expect(budgetMs(9, 45)).toBe(540_000);
    expect(budgetMs(9, 30)).toBe(360_000);
    expect(budgetMs(9, 60)).toBe(720_000);
  });
});
