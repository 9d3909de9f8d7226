import * as z from '#zod';
import { CandidateIntent, HintLevel, TurnKind } from './common.ts';

/**
 * The transcript file format read by `mlsd score`. Step and time are optional; other fields are
 * ignored so exports from other tools load as they are.
 */
export const TranscriptTurn = z.looseObject({
  role: z.enum(['interviewer', 'candidate']),
  /** One of the seven step ids; any other value is set aside (the turn keeps the step before it). */
  step: z.optional(z.string()),
  text: z.string(),
  /** Seconds since the start of the interview. */
  t: z.optional(z.number().check(z.gte(0))),
  /** Talking point ids the interviewer probed for in this turn, when known. */
  probedPointIds: z.optional(z.array(z.string())),
  /** What the turn is doing (interviewer turns: probe, hint, challenge...), when known. */
  kind: z.optional(TurnKind),
  hintLevel: z.optional(HintLevel),
  hintPointIds: z.optional(z.array(z.string())),
  challengedFlagIds: z.optional(z.array(z.string())),
  curveballId: z.optional(z.string()),
  intent: z.optional(CandidateIntent),
});
export type TranscriptTurn = z.infer<typeof TranscriptTurn>;

export const TranscriptFile = z.looseObject({
  caseId: z.string().check(z.minLength(1)),
  /** Session length, when known; pacing is measured against its budgets. */
  durationMinutes: z.optional(z.number()),
  /** Notes-pad text; candidate-authored. */
  notes: z.optional(z.string()),
  turns: z.array(TranscriptTurn),
});
export type TranscriptFile = z.infer<typeof TranscriptFile>;
