import { z } from 'zod';
import {
  DurationMinutes,
  EndReason,
  MAX_ANSWER_CHARS,
  MAX_NOTES_CHARS,
  Role,
  StepId,
  StepProgress,
  Turn,
} from './common.ts';
import { Evidence, HireSignal } from './report.ts';
import { ClientId, EndedEvent, StepEvent, TurnEvent, WarningEvent } from './ws.ts';

/**
 * Peer mode: a human interviewer and a candidate in one room, each with a seat token. The seat is
 * decided by the token alone; nothing a client writes in a frame can change it. Candidate seats
 * never receive the rubric: only the types marked "interviewer only" carry rubric-derived data.
 */

/** Room ids are UUIDs; tokens are 43 base64url characters (32 random bytes). */
export const PeerRoomId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'room ids are the letters, digits and dashes of the room link');
export const PeerToken = z.string().min(1).max(256);

export const PeerSeat = Role;
export type PeerSeat = z.infer<typeof PeerSeat>;

export const PeerRoomStatus = z.enum(['lobby', 'active', 'ended']);
export type PeerRoomStatus = z.infer<typeof PeerRoomStatus>;

/** Longest interviewer comment on one step, in characters. */
export const MAX_RATING_COMMENT_CHARS = 2000;
/** Most minutes one "add minutes" click may add. */
export const MAX_ADD_MINUTES = 15;
/** A lobby that is never started expires after this long. */
export const PEER_LOBBY_TTL_MS = 24 * 60 * 60 * 1000;

// ---------------------------------------------------------------------------
// REST
// ---------------------------------------------------------------------------

/** `POST /api/peer/rooms`: a case id, or `surprise: true` for a random case hidden from the candidate until the start. */
export const CreatePeerRoomBody = z
  .object({
    caseId: z.string().min(1).max(80).optional(),
    surprise: z.boolean().default(false),
    durationMinutes: DurationMinutes.default(45),
  })
  .refine((body) => body.surprise !== (body.caseId !== undefined), {
    message: 'give either a caseId or "surprise": true',
    path: ['caseId'],
  });
export type CreatePeerRoomBody = z.input<typeof CreatePeerRoomBody>;

/** One seat's link. `path` is the app route (`#/peer/<room>/<token>`); put the page's origin in front. */
export const PeerSeatLink = z.object({
  seat: PeerSeat,
  token: z.string(),
  path: z.string(),
});
export type PeerSeatLink = z.infer<typeof PeerSeatLink>;

/** The two links of a new room. Neither names a surprise case: the creator may be the candidate. */
export const CreatePeerRoomResponse = z.object({
  roomId: z.string(),
  durationMinutes: z.number(),
  surprise: z.boolean(),
  /** Null for a surprise room. */
  caseTitle: z.string().nullable(),
  interviewer: PeerSeatLink,
  candidate: PeerSeatLink,
});
export type CreatePeerRoomResponse = z.infer<typeof CreatePeerRoomResponse>;

/** `GET /api/peer/rooms/:id` with a seat token: which seat it is and where the room stands. */
export const PeerRoomInfo = z.object({
  roomId: z.string(),
  seat: PeerSeat,
  status: PeerRoomStatus,
  durationMinutes: z.number(),
});
export type PeerRoomInfo = z.infer<typeof PeerRoomInfo>;

// ---------------------------------------------------------------------------
// Interviewer console data (interviewer only)
// ---------------------------------------------------------------------------

export const ConsolePoint = z.object({
  id: z.string(),
  title: z.string(),
  weight: z.number(),
  probe: z.string(),
  strong: z.string(),
});
export type ConsolePoint = z.infer<typeof ConsolePoint>;

export const ConsoleStep = z.object({
  id: StepId,
  title: z.string(),
  purpose: z.string(),
  /** The question that opens the step, to read out. */
  opening: z.string(),
  points: z.array(ConsolePoint),
  curveballs: z.array(z.object({ id: z.string(), text: z.string(), expects: z.string() })),
  redFlags: z.array(z.object({ id: z.string(), title: z.string(), why: z.string() })),
});
export type ConsoleStep = z.infer<typeof ConsoleStep>;

export const ConsoleFact = z.object({ id: z.string(), cues: z.array(z.string()), answer: z.string() });
export type ConsoleFact = z.infer<typeof ConsoleFact>;

