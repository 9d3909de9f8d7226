import * as z from '#zod';
import { CANDIDATE_INTENTS, ROLES, SESSION_LEVELS, STEP_IDS, TURN_KINDS } from './values.ts';

// The plain lists live in values.ts, which loads no zod (a fresh `mlsd score` reads them alone).
export {
  CANDIDATE_INTENTS,
  DEFAULT_LEVEL,
  HINT_LEVELS,
  ROLES,
  SESSION_LEVELS,
  STEP_IDS,
  TURN_KINDS,
} from './values.ts';

export const StepId = z.enum(STEP_IDS);
export type StepId = z.infer<typeof StepId>;

export const DURATIONS = [30, 45, 60] as const;
export const DurationMinutes = z.union([z.literal(30), z.literal(45), z.literal(60)]);
export type DurationMinutes = z.infer<typeof DurationMinutes>;

export const InterviewerKind = z.enum(['offline', 'llm']);

export const SessionLevel = z.enum(SESSION_LEVELS);
export type SessionLevel = z.infer<typeof SessionLevel>;

/**
 * The interviewer's manner. `supportive` offers hints sooner and words things warmly; `tough`
 * asks "why" more, pushes back on hedges and cuts a long answer that makes no choice short.
 */
export const Persona = z.enum(['supportive', 'neutral', 'tough']);
export type Persona = z.infer<typeof Persona>;
export const DEFAULT_PERSONA: Persona = 'neutral';
export type InterviewerKind = z.infer<typeof InterviewerKind>;

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Longest candidate answer accepted, in characters. */
export const MAX_ANSWER_CHARS = 4000;
/** Longest notes-pad text accepted, in characters. */
export const MAX_NOTES_CHARS = 20_000;
/** Largest websocket frame the server reads; larger frames close the socket with 1009. */
export const MAX_FRAME_BYTES = 64 * 1024;

/** How much a hint gave away: 1 rephrases the question, 2 points at an area, 3 names the concept. */
export const HintLevel = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type HintLevel = z.infer<typeof HintLevel>;

export const CandidateIntent = z.enum(CANDIDATE_INTENTS);
export type CandidateIntent = z.infer<typeof CandidateIntent>;

export const TurnKind = z.enum(TURN_KINDS);
export type TurnKind = z.infer<typeof TurnKind>;

export const Turn = z.object({
  id: z.string(),
  role: Role,
  step: StepId,
  kind: TurnKind,
  text: z.string(),
  /** Server time in epoch milliseconds. */
  at: z.number(),
  /** The client's id for a candidate message, so a resend is recognised. */
  clientId: z.optional(z.string()),
  /** Talking point ids an interviewer probe asked about (never sent to a candidate seat). */
  probedPointIds: z.optional(z.array(z.string())),
  /** The streamed draft (`turn_delta`) this committed interviewer turn completes or replaces. */
  draftId: z.optional(z.string().check(z.maxLength(128))),
  /** Hint turns: 1 rephrases the step's question, 2 points at an open area, 3 names the concept. */
  hintLevel: z.optional(HintLevel),
  /** Talking point ids a hint steered towards (rubric internals: never sent to a candidate seat). */
  hintPointIds: z.optional(z.array(z.string())),
  /** Red flag ids a challenge pushed back on (rubric internals: never sent to a candidate seat). */
  challengedFlagIds: z.optional(z.array(z.string())),
  /** The curveball a curveball turn threw (rubric internals: never sent to a candidate seat). */
  curveballId: z.optional(z.string()),
  /** Candidate turns: what the interviewer read the message as doing. */
  intent: z.optional(CandidateIntent),
});
export type Turn = z.infer<typeof Turn>;

export const StepStatus = z.enum(['pending', 'active', 'done', 'skipped']);

export const StepProgress = z.object({
  id: StepId,
  title: z.string(),
  budgetMs: z.number(),
  usedMs: z.number(),
  status: StepStatus,
});
export type StepProgress = z.infer<typeof StepProgress>;

export const SessionStatus = z.enum(['active', 'ended']);
export type SessionStatus = z.infer<typeof SessionStatus>;

export const EndReason = z.enum(['completed', 'ended-early', 'time-up']);
export type EndReason = z.infer<typeof EndReason>;
