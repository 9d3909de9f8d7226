import { LlmError } from './errors.ts';

export interface RetryOptions {
  maxRetries: number;
  /** A wait longer than this (asked by retry-after or from backoff) is not taken: fail at once. */
  maxRetryWaitMs: number;
  signal?: AbortSignal | undefined;
}

const RETRYABLE = new Set(['RATE_LIMITED', 'UNAVAILABLE', 'NETWORK']);

/**
 * Runs `attempt` until it succeeds, retrying a 429, a 5xx or a refused connection at most
 * `maxRetries` times, waiting what the server's retry-after says (else an exponential backoff).
 * Never retries once text has streamed (`streamed()` is not empty): the caller already showed it.
 */
export async function withRetries<T extends object>(
  options: RetryOptions,
  attempt: () => Promise<T>,
  streamed: () => string = () => '',
): Promise<T & { attempts: number }> {
  for (let attempts = 1; ; attempts++) {
    try {
      const value = await attempt();
      return { ...value, attempts };
    } catch (error) {
      if (!(error instanceof LlmError)) throw error;
      const partial = streamed();
      if (!RETRYABLE.has(error.code) || partial !== '' || attempts > options.maxRetries) {
        throw error.with({ attempts, partial });
      }
      const wait = error.retryAfterMs ?? backoffMs(attempts);
      if (wait > options.maxRetryWaitMs) {
        throw new LlmError(
          error.code,
          `${error.message} (the server asked to wait ${Math.round(wait / 1000)} s, longer than the ${Math.round(options.maxRetryWaitMs / 1000)} s we wait)`,
          { status: error.status, attempts, retryAfterMs: error.retryAfterMs, cause: error },
        );
      }
      await sleep(wait, options.signal);
    }
  }
}

/** 0.5 s, 1 s, 2 s... with ±20% jitter so clients do not retry in step. */
export function backoffMs(attempt: number): number {
  return Math.min(8_000, 500 * 2 ** (attempt - 1)) * (0.8 + Math.random() * 0.4);
}

/** Resolves after `ms`, or rejects with an ABORTED LlmError when `signal` aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const aborted = () => new LlmError('ABORTED', 'the request was cancelled while waiting to retry');
    if (signal?.aborted) {
      reject(aborted());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(aborted());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
