import * as z from '#zod';
import { EndReason, StepId, StepProgress } from './common.ts';

/**
 * One room model for every interview: a solo mock is a candidate seat with the engine as its
 * interviewer; a peer mock is two human seats. Observers watch through a read-only link.
 */
export const RoomMode = z.enum(['solo', 'peer']);
export type RoomMode = z.infer<typeof RoomMode>;

export const RoomStatus = z.enum(['lobby', 'active', 'ended']);
export type RoomStatus = z.infer<typeof RoomStatus>;

/** Who a socket is; decided by the token it presented, never by a frame. */
export const Seat = z.enum(['candidate', 'interviewer', 'observer']);
export type Seat = z.infer<typeof Seat>;

/** What a seat is shown: the candidate's screen (never the rubric) or the interviewer's console. */
export const SeatView = z.enum(['candidate', 'interviewer']);
export type SeatView = z.infer<typeof SeatView>;

/** Who asks the questions: the offline interviewer, a language model, or a person. */
export const RoomInterviewer = z.enum(['offline', 'llm', 'human']);
export type RoomInterviewer = z.infer<typeof RoomInterviewer>;

/** The room as a seat sees it. A surprise case stays null for a candidate view until the start. */
export const RoomView = z.object({
  id: z.string(),
  mode: RoomMode,
  status: RoomStatus,
  caseId: z.nullable(z.string()),
  caseTitle: z.nullable(z.string()),
  prompt: z.nullable(z.string()),
  durationMinutes: z.number(),
  interviewer: RoomInterviewer,
  /** The case was drawn at random and is hidden from the candidate until the start. */
  surprise: z.boolean(),
  createdAt: z.number(),
  startedAt: z.nullable(z.number()),
  endedAt: z.nullable(z.number()),
  endReason: z.nullable(EndReason),
  /** The stored report, once the interview has ended. */
  reportId: z.nullable(z.string()),
  /** The model interviewer failed (or was unavailable) and the offline interviewer took over. */
  degraded: z.boolean(),
  /** Peer rooms: the swapped room, once either seat asked for one. */
  nextRoomId: z.nullable(z.string()),
});
export type RoomView = z.infer<typeof RoomView>;

/** Who is connected. In a solo room the interviewer is the server, always present. */
export const Presence = z.object({
  interviewer: z.boolean(),
  candidate: z.boolean(),
  observers: z.number().check(z.int(), z.gte(0)),
});
export type Presence = z.infer<typeof Presence>;

/** The clock of a started room; `pausedAt` freezes it. Times are server epoch ms. */
export const RoomClock = z.object({
  steps: z.array(StepProgress),
  currentStep: StepId,
  stepStartedAt: z.number(),
  stepBudgetMs: z.number(),
  pausedAt: z.nullable(z.number()),
  serverNow: z.number(),
});
export type RoomClock = z.infer<typeof RoomClock>;

/** `POST /api/rooms/:id/observers` with a seat's token: a read-only link to watch the room. */
export const CreateObserverBody = z.object({
  /** What the observer sees; only the interviewer of a peer room may share the console. */
  view: z._default(SeatView, 'candidate'),
});
export type CreateObserverBody = z.input<typeof CreateObserverBody>;

export const ObserverLinkResponse = z.object({
  roomId: z.string(),
  view: SeatView,
  token: z.string(),
  /** The app route (`#/watch/<room>/<token>`); put the page's origin in front. */
  path: z.string(),
});
export type ObserverLinkResponse = z.infer<typeof ObserverLinkResponse>;
