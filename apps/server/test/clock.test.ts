import { describe, expect, it } from 'vitest';
import { type Clock, systemClock } from '../src/clock.ts';
import { FakeClock } from './fake-clock.ts';

/** One contract, two clocks: the fake must behave like the real one wherever the server relies on it. */
interface Harness {
  clock: Clock;
  /** Lets `ms` of this clock's time pass. */
  pass(ms: number): Promise<void>;
}

const harnesses: [string, () => Harness][] = [
  [
    'systemClock',
    () => ({ clock: systemClock, pass: (ms) => new Promise((resolve) => setTimeout(resolve, ms + 15)) }),
  ],
  [
    'FakeClock',
    () => {
      const clock = new FakeClock();
      return { clock, pass: (ms) => clock.advance(ms) };
    },
  ],
];

describe.each(harnesses)('%s', (_name, make) => {
  it('fires timers in due order, never early', async () => {
    const { clock, pass } = make();
    const start = clock.now();
    const fired: [string, number][] = [];
    clock.setTimeout(() => fired.push(['late', clock.now() - start]), 40);
    clock.setTimeout(() => fired.push(['early', clock.now() - start]), 10);
    await pass(60);
    expect(fired.map(([name]) => name)).toEqual(['early', 'late']);
    expect(fired[0]![1]).toBeGreaterThanOrEqual(10);
    expect(fired[1]![1]).toBeGreaterThanOrEqual(40);
  });

  it('does not fire a cleared timer', async () => {
    const { clock, pass } = make();
    let fired = false;
    const handle = clock.setTimeout(() => {
      fired = true;
    }, 10);
    clock.clearTimeout(handle);
    await pass(30);
    expect(fired).toBe(false);
  });

  it('fires a timer that is already due without time being moved on', async () => {
    const { clock } = make();
    const fired = new Promise<number>((resolve) => clock.setTimeout(() => resolve(clock.now()), -5));
    const before = clock.now();
    expect(await fired).toBeGreaterThanOrEqual(before);
  });

  it('fires a timer set from inside another once it is due', async () => {
    const { clock, pass } = make();
    const fired: string[] = [];
    clock.setTimeout(() => {
      fired.push('outer');
      clock.setTimeout(() => fired.push('inner'), 60);
    }, 10);
    await pass(15);
    expect(fired).toEqual(['outer']);
    await pass(60);
    expect(fired).toEqual(['outer', 'inner']);
  });

  it('only moves forward', async () => {
    const { clock, pass } = make();
    const first = clock.now();
    await pass(5);
    expect(clock.now()).toBeGreaterThanOrEqual(first + 5);
  });
});
