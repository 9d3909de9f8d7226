import { describe, expect, it } from 'vitest';
import { memoByText } from './memo.ts';

describe('memoByText', () => {
  it('reads a text once while it is among the last texts read, and again after it left', () => {
    const reads: string[] = [];
    const length = memoByText((text) => {
      reads.push(text);
      return text.length;
    }, 2);
    expect([length('a'), length('bb'), length('a')]).toEqual([1, 2, 1]);
    expect(reads).toEqual(['a', 'bb']);
    length('ccc'); // 'a' is the oldest of three: it goes
    length('a');
    expect(reads).toEqual(['a', 'bb', 'ccc', 'a']);
  });

  it('remembers a result that is undefined or null as well', () => {
    let calls = 0;
    const nothing = memoByText(() => {
      calls++;
      return undefined;
    });
    nothing('x');
    nothing('x');
    expect(calls).toBe(1);
  });
});
