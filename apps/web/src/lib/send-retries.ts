import { backoffDelay } from './backoff.ts';

/** How long a frame refused with "not now" (a retryable error) is resent before the client gives up. */
export const RETRY_WINDOW_MS = 30_000;
/** Resends start quickly and stay frequent: a room moving to another instance takes a few seconds. */
const FIRST_RESEND_MS = 500;
const LONGEST_RESEND_MS = 4_000;

/** What the candidate reads when the retries ran out: calm, and saying what to do. */
export const gaveUpText = (windowMs: number) =>
  `The server could not take this message for ${Math.round(windowMs / 1000)} seconds, so it stopped trying. ` +
  'Your text is kept here: press Retry to send it again (it is never saved twice).';

export interface RetryTimers {
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (id: unknown) => void;
  random: () => number;
}

export interface RetryHandlers<R> {
  /** Time to send the entry again (same client id). */
  resend: (clientId: string) => void;
  /** The window ran out; `last` is the most recent refusal of the entry. */
  giveUp: (clientId: string, last: R) => void;
}

interface Retrying<R> {
  attempt: number;
  last: R;
  resendTimer: unknown;
  deadline: unknown;
}

/**
 * The entries a server refused as retryable: each is resent after a short backoff, and given up
 * once `windowMs` has passed since its first such refusal. An entry given up stays given up (its
 * later retryable refusals are not retried again) until it is settled: acknowledged, refused for
 * good, discarded, or resent by hand, which starts a fresh window.
 */
export class SendRetries<R> {
  private readonly retrying = new Map<string, Retrying<R>>();
  private readonly gaveUp = new Set<string>();

  constructor(
    private readonly timers: RetryTimers,
    private readonly windowMs: number,
    private readonly handlers: RetryHandlers<R>,
  ) {}

  hasGivenUp(clientId: string): boolean {
    return this.gaveUp.has(clientId);
  }

  /** A retryable refusal: schedules the next resend; the first one also starts the window. */
  refused(clientId: string, refusal: R): void {
    let entry = this.retrying.get(clientId);
    if (!entry) {
      entry = {
        attempt: 0,
        last: refusal,
        resendTimer: null,
        deadline: this.timers.setTimer(() => this.expire(clientId), this.windowMs),
      };
      this.retrying.set(clientId, entry);
    }
    entry.last = refusal;
    this.clearResend(entry);
    const delay = backoffDelay(entry.attempt, this.timers.random, FIRST_RESEND_MS, LONGEST_RESEND_MS);
    entry.attempt += 1;
    const current = entry;
    current.resendTimer = this.timers.setTimer(() => {
      current.resendTimer = null;
      this.handlers.resend(clientId);
    }, delay);
  }

  /** The entry is done with (acknowledged, refused for good, discarded) or resent by hand. */
  settle(clientId: string): void {
    this.gaveUp.delete(clientId);
    const entry = this.retrying.get(clientId);
    if (!entry) return;
    this.clearResend(entry);
    this.timers.clearTimer(entry.deadline);
    this.retrying.delete(clientId);
  }

  /** A reconnect resends every queued entry at once, so the pending waits are moot; windows run on. */
  cancelWaits(): void {
    for (const entry of this.retrying.values()) this.clearResend(entry);
  }

  /** The connection is closing for good. */
  stopAll(): void {
    for (const clientId of [...this.retrying.keys()]) this.settle(clientId);
    this.gaveUp.clear();
  }

  private expire(clientId: string): void {
    const entry = this.retrying.get(clientId);
    if (!entry) return;
    this.clearResend(entry);
    this.retrying.delete(clientId);
    this.gaveUp.add(clientId);
    this.handlers.giveUp(clientId, entry.last);
  }

  private clearResend(entry: Retrying<R>): void {
    if (entry.resendTimer !== null) this.timers.clearTimer(entry.resendTimer);
    entry.resendTimer = null;
  }
}
