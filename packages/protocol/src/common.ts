import * as z from '#zod';

/** Step ids, in interview order. Duplicated from @mlsd/rubric on purpose: protocol depends on nothing of ours. */
export const STEP_IDS = [
  'requirements',
  'framing',
  'data',
  'model',
  'evaluation',
  'serving',
  'monitoring',
] as const;
export const StepId = z.enum(STEP_IDS);
export type StepId = z.infer<typeof StepId>;

export const DURATIONS = [30, 45, 60] as const;
export const DurationMinutes = z.union([z.literal(30), z.literal(45), z.literal(60)]);
export type DurationMinutes = z.infer<typeof DurationMinutes>;

export const InterviewerKind = z.enum(['offline', 'llm']);

/**
 * The seniority a session is judged at (duplicated from @mlsd/rubric like the step ids). It picks
 * which talking points are expected: a staff session also expects scope, cost, roadmap and risk.
 */
export const SESSION_LEVELS = ['mid', 'senior', 'staff'] as const;
export const SessionLevel = z.enum(SESSION_LEVELS);
export type SessionLevel = z.infer<typeof SessionLevel>;
/** Sessions made before levels existed were judged as senior. */
export const DEFAULT_LEVEL: SessionLevel = 'senior';

/**
 * The interviewer's manner. `supportive` offers hints sooner and words things warmly; `tough`
 * asks "why" more, pushes back on hedges and cuts a long answer that makes no choice short.
 */
export const Persona = z.enum(['supportive', 'neutral', 'tough']);
export type Persona = z.infer<typeof Persona>;
export const DEFAULT_PERSONA: Persona = 'neutral';
export type InterviewerKind = z.infer<typeof InterviewerKind>;

export const Role = z.enum(['interviewer', 'candidate']);
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

/**
 * What a candidate message is doing, as the interviewer read it: asking for facts, answering
 * (`tentative`: an answer put as a question), asking for a hint, stuck, asking to move on or to
 * stop, off-topic, about the interview itself (`meta`), aimed at the grader (`steer`), or not
 * readable (`unclear`: empty, gibberish, not English).
 */
export const CandidateIntent = z.enum([
  'facts',
  'answer',
  'tentative',
  'hint',
  'stuck',
  'move-on',
  'stop',
  'meta',
  'off-topic',
  'steer',
  'unclear',
]);
export type CandidateIntent = z.infer<typeof CandidateIntent>;

/** What an interviewer turn is doing; lets the report tell probes from openings. */
export const TurnKind = z.enum([
  'opening',
  'answer',
  'clarification',
  'acknowledgement',
  'probe',
  'warning',
  'move-on',
  'curveball',
  'wrap-up',
  'notice',
  /** A graduated hint: rephrases the step's question, points at an open area, then names the concept. */
  'hint',
  /** A polite return to the current step after an off-topic, meta or rubric request. */
  'redirect',
  /** A question about what the candidate just proposed: why this, what it costs, how it fails. */
  'follow-up',
  /** Pushes back once on a claim that is a known mistake, without giving the fix. */
  'challenge',
  /** A tough interviewer cuts a long answer that makes no choice short and asks for the decision. */
  'interrupt',
]);
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