export const CoverageLevel = z.enum(['missed', 'mentioned', 'explained']);
export type CoverageLevel = z.infer<typeof CoverageLevel>;

/** The interviewer's own verdict on a talking point; absent means "agree with the automatic one". */
export const PointVerdict = z.enum(['covered', 'missed']);
export type PointVerdict = z.infer<typeof PointVerdict>;

export const AutoPoint = z.object({
  level: CoverageLevel,
  credit: z.number(),
  /** The candidate's words that earned the credit; null when missed. */
  quote: z.string().nullable(),
});
export type AutoPoint = z.infer<typeof AutoPoint>;

/** Automatic coverage from the candidate's messages and pad, keyed by talking point id. */
export const PeerCoverage = z.object({
  points: z.record(z.string(), AutoPoint),
  stepScores: z.partialRecord(StepId, z.number()),
});
export type PeerCoverage = z.infer<typeof PeerCoverage>;

export const StepRating = z.object({
  /** 1 = no hire ... 4 = strong hire; null when not rated. */
  score: z.number().int().min(1).max(4).nullable(),
  comment: z.string().max(MAX_RATING_COMMENT_CHARS),
});
export type StepRating = z.infer<typeof StepRating>;

export const PeerAssessment = z.object({
  marks: z.record(z.string(), PointVerdict),
  ratings: z.partialRecord(StepId, StepRating),
  privateNotes: z.string(),
});
export type PeerAssessment = z.infer<typeof PeerAssessment>;

// ---------------------------------------------------------------------------
// Client -> server
// ---------------------------------------------------------------------------

/** First frame on a peer socket: the room and the seat's token. The token alone decides the seat. */
export const PeerHelloMessage = z.object({
  type: z.literal('peer_hello'),
  roomId: PeerRoomId,
  token: PeerToken,
});

/** A transcript message from the sender's seat. Stored before it is acknowledged. */
export const PeerSayMessage = z.object({
  type: z.literal('peer_say'),
  clientId: ClientId,
  text: z
    .string()
    .trim()
    .min(1, 'the message is empty')
    .max(MAX_ANSWER_CHARS, `messages are limited to ${MAX_ANSWER_CHARS} characters; split it into two`),
  /** Interviewer only (ignored from a candidate): what the line is, for the transcript's tags. */
  kind: z.enum(['answer', 'opening', 'probe', 'curveball']).optional(),
  /** Interviewer only: the talking point a probe asks about; stored, never sent to the candidate. */
  pointId: z.string().min(1).max(120).optional(),
});

/** Candidate only: the whole notes and diagram pad (markdown; last write wins). */
export const PeerPadMessage = z.object({
  type: z.literal('peer_pad'),
  text: z.string().max(MAX_NOTES_CHARS, `the pad is limited to ${MAX_NOTES_CHARS} characters`),
});

export const TimerAction = z.enum(['start', 'pause', 'resume', 'next_step', 'add_minutes', 'end']);
export type TimerAction = z.infer<typeof TimerAction>;

/** Interviewer only: the clock. `minutes` goes with `add_minutes`. */
export const PeerTimerMessage = z.object({
  type: z.literal('peer_timer'),
  clientId: ClientId,
  action: TimerAction,
  minutes: z.number().int().min(1).max(MAX_ADD_MINUTES).optional(),
});

/** Interviewer only: confirm or override the automatic coverage of a point; null clears the verdict. */
export const PeerMarkMessage = z.object({
  type: z.literal('peer_mark'),
  pointId: z.string().min(1).max(120),
  verdict: PointVerdict.nullable(),
});

/** Interviewer only: a 1-4 rating and a comment for one step. */
export const PeerRateMessage = z.object({
  type: z.literal('peer_rate'),
  step: StepId,
  score: z.number().int().min(1).max(4).nullable(),
  comment: z
    .string()
    .max(MAX_RATING_COMMENT_CHARS, `comments are limited to ${MAX_RATING_COMMENT_CHARS} characters`),
});

/** Interviewer only: the private notes (never shown to the candidate). */
export const PeerPrivateNotesMessage = z.object({
  type: z.literal('peer_private_notes'),
  text: z.string().max(MAX_NOTES_CHARS, `notes are limited to ${MAX_NOTES_CHARS} characters`),
});

/** Either seat, once the interview has ended: a new room with the seats swapped and another case. */
export const PeerSwapMessage = z.object({ type: z.literal('peer_swap'), clientId: ClientId });

