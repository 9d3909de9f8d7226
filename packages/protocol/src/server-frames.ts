import * as z from '#zod';
import { EndReason, StepId, Turn } from './common.ts';
import { ConsoleFact, ConsoleStep, PeerAssessment, PeerCoverage } from './console.ts';
import { DrawingScene } from './drawing.ts';
import { ErrorCode } from './errors.ts';
import { Presence, RoomClock, RoomView, Seat, SeatView } from './room.ts';

// ---------------------------------------------------------------------------
// Numbered events: stored, replayed after a reconnect
// ---------------------------------------------------------------------------

const seq = z.number().check(z.int(), z.positive());

/** A new transcript turn from either side. */
export const TurnEvent = z.object({ type: z.literal('turn'), seq, turn: Turn });

/** A step began. `reason` says why the previous one ended. */
export const StepEvent = z.object({
  type: z.literal('step'),
  seq,
  step: StepId,
  index: z.number().check(z.int(), z.gte(0), z.lte(6)),
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
// Replies and room state: not numbered, not replayed
// ---------------------------------------------------------------------------

/**
 * The reply to `hello`, and again to every seat when a lobby starts: everything needed to draw the
 * room. Projected per seat: a candidate view never names a surprise case before the start.
 */
export const SnapshotMessage = z.object({
  type: z.literal('snapshot'),
  seat: Seat,
  view: SeatView,
  room: RoomView,
  presence: Presence,
  /** Null in a peer lobby. */
  clock: z.nullable(RoomClock),
  /** The whole transcript so far. */
  transcript: z.array(Turn),
  /** The candidate's notes and diagram pad. */
  notes: z.string(),
  /** The candidate's whiteboard; null (or absent) until they draw. */
  drawing: z.optional(z.nullable(DrawingScene)),
  /** Seq of the newest event; events after the client's `lastSeq` follow this message. */
  lastSeq: z.number().check(z.int(), z.gte(0)),
});
export type SnapshotMessage = z.infer<typeof SnapshotMessage>;

/** Interviewer views only, after each snapshot: everything to run the interview. */
export const ConsoleMessage = z.object({
  type: z.literal('console'),
  caseId: z.string(),
  caseTitle: z.string(),
  prompt: z.string(),
  steps: z.array(ConsoleStep),
  facts: z.array(ConsoleFact),
  coverage: PeerCoverage,
  assessment: PeerAssessment,
});
export type ConsoleMessage = z.infer<typeof ConsoleMessage>;

/** Interviewer views only: the automatic coverage changed. */
export const CoverageMessage = z.object({ type: z.literal('coverage'), coverage: PeerCoverage });

/** Interviewer views only: marks, ratings or private notes changed. */
export const AssessmentMessage = z.object({ type: z.literal('assessment'), assessment: PeerAssessment });

/** The candidate's pad as they type, to every seat but the candidate's own. */
export const NotesUpdateMessage = z.object({
  type: z.literal('notes_update'),
  text: z.string(),
  at: z.number(),
});

/** The candidate's whiteboard as they draw, to every seat but the candidate's own. */
export const DrawingUpdateMessage = z.object({
  type: z.literal('drawing_update'),
  scene: DrawingScene,
  at: z.number(),
});

/** Who is connected. */
export const PresenceMessage = z.object({ type: z.literal('presence'), presence: Presence });

/** The clock was started, paused, resumed, extended or moved to another step. */
export const ClockMessage = z.object({ type: z.literal('clock'), clock: RoomClock });

/** A swapped peer room exists: open it with your own token (the seats are swapped). */
export const NextRoomMessage = z.object({ type: z.literal('next_room'), roomId: z.string() });

/** A frame with this client id is committed (or already was: `duplicate`). */
export const AckMessage = z.object({
  type: z.literal('ack'),
  clientId: z.string(),
  duplicate: z.boolean(),
});
export type AckMessage = z.infer<typeof AckMessage>;

/** A frame was refused. The connection stays open (unless the hello failed); nothing was stored. */
export const ErrorMessage = z.object({
  type: z.literal('error'),
  code: ErrorCode,
  message: z.string(),
  /** Set when the refused frame carried a client id. */
  clientId: z.optional(z.string()),
  /**
   * True when the refusal means "not now" rather than "not this" (see `RETRYABLE_CODES`): send the
   * same frame again, with the same client id, after a short wait; the room stores it at most once.
   */
  retryable: z.optional(z.boolean()),
});
export type ErrorMessage = z.infer<typeof ErrorMessage>;

/** A piece of an interviewer message being written. Not numbered, not stored, not replayed. */
export const TurnDeltaMessage = z.object({
  type: z.literal('turn_delta'),
  /** The draft this text belongs to; the `turn` event that completes it carries the same id. */
  draftId: z.string().check(z.maxLength(128)),
  step: StepId,
  /** Text to append to the draft. */
  text: z.string(),
});
export type TurnDeltaMessage = z.infer<typeof TurnDeltaMessage>;

/** Drop the draft: the model failed half-way, or its message was replaced. The final `turn` follows. */
export const TurnDiscardMessage = z.object({
  type: z.literal('turn_discard'),
  draftId: z.string().check(z.maxLength(128)),
  reason: z.enum(['failed', 'replaced']),
});
export type TurnDiscardMessage = z.infer<typeof TurnDiscardMessage>;

export const ServerMessage = z.discriminatedUnion('type', [
  TurnEvent,
  StepEvent,
  WarningEvent,
  EndedEvent,
  SnapshotMessage,
  ConsoleMessage,
  CoverageMessage,
  AssessmentMessage,
  NotesUpdateMessage,
  DrawingUpdateMessage,
  PresenceMessage,
  ClockMessage,
  NextRoomMessage,
  AckMessage,
  ErrorMessage,
  TurnDeltaMessage,
  TurnDiscardMessage,
]);
export type ServerMessage = z.infer<typeof ServerMessage>;
export type ServerMessageType = ServerMessage['type'];

/**
 * Server frame types a candidate view may ever receive; everything else (console, coverage,
 * assessment) is for interviewer views only. The server rebuilds each of these field by field
 * from a whitelist before it leaves for a candidate view.
 */
export const CANDIDATE_VISIBLE: ReadonlySet<ServerMessageType> = new Set([
  'turn',
  'step',
  'warning',
  'ended',
  'snapshot',
  'notes_update',
  'drawing_update',
  'presence',
  'clock',
  'next_room',
  'ack',
  'error',
  'turn_delta',
  'turn_discard',
]);

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
