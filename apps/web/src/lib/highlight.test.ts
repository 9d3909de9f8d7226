import { describe, expect, it } from 'vitest';
import { highlightSegments } from './highlight.ts';

describe('highlightSegments', () => {
  it('returns the text unmarked when no quote is found', () => {
    expect(highlightSegments('hello world', [{ id: 'a', quote: 'absent' }])).toEqual([
      { text: 'hello world', marks: [] },
    ]);
    expect(highlightSegments('', [])).toEqual([]);
  });

  it('marks a quote, also when its case differs', () => {
    expect(
      highlightSegments('We start with a Baseline model.', [{ id: 'p', quote: 'baseline model' }]),
    ).toEqual([
      { text: 'We start with a ', marks: [] },
      { text: 'Baseline model', marks: ['p'] },
      { text: '.', marks: [] },
    ]);
  });

  it('splits overlapping quotes so both stay visible', () => {
    const segments = highlightSegments('abcdefgh', [
      { id: 'x', quote: 'bcde' },
      { id: 'y', quote: 'defg' },
    ]);
    expect(segments).toEqual([
      { text: 'a', marks: [] },
      { text: 'bc', marks: ['x'] },
      { text: 'de', marks: ['x', 'y'] },
      { text: 'fg', marks: ['y'] },
      { text: 'h', marks: [] },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe('abcdefgh');
  });
});
