import OpenAI from 'openai';
import { LlmError } from './errors.ts';

/** Maps whatever the SDK or the network threw to one LlmError. */
export function classify(
  error: unknown,
  fired: 'timeout' | 'idle' | null,
  outer: AbortSignal | undefined,
  partial: string,
): LlmError {
  if (error instanceof LlmError) return error;
  if (outer?.aborted) return new LlmError('ABORTED', 'the request was cancelled', { partial, cause: error });
  if (fired === 'timeout') {
    return new LlmError('TIMEOUT', 'the model did not start answering in time', { partial, cause: error });
  }
  if (fired === 'idle') {
    return new LlmError('IDLE', 'the model stream went silent half-way', { partial, cause: error });
  }
  if (error instanceof OpenAI.APIError && typeof error.status === 'number') {
    const status = error.status;
    const detail = `HTTP ${status}: ${firstLine(error.message)}`;
    const details = { partial, status, cause: error };
    if (status === 429) {
      return new LlmError('RATE_LIMITED', detail, { ...details, retryAfterMs: retryAfterMs(error.headers) });
    }
    if (status >= 500 || status === 408) {
      return new LlmError('UNAVAILABLE', detail, { ...details, retryAfterMs: retryAfterMs(error.headers) });
    }
    if (status === 401 || status === 403) return new LlmError('AUTH', detail, details);
    return new LlmError('REJECTED', detail, details);
  }
  const message = firstLine(error instanceof Error ? error.message : String(error));
  if (partial !== '')
    return new LlmError('CUT', `the model stream broke off: ${message}`, { partial, cause: error });
  return new LlmError('NETWORK', `cannot reach the model endpoint: ${message}`, { cause: error });
}

/** `retry-after-ms`, else `retry-after` in seconds or as an HTTP date. */
export function retryAfterMs(headers: Headers | undefined | null, now = Date.now()): number | null {
  const millis = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(millis) && millis >= 0) return millis;
  const value = headers?.get('retry-after');
  if (!value) return null;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.slice(0, 300) ?? '';
}