export const PeerClientMessage = z.discriminatedUnion('type', [
  PeerHelloMessage,
  PeerSayMessage,
  PeerPadMessage,
  PeerTimerMessage,
  PeerMarkMessage,
  PeerRateMessage,
  PeerPrivateNotesMessage,
  PeerSwapMessage,
]);
export type PeerClientMessage = z.infer<typeof PeerClientMessage>;

/** Frame types only the interviewer's seat may send. */
export const INTERVIEWER_ONLY: ReadonlySet<PeerClientMessage['type']> = new Set([
  'peer_timer',
  'peer_mark',
  'peer_rate',
  'peer_private_notes',
]);
/** Frame types only the candidate's seat may send. */
export const CANDIDATE_ONLY: ReadonlySet<PeerClientMessage['type']> = new Set(['peer_pad']);

// ---------------------------------------------------------------------------
// Server -> client
// ---------------------------------------------------------------------------

/** The room as both seats see it. A surprise case stays null for the candidate until the start. */
export const PeerRoomView = z.object({
  id: z.string(),
  status: PeerRoomStatus,
  durationMinutes: z.number(),
  surprise: z.boolean(),
  caseTitle: z.string().nullable(),
  prompt: z.string().nullable(),
  createdAt: z.number(),
  startedAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  endReason: EndReason.nullable(),
  /** The swapped room, once either seat asked for one. */
  nextRoomId: z.string().nullable(),
});
export type PeerRoomView = z.infer<typeof PeerRoomView>;

export const PeerPresence = z.object({ interviewer: z.boolean(), candidate: z.boolean() });
export type PeerPresence = z.infer<typeof PeerPresence>;

/** The clock of a started room; `pausedAt` freezes it. Times are server epoch ms. */
export const PeerClock = z.object({
  steps: z.array(StepProgress),
  currentStep: StepId,
  stepStartedAt: z.number(),
  stepBudgetMs: z.number(),
  pausedAt: z.number().nullable(),
  serverNow: z.number(),
});
export type PeerClock = z.infer<typeof PeerClock>;

/** Reply to `peer_hello`, and again to both seats when the interview starts. */
export const PeerSnapshotMessage = z.object({
  type: z.literal('peer_snapshot'),
  seat: PeerSeat,
  room: PeerRoomView,
  presence: PeerPresence,
  /** Null in the lobby. */
  clock: PeerClock.nullable(),
  transcript: z.array(Turn),
  /** The candidate's notes and diagram pad. */
  pad: z.string(),
  lastSeq: z.number().int().min(0),
});
export type PeerSnapshotMessage = z.infer<typeof PeerSnapshotMessage>;

/** Interviewer only: everything to run the interview, sent after each snapshot. */
export const PeerConsoleMessage = z.object({
  type: z.literal('peer_console'),
  caseId: z.string(),
  caseTitle: z.string(),
  prompt: z.string(),
  steps: z.array(ConsoleStep),
  facts: z.array(ConsoleFact),
  coverage: PeerCoverage,
  assessment: PeerAssessment,
});
export type PeerConsoleMessage = z.infer<typeof PeerConsoleMessage>;

/** Interviewer only: the automatic coverage changed. */
export const PeerCoverageMessage = z.object({ type: z.literal('peer_coverage'), coverage: PeerCoverage });

/** Interviewer only: marks, ratings or private notes changed (another tab of the same seat sees it too). */
export const PeerAssessmentMessage = z.object({
  type: z.literal('peer_assessment'),
  assessment: PeerAssessment,
});

/** Interviewer only: the candidate's pad as they type. */
export const PeerPadUpdateMessage = z.object({
  type: z.literal('peer_pad_update'),
  text: z.string(),
  at: z.number(),
});

/** Who is connected. */
export const PeerPresenceMessage = z.object({ type: z.literal('peer_presence'), presence: PeerPresence });

/** The clock was started, paused, resumed, extended or moved to another step. */
export const PeerClockMessage = z.object({ type: z.literal('peer_clock'), clock: PeerClock });

/** A swapped room exists: open it with your own token (the seats are swapped). */
export const PeerNextRoomMessage = z.object({ type: z.literal('peer_next_room'), roomId: z.string() });

