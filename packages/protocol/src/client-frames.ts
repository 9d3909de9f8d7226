import * as z from '#zod';
import { MAX_ANSWER_CHARS, MAX_NOTES_CHARS, StepId } from './common.ts';
import { MAX_ADD_MINUTES, MAX_RATING_COMMENT_CHARS, PointVerdict } from './console.ts';
import { DrawingScene } from './drawing.ts';

/** A client's id for one frame, so a resend is recognised. */
export const ClientId = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(64),
    z.regex(/^[A-Za-z0-9_-]+$/, 'client ids are 1-64 characters of A-Z, a-z, 0-9, _ and -'),
  );

/** Room ids are UUIDs. */
export const RoomId = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(64),
    z.regex(/^[A-Za-z0-9_-]+$/, 'room ids are the letters, digits and dashes of the room link'),
  );

/** Seat tokens are 43 base64url characters (32 random bytes). */
export const SeatToken = z.string().check(z.minLength(1), z.maxLength(256));

/**
 * First frame on every connection: the room, the seat's token, and the last event seen. The token
 * alone decides the seat; a `role` or `seat` field in any frame is dropped by the schema.
 */
export const HelloMessage = z.object({
  type: z.literal('hello'),
  roomId: RoomId,
  token: SeatToken,
  /** Highest `seq` this client has applied; 0 on a first connection. Absent: snapshot only. */
  lastSeq: z.optional(z.number().check(z.int(), z.gte(0))),
});

/**
 * A transcript line from the sender's seat: a candidate's answer or clarifying question, a human
 * interviewer's question. Stored before it is acknowledged.
 */
export const SayMessage = z.object({
  type: z.literal('say'),
  clientId: ClientId,
  text: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'the message is empty'),
      z.maxLength(
        MAX_ANSWER_CHARS,
        `messages are limited to ${MAX_ANSWER_CHARS} characters; split it into two messages`,
      ),
    ),
  /** Human interviewer only (ignored from other seats): what the line is, for the transcript's tags. */
  kind: z.optional(z.enum(['answer', 'opening', 'probe', 'curveball'])),
  /** Human interviewer only: the talking point a probe asks about; stored, never sent to a candidate. */
  pointId: z.optional(z.string().check(z.minLength(1), z.maxLength(120))),
});

/** Candidate only: the whole notes and diagram pad (last write wins). Counts as the candidate's words. */
export const NotesMessage = z.object({
  type: z.literal('notes'),
  text: z.string().check(z.maxLength(MAX_NOTES_CHARS, `notes are limited to ${MAX_NOTES_CHARS} characters`)),
});

/**
 * Candidate only: the whole whiteboard (last write wins; `scene.version` rises with every save).
 * Its text graph counts as the candidate's words, like the notes.
 */
export const DrawingMessage = z.object({
  type: z.literal('drawing'),
  scene: DrawingScene,
});

export const TimerAction = z.enum(['start', 'pause', 'resume', 'next_step', 'add_minutes', 'end']);
export type TimerAction = z.infer<typeof TimerAction>;

/**
 * The clock. A human interviewer has every action (`minutes` goes with `add_minutes`); a solo
 * candidate may move on (`next_step`) or stop (`end`).
 */
export const TimerMessage = z.object({
  type: z.literal('timer'),
  clientId: ClientId,
  action: TimerAction,
  minutes: z.optional(z.number().check(z.int(), z.gte(1), z.lte(MAX_ADD_MINUTES))),
});

/** Human interviewer only: confirm or override the automatic coverage of a point; null clears it. */
export const MarkMessage = z.object({
  type: z.literal('mark'),
  pointId: z.string().check(z.minLength(1), z.maxLength(120)),
  verdict: z.nullable(PointVerdict),
});

/** Human interviewer only: a 1-4 rating and a comment for one step. */
export const RateMessage = z.object({
  type: z.literal('rate'),
  step: StepId,
  score: z.nullable(z.number().check(z.int(), z.gte(1), z.lte(4))),
  comment: z
    .string()
    .check(
      z.maxLength(MAX_RATING_COMMENT_CHARS, `comments are limited to ${MAX_RATING_COMMENT_CHARS} characters`),
    ),
});

/** Human interviewer only: the private notes (never shown to the candidate). */
export const PrivateNotesMessage = z.object({
  type: z.literal('private_notes'),
  text: z.string().check(z.maxLength(MAX_NOTES_CHARS, `notes are limited to ${MAX_NOTES_CHARS} characters`)),
});

/** Either peer seat, once the interview has ended: a new room with the seats swapped and another case. */
export const SwapMessage = z.object({ type: z.literal('swap'), clientId: ClientId });

export const ClientMessage = z.discriminatedUnion('type', [
  HelloMessage,
  SayMessage,
  NotesMessage,
  DrawingMessage,
  TimerMessage,
  MarkMessage,
  RateMessage,
  PrivateNotesMessage,
  SwapMessage,
]);
export type ClientMessage = z.infer<typeof ClientMessage>;
/** Every command: a client frame other than `hello`. */
export type Command = Exclude<ClientMessage, { type: 'hello' }>;
export type CommandType = Command['type'];
