import { describe, expect, it } from 'vitest';
import { isNearBottom } from './scroll.ts';

describe('isNearBottom', () => {
  it('treats the last few dozen pixels as the bottom', () => {
    expect(isNearBottom(600, 1000, 400)).toBe(true);
    expect(isNearBottom(560, 1000, 400)).toBe(true);
    expect(isNearBottom(500, 1000, 400)).toBe(false);
    expect(isNearBottom(0, 300, 400)).toBe(true); // nothing to scroll
  });
});
