import * as z from '#zod';

/**
 * Every error code the server sends, over REST and over the websocket alike. Each maps to one HTTP
 * status (`ERROR_STATUS`), used by REST replies; a websocket `error` frame carries the same code.
 */
export const ErrorCode = z.enum([
  /** A REST body, query or path parameter failed validation. */
  'VALIDATION_FAILED',
  /** A websocket frame is not valid JSON or not a known, well-formed message. */
  'BAD_MESSAGE',
  'UNAUTHORIZED',
  /** The server was started with an access passphrase and this request did not carry the right one. */
  'ACCESS_KEY_REQUIRED',
  /** The seat may not do that (an observer answering, a candidate rating), or a foreign origin. */
  'FORBIDDEN',
  'NOT_FOUND',
  'CASE_NOT_FOUND',
  'SESSION_NOT_FOUND',
  /** A socket sent a command before `hello`. */
  'NOT_JOINED',
  'ALREADY_JOINED',
  'NOT_STARTED',
  'ALREADY_STARTED',
  /** The interview has ended; nothing more can be added to it. */
  'ROOM_ENDED',
  'NOT_ENDED',
  /** The clock of a solo interview is paused: resume it (`timer` with `resume`) to answer. */
  'PAUSED',
  'REPORT_NOT_READY',
  /** A peer lobby nobody started within a day. */
  'ROOM_EXPIRED',
  'PAYLOAD_TOO_LARGE',
  'TEXT_TOO_LONG',
  /** A session holds as many turns as it may; what was stored is kept, nothing new is added. */
  'TURN_LIMIT',
  'RATE_LIMITED',
  'INTERNAL',
  /** Not now: the room's server did not answer in time or the room is moving; send it again (`retryable`). */
  'UNAVAILABLE',
  /**
   * The seats cannot be swapped into a new room: every case left would show the new candidate an
   * answer key they held as interviewer, or this server does not swap seats. Sending it again
   * changes nothing; create a new room instead.
   */
  'SWAP_UNAVAILABLE',
  /** No transcription (or speech) endpoint is configured; the message names the variables to set. */
  'STT_NOT_CONFIGURED',
  'TTS_NOT_CONFIGURED',
  /** The upload is not audio in one of the AudioFormat containers. */
  'UNSUPPORTED_AUDIO',
  /** The recording was empty or silent: nothing to put in the answer box. */
  'NOTHING_HEARD',
  /** The configured transcription or speech endpoint failed, timed out or could not be reached. */
  'VOICE_UPSTREAM_FAILED',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** The HTTP status of each code: REST replies use it; websocket errors carry the code alone. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  BAD_MESSAGE: 400,
  UNAUTHORIZED: 401,
  ACCESS_KEY_REQUIRED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CASE_NOT_FOUND: 404,
  SESSION_NOT_FOUND: 404,
  NOT_JOINED: 409,
  ALREADY_JOINED: 409,
  NOT_STARTED: 409,
  ALREADY_STARTED: 409,
  ROOM_ENDED: 409,
  NOT_ENDED: 409,
  PAUSED: 409,
  REPORT_NOT_READY: 409,
  ROOM_EXPIRED: 410,
  PAYLOAD_TOO_LARGE: 413,
  TEXT_TOO_LONG: 413,
  TURN_LIMIT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  SWAP_UNAVAILABLE: 409,
  STT_NOT_CONFIGURED: 503,
  TTS_NOT_CONFIGURED: 503,
  UNSUPPORTED_AUDIO: 415,
  NOTHING_HEARD: 422,
  VOICE_UPSTREAM_FAILED: 502,
};

/**
 * Codes that mean "not now": the room's server did not answer in time, instances cannot reach each
 * other, or the room is moving to another instance. A websocket `error` frame with one of these
 * codes carries `retryable: true`; any other refusal would be refused again if sent unchanged.
 */
export const RETRYABLE_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['UNAVAILABLE']);

/** Body of every 4xx/5xx REST reply. `code` stays a plain string so an older client parses newer codes. */
export const ApiError = z.object({
  statusCode: z.number(),
  code: z.string(),
  error: z.string(),
  message: z.string(),
});
export type ApiError = z.infer<typeof ApiError>;
