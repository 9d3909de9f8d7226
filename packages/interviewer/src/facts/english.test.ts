import { describe, expect, it } from 'vitest';
import { isEnglishWord } from './english.ts';

describe('isEnglishWord', () => {
  it('knows real words, rare ones too, and not typos', () => {
    for (const word of ['detection', 'content', 'scope', 'premiere', 'Lidar'])
      expect(isEnglishWord(word)).toBe(true);
    for (const word of ['vidoe', 'reprots', 'audiance']) expect(isEnglishWord(word)).toBe(false);
  });
});
