import { z } from 'zod';
import {
  EndReason,
  InterviewerKind,
  MAX_ANSWER_CHARS,
  MAX_NOTES_CHARS,
  SessionStatus,
  StepId,
  StepProgress,
  Turn,
} from './common.ts';

/** A client's id for one frame, so a resend is recognised. */
export const ClientId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'client ids are 1-64 characters of A-Z, a-z, 0-9, _ and -');

// ---------------------------------------------------------------------------
// Client -> server
// ---------------------------------------------------------------------------

/** First frame on every connection: which session, the seat's token, and the last event seen. */
export const HelloMessage = z.object({
  type: z.literal('hello'),
  sessionId: z.string().min(1).max(64),
  token: z.string().min(1).max(256),
  /** Highest `seq` this client has applied; 0 on a first connection. */
  lastSeq: z.number().int().min(0),
});

/** A candidate answer or clarifying question. Stored before it is acknowledged. */
export const AnswerMessage = z.object({
  type: z.literal('answer'),
  clientId: ClientId,
  text: z
    .string()
    .trim()
    .min(1, 'the answer is empty')
    .max(
      MAX_ANSWER_CHARS,
      `answers are limited to ${MAX_ANSWER_CHARS} characters; split it into two messages`,
    ),
});

/** The candidate asks to move on to the next step. */
export const NextStepMessage = z.object({ type: z.literal('next_step'), clientId: ClientId });

/** The candidate ends the interview early. */
export const EndMessage = z.object({ type: z.literal('end'), clientId: ClientId });

/** The whole notes-pad text (last write wins). Counts as candidate-authored text for scoring. */
export const NotesMessage = z.object({
  type: z.literal('notes'),
  text: z.string().max(MAX_NOTES_CHARS, `notes are limited to ${MAX_NOTES_CHARS} characters`),
});

export const ClientMessage = z.discriminatedUnion('type', [
  HelloMessage,
  AnswerMessage,
  NextStepMessage,
  EndMessage,
  NotesMessage,
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

// ---------------------------------------------------------------------------
// Server -> client: numbered events (stored, replayed after a reconnect)
// ---------------------------------------------------------------------------

const seq = z.number().int().positive();

/** A new transcript turn from either side. */
export const TurnEvent = z.object({ type: z.literal('turn'), seq, turn: Turn });

/** A step began. `reason` says why the previous one ended. */
export const StepEvent = z.object({
  type: z.literal('step'),
  seq,
  step: StepId,
  index: z.number().int().min(0).max(6),
  startedAt: z.number(),
  budgetMs: z.number(),
  reason: z.enum(['start', 'time-up', 'candidate']),
});

/** The current step has about a minute left. */
export const WarningEvent = z.object({
  type: z.literal('warning'),
  seq,
  step: StepId,
  remainingMs: z.number(),
});

/** The interview is over; the report is stored under `reportId`. */
export const EndedEvent = z.object({
  type: z.literal('ended'),
  seq,
  reason: EndReason,
  reportId: z.string(),
});

export const ServerEvent = z.discriminatedUnion('type', [TurnEvent, StepEvent, WarningEvent, EndedEvent]);
export type ServerEvent = z.infer<typeof ServerEvent>;

// ---------------------------------------------------------------------------
// Server -> client: replies to one connection (not numbered, not replayed)
// ---------------------------------------------------------------------------

export const SessionView = z.object({
  id: z.string(),
  caseId: z.string(),
  caseTitle: z.string(),
  prompt: z.string(),
  durationMinutes: z.number(),
  interviewer: InterviewerKind,
  status: SessionStatus,
  startedAt: z.number(),
  reportId: z.string().nullable(),
  /**
   * The model interviewer failed (or was not available) and the offline interviewer took over for
   * some or all of the session. Absent from servers that predate the model interviewer.
   */
  degraded: z.boolean().optional(),
});
export type SessionView = z.infer<typeof SessionView>;

/** The reply to `hello`: everything needed to draw the room, then the events after `lastSeq`. */
export const SnapshotMessage = z.object({
  type: z.literal('snapshot'),
  session: SessionView,
  steps: z.array(StepProgress),
  currentStep: StepId,
  /** When the current step started and how long it may run, in server epoch ms. */
  stepStartedAt: z.number(),
  stepBudgetMs: z.number(),
  /** The server's clock when this was sent, so the browser can correct its own. */
  serverNow: z.number(),
  notes: z.string(),
  /** The whole transcript so far. */
  transcript: z.array(Turn),
  /** Seq of the newest event; events after the client's `lastSeq` follow this message. */
  lastSeq: z.number().int().min(0),
});

/** A candidate message was committed (or had already been: `duplicate`). */
export const AckMessage = z.object({
  type: z.literal('ack'),
  clientId: z.string(),
  duplicate: z.boolean(),
});

export const ErrorCode = z.enum([
  'BAD_MESSAGE',
  'NOT_JOINED',
  'ALREADY_JOINED',
  'UNAUTHORIZED',
  'SESSION_ENDED',
  'TEXT_TOO_LONG',
  'RATE_LIMITED',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** A frame was refused. The connection stays open; nothing was stored. */
export const ErrorMessage = z.object({
  type: z.literal('error'),
  code: ErrorCode,
  message: z.string(),
  /** Set when the refused frame carried a client id. */
  clientId: z.string().optional(),
});

// ---------------------------------------------------------------------------
// Server -> client: streamed interviewer drafts (not numbered, not stored, not replayed)
// ---------------------------------------------------------------------------

/** A piece of an interviewer message being written. Not numbered, not stored, not replayed. */
export const TurnDeltaMessage = z.object({
  type: z.literal('turn_delta'),
  /** The draft this text belongs to; the `turn` event that completes it carries the same id. */
  draftId: z.string().max(128),
  step: StepId,
  /** Text to append to the draft. */
  text: z.string(),
});
export type TurnDeltaMessage = z.infer<typeof TurnDeltaMessage>;

/** Drop the draft: the model failed half-way, or its message was replaced. The final `turn` follows. */
export const TurnDiscardMessage = z.object({
  type: z.literal('turn_discard'),
  draftId: z.string().max(128),
  reason: z.enum(['failed', 'replaced']),
});
export type TurnDiscardMessage = z.infer<typeof TurnDiscardMessage>;

export const ServerMessage = z.discriminatedUnion('type', [
  TurnEvent,
  StepEvent,
  WarningEvent,
  EndedEvent,
  SnapshotMessage,
  AckMessage,
  ErrorMessage,
  TurnDeltaMessage,
  TurnDiscardMessage,
]);
export type ServerMessage = z.infer<typeof ServerMessage>;
export type SnapshotMessage = z.infer<typeof SnapshotMessage>;
export type AckMessage = z.infer<typeof AckMessage>;
export type ErrorMessage = z.infer<typeof ErrorMessage>;

/** Close codes the server uses. */
export const CloseCode = {
  normal: 1000,
  goingAway: 1001,
  unsupportedData: 1003,
  policyViolation: 1008,
  tooBig: 1009,
  internal: 1011,
  restart: 1012,
} as const;
