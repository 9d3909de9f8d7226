import * as z from '#zod';
import { RoomId, SeatToken } from './client-frames.ts';
import { DEFAULT_LEVEL, DurationMinutes, EndReason, Role, SessionLevel, StepId, Turn } from './common.ts';
import { CoverageLevel, PointVerdict } from './console.ts';
import { DrawingScene } from './drawing.ts';
import { Evidence, HireSignal } from './report.ts';

/**
 * Peer mode: a human interviewer and a candidate in one room, each with a seat token. The seat is
 * decided by the token alone; nothing a client writes in a frame can change it. Candidate seats
 * never receive the rubric: only the types marked "interviewer only" carry rubric-derived data.
 */

/** Kept under the peer names for the REST routes. */
export const PeerRoomId = RoomId;
export const PeerToken = SeatToken;

export const PeerSeat = Role;
export type PeerSeat = z.infer<typeof PeerSeat>;

export const PeerRoomStatus = z.enum(['lobby', 'active', 'ended']);
export type PeerRoomStatus = z.infer<typeof PeerRoomStatus>;

/** A lobby that is never started expires after this long. */
export const PEER_LOBBY_TTL_MS = 24 * 60 * 60 * 1000;

// ---------------------------------------------------------------------------
// REST
// ---------------------------------------------------------------------------

/** `POST /api/peer/rooms`: a case id, or `surprise: true` for a random case hidden from the candidate until the start. */
export const CreatePeerRoomBody = z
  .object({
    caseId: z.optional(z.string().check(z.minLength(1), z.maxLength(80))),
    surprise: z._default(z.boolean(), false),
    durationMinutes: z._default(DurationMinutes, 45),
    /** The level the candidate is judged at; one the case lists (a surprise draws among cases that do). */
    level: z._default(SessionLevel, DEFAULT_LEVEL),
  })
  .check(
    z.refine((body) => body.surprise !== (body.caseId !== undefined), {
      message: 'give either a caseId or "surprise": true',
      path: ['caseId'],
    }),
  );
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
  caseTitle: z.nullable(z.string()),
  level: SessionLevel,
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
  /** The level the candidate is judged at (absent from older servers: senior). */
  level: z.optional(SessionLevel),
});
export type PeerRoomInfo = z.infer<typeof PeerRoomInfo>;

// ---------------------------------------------------------------------------
// The report of a peer session
// ---------------------------------------------------------------------------

/** One talking point in the interviewer's report: the automatic verdict beside the human one. */
export const PeerPointResult = z.object({
  pointId: z.string(),
  title: z.string(),
  weight: z.number(),
  auto: CoverageLevel,
  evidence: z.nullable(Evidence),
  human: z.nullable(PointVerdict),
  /** The interviewer's verdict contradicts the automatic one. */
  disagree: z.boolean(),
  strong: z.string(),
  /** Expected only above the room's level: credit is a bonus, leaving it out costs nothing. */
  bonus: z.optional(z.literal(true)),
});
export type PeerPointResult = z.infer<typeof PeerPointResult>;

export const PeerStepResult = z.object({
  id: StepId,
  title: z.string(),
  /** The offline matcher's score, 0..100. */
  autoScore: z.number(),
  /** The interviewer's 1-4 rating and comment. */
  rating: z.nullable(z.number().check(z.int(), z.gte(1), z.lte(4))),
  comment: z.string(),
  /** The rating and the automatic score are two or more levels apart. */
  disagree: z.boolean(),
  pointsCovered: z.number().check(z.int()),
  pointsTotal: z.number().check(z.int()),
  /** Points where the interviewer overruled the matcher. */
  pointDisagreements: z.number().check(z.int()),
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
  /** The level the candidate was judged at; absent in rooms made before levels (senior). */
  level: z.optional(SessionLevel),
  createdAt: z.number(),
  endReason: z.nullable(EndReason),
  /** The offline scorer's overall score and signal. */
  autoOverall: z.number(),
  autoSignal: HireSignal,
  /** Mean of the interviewer's step ratings; null when none were given. */
  humanAverage: z.nullable(z.number()),
  disagreements: z.number().check(z.int()),
  steps: z.array(PeerStepResult),
  /** Whether `steps[].points` carries the answer key. */
  answerKey: z.boolean(),
  transcript: z.array(Turn),
  pad: z.string(),
  /** The candidate's whiteboard at the end; null or absent when they drew nothing. */
  drawing: z.optional(z.nullable(DrawingScene)),
});
export type PeerReport = z.infer<typeof PeerReport>;
