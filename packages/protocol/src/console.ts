import * as z from '#zod';
import { SessionLevel, StepId } from './common.ts';

/**
 * What the interviewer's console shows: the rubric of the case, live coverage and the
 * interviewer's own assessment. Interviewer views only; a candidate view never receives it.
 */

/** Longest interviewer comment on one step, in characters. */
export const MAX_RATING_COMMENT_CHARS = 2000;
/** Most minutes one "add minutes" click may add. */
export const MAX_ADD_MINUTES = 15;

// ---------------------------------------------------------------------------
// Console data (interviewer views only)
// ---------------------------------------------------------------------------

export const ConsolePoint = z.object({
  id: z.string(),
  title: z.string(),
  weight: z.number(),
  probe: z.string(),
  strong: z.string(),
  /** Expected only above the room's level: a bonus if the candidate raises it, never missing. */
  bonus: z.optional(z.literal(true)),
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
  quote: z.nullable(z.string()),
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
  score: z.nullable(z.number().check(z.int(), z.gte(1), z.lte(4))),
  comment: z.string().check(z.maxLength(MAX_RATING_COMMENT_CHARS)),
});
export type StepRating = z.infer<typeof StepRating>;

export const PeerAssessment = z.object({
  marks: z.record(z.string(), PointVerdict),
  ratings: z.partialRecord(StepId, StepRating),
  privateNotes: z.string(),
  /**
   * The level the room is judged at, set when it is created (senior when absent: older rooms).
   * Kept with the assessment because it is the interviewer's yardstick; no frame can change it.
   */
  level: z.optional(SessionLevel),
});
export type PeerAssessment = z.infer<typeof PeerAssessment>;
