import { describe, expect, it } from 'vitest';
import { calibratedOverall, OVERALL_SCALE } from './overall-scale.ts';

describe("the overall's scale", () => {
  it('passes through its knots and keeps 0 and 100', () => {
    for (const [steps, overall] of OVERALL_SCALE) expect(calibratedOverall(steps)).toBe(overall);
    expect(calibratedOverall(0)).toBe(0);
    expect(calibratedOverall(100)).toBe(100);
  });

  it('is linear between knots, one decimal', () => {
    expect(calibratedOverall(5)).toBe(7);
    expect(calibratedOverall(32.5)).toBe(38);
    expect(calibratedOverall(50)).toBe(63.5);
  });

  it('never reverses an order: strictly rising over 0..100', () => {
    let previous = -1;
    for (let steps = 0; steps <= 100; steps += 0.5) {
      const overall = calibratedOverall(steps);
      expect(overall).toBeGreaterThan(previous);
      previous = overall;
    }
  });

  it('leaves what earns little where it is: buzzwords and agreement stay low', () => {
    // The calibration set's rambling interviews earn up to about 26 of the steps' weight.
    expect(calibratedOverall(26)).toBeLessThanOrEqual(30);
    expect(calibratedOverall(2)).toBeLessThanOrEqual(10);
  });

  it('clamps what is out of range instead of extrapolating', () => {
    expect(calibratedOverall(-5)).toBe(0);
    expect(calibratedOverall(140)).toBe(100);
    expect(calibratedOverall(Number.NaN)).toBe(0);
  });
});
