import { type ApiError, ERROR_STATUS, type VoiceErrorCode } from '@mlsd/protocol';

/**
 * A voice route's failure. Unlike AppError's 5xx, its message is always shown: "the transcription
 * server at 127.0.0.1:8000 did not answer" is what the user needs, and it never holds a key.
 */
export class VoiceError extends Error {
  readonly code: VoiceErrorCode;
  readonly statusCode: number;

  constructor(code: VoiceErrorCode, message: string) {
    super(message);
    this.name = 'VoiceError';
    this.code = code;
    this.statusCode = ERROR_STATUS[code];
  }

  toBody(): ApiError {
    const reason: Record<number, string> = {
      415: 'Unsupported Media Type',
      422: 'Unprocessable Content',
      502: 'Bad Gateway',
      503: 'Service Unavailable',
    };
    return {
      statusCode: this.statusCode,
      code: this.code,
      error: reason[this.statusCode] ?? 'Error',
      message: this.message,
    };
  }
}
