import { describe, expect, it } from 'vitest';
import { appendText } from './compose-box.tsx';

describe('appendText', () => {
  it('adds a fact after what is typed, on the same line', () => {
    expect(appendText('About 300M daily users.', 'Latency budget: 100 ms.')).toBe(
      'About 300M daily users. Latency budget: 100 ms.',
    );
  });

  it('fills an empty box, and keeps a line break the draft ends with', () => {
    expect(appendText('', 'A fact.')).toBe('A fact.');
    expect(appendText('  \n', 'A fact.')).toBe('A fact.');
    expect(appendText('First:\n', 'A fact.')).toBe('First:\nA fact.');
  });
});
