import type { Clock, TimerHandle } from '../clock.ts';

/** A tick that changed nothing is retried after this long, so a stuck deadline cannot spin. */
const MIN_IDLE_TICK_MS = 1_000;

/**
 * One timer for a room's next engine deadline. `fire` runs the tick (through the room's queue);
 * if the deadline is still the next one afterwards, the tick did nothing and the timer backs off.
 */
export class DeadlineTimer {
  readonly #clock: Clock;
  readonly #onError: (error: unknown) => void;
  #handle: TimerHandle | null = null;

  constructor(clock: Clock, onError: (error: unknown) => void) {
    this.#clock = clock;
    this.#onError = onError;
  }

  /** Arms for `deadline` (null: nothing to wait for), replacing any earlier arming. */
  arm(deadline: number | null, fire: () => Promise<number | null>): void {
    this.clear();
    if (deadline === null) return;
    this.#set(Math.max(0, deadline - this.#clock.now()), async () => {
      const next = await fire();
      if (next === deadline && deadline <= this.#clock.now()) {
        this.#set(MIN_IDLE_TICK_MS, async () => {
          await fire();
        });
      }
    });
  }

  clear(): void {
    if (this.#handle) this.#clock.clearTimeout(this.#handle);
    this.#handle = null;
  }

  #set(delayMs: number, job: () => Promise<void>): void {
    this.clear();
    this.#handle = this.#clock.setTimeout(() => {
      this.#handle = null;
      job().catch(this.#onError);
    }, delayMs);
  }
}
