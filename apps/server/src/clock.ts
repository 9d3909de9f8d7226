/** An opaque timer handle returned by a Clock. */
export type TimerHandle = object;

/**
 * The server's only source of time. The real one wraps Date.now and setTimeout; tests pass a fake
 * one they advance by hand. Both fire a timer no earlier than its due time, in due-time order.
 */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** Longest delay setTimeout honours; longer ones would fire at once, so they are re-armed. */
const MAX_DELAY_MS = 2 ** 31 - 1;

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(callback, delayMs) {
    const due = Date.now() + Math.max(0, delayMs);
    const box: { timer?: NodeJS.Timeout } = {};
    const arm = () => {
      const remaining = due - Date.now();
      box.timer = setTimeout(
        () => {
          // Node's timers can fire a millisecond before Date.now() reaches `due`; never fire early.
          if (Date.now() < due) arm();
          else callback();
        },
        Math.min(Math.max(0, remaining), MAX_DELAY_MS),
      );
    };
    arm();
    return box;
  },
  clearTimeout(handle) {
    const box = handle as { timer?: NodeJS.Timeout };
    if (box.timer) clearTimeout(box.timer);
  },
};
