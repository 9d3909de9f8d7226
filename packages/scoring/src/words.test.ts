import { describe, expect, it } from 'vitest';
import { contentWords } from './words.ts';

describe('content words', () => {
  it('reads a count in words as the number', () => {
    expect(contentWords('nine out of ten orders arrive before it')).toEqual(['9', '10', 'order', 'arrive']);
    expect(contentWords('9 out of 10 orders arrive before it')).toEqual(['9', '10', 'order', 'arrive']);
  });

  it('reads signing in as its own word, apart from the logs a design keeps', () => {
    expect(contentWords('everyone who can log in is an employee')).toContain('login');
    expect(contentWords('we keep the event logs in the warehouse')).toContain('log');
    expect(contentWords('we keep the event logs in the warehouse')).not.toContain('login');
  });
});
