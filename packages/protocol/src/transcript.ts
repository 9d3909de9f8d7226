import { z } from 'zod';
import { CandidateIntent, HintLevel, TurnKind } from './common.ts';

/**
 * The transcript file format read by `mlsd score`. Step and time are optional; other fields are
 * ignored so exports from other tools load as they are.
 */
export const TranscriptTurn = z.looseObject({
  role: z.enum(['interviewer', 'candidate']),
  /** One of the seven step ids; any other value is set aside (the turn keeps the step before it). */
  step: z.string().optional(),
  text: z.string(),
  /** Seconds since the start of the interview. */
  t: z.number().min(0).optional(),
  /** Talking point ids the interviewer probed for in this turn, when known. */
  probedPointIds: z.array(z.string()).optional(),
  /** What the turn is doing (interviewer turns: probe, hint, challenge...), when known. */
  kind: TurnKind.optional(),
  hintLevel: HintLevel.optional(),
  hintPointIds: z.array(z.string()).optional(),
  challengedFlagIds: z.array(z.string()).optional(),
  curveballId: z.string().optional(),
  intent: CandidateIntent.optional(),
});
export type TranscriptTurn = z.infer<typeof TranscriptTurn>;

export const TranscriptFile = z.looseObject({
  caseId: z.string().min(1),
  /** Session length, when known; pacing is measured against its budgets. */
  durationMinutes: z.number().optional(),
  /** Notes-pad text; candidate-authored. */
  notes: z.string().optional(),
  turns: z.array(TranscriptTurn),
});
export type TranscriptFile = z.infer<typeof TranscriptFile>;
