/** Why a model request failed. A closed set: the server maps each to a fallback and a log line. */
export type LlmErrorCode =
  /** No first token (or, without streaming, no reply) within the request timeout. */
  | 'TIMEOUT'
  /** The stream started, then went silent for longer than the idle limit. */
  | 'IDLE'
  /** The stream ended without finishing (connection cut half-way). */
  | 'CUT'
  /** 429 after the allowed retries, or a retry-after longer than we are willing to wait. */
  | 'RATE_LIMITED'
  /** 5xx after the allowed retries. */
  | 'UNAVAILABLE'
  /** 401 or 403: the key is wrong or lacks access. */
  | 'AUTH'
  /** Any other 4xx: the request was refused (unknown model, bad parameter...). */
  | 'REJECTED'
  /** The endpoint could not be reached at all. */
  | 'NETWORK'
  /** The caller's signal aborted the request. */
  | 'ABORTED'
  /** The reply was empty or not usable text. */
  | 'EMPTY';

/** A model request failed. `partial` is the text already streamed to the caller, to discard or keep. */
export class LlmError extends Error {
  override readonly name = 'LlmError';
  readonly code: LlmErrorCode;
  /** Text handed to `onDelta` before the failure (empty when nothing streamed). */
  readonly partial: string;
  readonly status: number | null;
  /** Requests made, retries included. */
  readonly attempts: number;
  /** What the server asked us to wait before retrying, when it said. */
  readonly retryAfterMs: number | null;

  constructor(
    code: LlmErrorCode,
    message: string,
    details: {
      partial?: string;
      status?: number | null;
      attempts?: number;
      retryAfterMs?: number | null;
      cause?: unknown;
    } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.partial = details.partial ?? '';
    this.status = details.status ?? null;
    this.attempts = details.attempts ?? 1;
    this.retryAfterMs = details.retryAfterMs ?? null;
  }

  /** A copy with the attempt count and streamed text filled in by the retry loop. */
  with(details: { attempts?: number; partial?: string }): LlmError {
    return new LlmError(this.code, this.message, {
      partial: details.partial ?? this.partial,
      status: this.status,
      attempts: details.attempts ?? this.attempts,
      retryAfterMs: this.retryAfterMs,
      cause: this.cause,
    });
  }
}

export function isLlmError(error: unknown): error is LlmError {
  return error instanceof LlmError;
}
