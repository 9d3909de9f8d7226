import type { Clock, TimerHandle } from '../src/clock.ts';

interface Pending {
  due: number;
  order: number;
  callback: () => void;
}

/**
 * A clock the test moves by hand. Like the real one, a timer never fires before its due time,
 * timers fire in due order (ties in the order they were set), and a timer already due fires on
 * its own shortly after, without the test advancing time.
 */
export class FakeClock implements Clock {
  #now: number;
  #order = 0;
  readonly #timers = new Map<TimerHandle, Pending>();
  #flushQueued = false;

  constructor(start = Date.UTC(2026, 0, 5, 9, 0, 0)) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    const handle = {};
    this.#timers.set(handle, { due: this.#now + Math.max(0, delayMs), order: this.#order++, callback });
    if (delayMs <= 0) this.#queueFlush();
    return handle;
  }

  clearTimeout(handle: TimerHandle): void {
    this.#timers.delete(handle);
  }

  get pendingTimers(): number {
    return this.#timers.size;
  }

  /**
   * Moves time forward by `ms`, firing each due timer at its own due time. After each timer,
   * `settle` (e.g. "wait until the server is idle") runs, so work a timer starts completes
   * before time moves on, as it would in real time.
   */
  async advance(ms: number, settle: () => Promise<void> = flushIo): Promise<void> {
    const target = this.#now + ms;
    for (;;) {
      const next = this.#earliest(target);
      if (!next) break;
      this.#now = Math.max(this.#now, next[1].due);
      this.#timers.delete(next[0]);
      next[1].callback();
      await settle();
    }
    this.#now = target;
    await settle();
  }

  #earliest(limit: number): [TimerHandle, Pending] | undefined {
    let best: [TimerHandle, Pending] | undefined;
    for (const entry of this.#timers) {
      const [, timer] = entry;
      if (timer.due > limit) continue;
      if (!best || timer.due < best[1].due || (timer.due === best[1].due && timer.order < best[1].order))
        best = entry;
    }
    return best;
  }

  #queueFlush(): void {
    if (this.#flushQueued) return;
    this.#flushQueued = true;
    setImmediate(() => {
      this.#flushQueued = false;
      for (let next = this.#earliest(this.#now); next; next = this.#earliest(this.#now)) {
        this.#timers.delete(next[0]);
        next[1].callback();
      }
    });
  }
}

/** Lets pending I/O callbacks and promise chains run. */
export async function flushIo(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}