/** A frame with this client id is committed (or already was: `duplicate`). */
export const PeerAckMessage = z.object({
  type: z.literal('peer_ack'),
  clientId: z.string(),
  duplicate: z.boolean(),
});

export const PeerErrorCode = z.enum([
  'BAD_MESSAGE',
  'NOT_JOINED',
  'ALREADY_JOINED',
  'UNAUTHORIZED',
  'ROOM_EXPIRED',
  'FORBIDDEN',
  'NOT_STARTED',
  'ALREADY_STARTED',
  'ROOM_ENDED',
  'NOT_ENDED',
  'TEXT_TOO_LONG',
  'RATE_LIMITED',
  'INTERNAL',
]);
export type PeerErrorCode = z.infer<typeof PeerErrorCode>;

/** A frame was refused; nothing was stored and the connection stays open (unless the hello failed). */
export const PeerErrorMessage = z.object({
  type: z.literal('peer_error'),
  code: PeerErrorCode,
  message: z.string(),
  clientId: z.string().optional(),
});
export type PeerErrorMessage = z.infer<typeof PeerErrorMessage>;

export const PeerServerMessage = z.discriminatedUnion('type', [
  TurnEvent,
  StepEvent,
  WarningEvent,
  EndedEvent,
  PeerSnapshotMessage,
  PeerConsoleMessage,
  PeerCoverageMessage,
  PeerAssessmentMessage,
  PeerPadUpdateMessage,
  PeerPresenceMessage,
  PeerClockMessage,
  PeerNextRoomMessage,
  PeerAckMessage,
  PeerErrorMessage,
]);
export type PeerServerMessage = z.infer<typeof PeerServerMessage>;

/** Server frame types a candidate seat may ever receive; everything else is interviewer only. */
export const CANDIDATE_VISIBLE: ReadonlySet<PeerServerMessage['type']> = new Set([
  'turn',
  'step',
  'warning',
  'ended',
  'peer_snapshot',
  'peer_presence',
  'peer_clock',
  'peer_next_room',
  'peer_ack',
  'peer_error',
]);

// ---------------------------------------------------------------------------
// The report of a peer session
// ---------------------------------------------------------------------------

/** One talking point in the interviewer's report: the automatic verdict beside the human one. */
export const PeerPointResult = z.object({
  pointId: z.string(),
  title: z.string(),
  weight: z.number(),
  auto: CoverageLevel,
  evidence: Evidence.nullable(),
  human: PointVerdict.nullable(),
  /** The interviewer's verdict contradicts the automatic one. */
  disagree: z.boolean(),
  strong: z.string(),
});
export type PeerPointResult = z.infer<typeof PeerPointResult>;

export const PeerStepResult = z.object({
  id: StepId,
  title: z.string(),
  /** The offline matcher's score, 0..100. */
  autoScore: z.number(),
  /** The interviewer's 1-4 rating and comment. */
  rating: z.number().int().min(1).max(4).nullable(),
  comment: z.string(),
  /** The rating and the automatic score are two or more levels apart. */
  disagree: z.boolean(),
  pointsCovered: z.number().int(),
  pointsTotal: z.number().int(),
  /** Points where the interviewer overruled the matcher. */
  pointDisagreements: z.number().int(),
  /** The candidate's own words that earned credit in this step. */
  quotes: z.array(Evidence),
  /** Per-point detail: the answer key. Empty in the candidate's copy. */
  points: z.array(PeerPointResult),
});
export type PeerStepResult = z.infer<typeof PeerStepResult>;

/** `GET /api/peer/rooms/:id/report`: the candidate's copy leaves the answer key out. */
export const PeerReport = z.object({
  version: z.literal(1),
  roomId: z.string(),
  seat: PeerSeat,
  caseId: z.string(),
  caseTitle: z.string(),
  durationMinutes: z.number(),
  createdAt: z.number(),
  endReason: EndReason.nullable(),
  /** The offline scorer's overall score and signal. */
  autoOverall: z.number(),
  autoSignal: HireSignal,
  /** Mean of the interviewer's step ratings; null when none were given. */
  humanAverage: z.number().nullable(),
  disagreements: z.number().int(),
  steps: z.array(PeerStepResult),
  /** Whether `steps[].points` carries the answer key. */
  answerKey: z.boolean(),
  transcript: z.array(Turn),
  pad: z.string(),
});
export type PeerReport = z.infer<typeof PeerReport>;
