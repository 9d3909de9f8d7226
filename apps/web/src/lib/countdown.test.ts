import { describe, expect, it } from 'vitest';
import { clockOffset, countdownTone, formatClock, formatMinutes, remainingMs } from './countdown.ts';

describe('countdown', () => {
  it('corrects a browser clock that runs ahead of the server', () => {
    const offset = clockOffset(1_000_000, 1_005_000); // browser 5 s ahead
    expect(offset).toBe(-5000);
    // step started at server 1_000_000 with 60 s budget; 10 s later by the browser's clock
    expect(remainingMs(1_000_000, 60_000, 1_015_000, offset)).toBe(50_000);
  });

  it('turns amber in the last two minutes and red in the last one', () => {
    expect(countdownTone(180_000)).toBe('calm');
    expect(countdownTone(120_001)).toBe('calm');
    expect(countdownTone(120_000)).toBe('amber');
    expect(countdownTone(60_001)).toBe('amber');
    expect(countdownTone(60_000)).toBe('red');
    expect(countdownTone(-5_000)).toBe('red');
  });

  it('formats the clock rounding up and never below zero', () => {
    expect(formatClock(300_000)).toBe('5:00');
    expect(formatClock(61_001)).toBe('1:02');
    expect(formatClock(59_000)).toBe('0:59');
    expect(formatClock(1)).toBe('0:01');
    expect(formatClock(-3000)).toBe('0:00');
  });

  it('formats minutes', () => {
    expect(formatMinutes(0)).toBe('0 min');
    expect(formatMinutes(20_000)).toBe('<1 min');
    expect(formatMinutes(4 * 60_000 + 40_000)).toBe('5 min');
  });
});
