import { EndReason, Persona, StepId } from '@mlsd/protocol';
import { z } from 'zod';

/** Fixed for the life of a session; kept inside the state so a restored state needs nothing else. */
export const EngineConfig = z.object({
  durationMinutes: z.number().positive(),
  /** Budget of each step in ms, in interview order (see `stepBudgetsMs`). */
  budgetsMs: z.record(StepId, z.number().int().positive()),
  /** The case's curveballs: which step each belongs to, in case order. */
  curveballs: z.array(z.object({ id: z.string(), step: StepId })),
  /** Most probes the interviewer asks in one step. */
  maxProbesPerStep: z.number().int().min(0),
  /** Most follow-ups on what the candidate just proposed, in one step. */
  maxFollowUpsPerStep: z.number().int().min(0).default(2),
  /** A step's curveball comes after this many candidate answers in that step. */
  curveballAfterAnswers: z.number().int().min(1),
  /**
   * If `interviewer-done` never arrives (a stalled model stream, a restart mid-reply), the reply
   * counts as finished this long after it was asked for, so the interview cannot hang.
   */
  maxSpeakingMs: z.number().int().positive(),
  /** The interviewer's manner (see `PERSONA_RULES`); states stored before personas restore as neutral. */
  persona: z._default(Persona, 'neutral'),
});
export type EngineConfig = z.infer<typeof EngineConfig>;

export const StepState = z.object({
  id: StepId,
  status: z.enum(['pending', 'active', 'done', 'skipped']),
  budgetMs: z.number(),
  startedAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  /** The one-minute warning has fired (or was passed over). */
  warned: z.boolean(),
  /** Candidate messages in this step, questions included. */
  messages: z.number().int().min(0),
  /** Candidate messages in this step that were not questions. */
  answers: z.number().int().min(0),
  /** Talking point ids probed in this step, in order. */
  probed: z.array(z.string()),
  /** `answers` when the last curveball of this step was thrown. */
  curveballAtAnswer: z.number().int().nullable(),
  /** Hints given in this step (the next one gives away more). */
  hints: z.number().int().min(0).default(0),
  /** Talking point ids followed up on in this step, in order. */
  followedUp: z.array(z.string()).default([]),
  /** A long answer without a choice was cut short in this step (a tough interviewer does it once). */
  interrupted: z.boolean().default(false),
  /** Free hints a supportive interviewer offered in this step unasked (at most one). */
  freeHints: z.number().int().min(0).default(0),
  /** Ideas put up for a verdict that were handed back in this step (at most one). */
  turnedBack: z.number().int().min(0).default(0),
  /** The step's curveball, left unanswered when the candidate asked to go on, was put to them again. */
  curveballRevisited: z.boolean().default(false),
  /** A bare yes or no to a yes-or-no question was met with "why?" in this step (at most once). */
  askedWhy: z.boolean().default(false),
  /** Red flag ids pushed back on in this step. */
  challenged: z.array(z.string()).default([]),
  /** The points hints of this step were about, in order (a second hint on one goes further). */
  hinted: z.array(z.string()).default([]),
  /** A question answered with something else was asked again in this step (at most once). */
  sidestepAsked: z.boolean().default(false),
});
export type StepState = z.infer<typeof StepState>;

/** The whole interview state. Plain JSON: store it with `JSON.stringify`, restore with `restoreState`. */
export const EngineState = z.object({
  version: z.literal(1),
  config: EngineConfig,
  status: z.enum(['active', 'ended']),
  startedAt: z.number(),
  endedAt: z.number().nullable(),
  endReason: z.nullable(EndReason),
  stepIndex: z.number().int().min(0).max(6),
  steps: z.array(StepState).length(7),
  /** When the interviewer's pending reply was asked for; null when nothing is pending. */
  speakingSince: z.number().nullable(),
  /** The candidate asked to move on while a reply was pending; honoured when it finishes. */
  moveOnRequested: z.boolean(),
  /** The later part that request named, said when the move is made (see MessageReading.towardStep). */
  moveOnToward: z._default(z.nullable(StepId), null),
  /** Interviewer moves issued so far; the next move's `index`. */
  moveCount: z.number().int().min(0),
  /** Curveball ids already thrown. */
  curveballsThrown: z.array(z.string()),
  /** Case fact ids given in full so far; asked again, a fact gets a short reminder. */
  factsGiven: z.array(z.string()).default([]),
  /**
   * Red flag ids already challenged: each is pushed back on once, and once more in a later part
   * when the candidate says it again there (`challengedAgain`).
   */
  challenged: z.array(z.string()).default([]),
  challengedAgain: z.array(z.string()).default([]),
  /** Fact ids whose figure the candidate stated wrongly and was corrected on: once a session each. */
  corrected: z.array(z.string()).default([]),
  /**
   * When the clock was paused (peer mode's timer controls); null while it runs. States stored
   * before pausing existed have no such field and restore as running.
   */
  pausedAt: z.number().nullable().default(null),
  /** Total time the clock stood paused, in ms, for the report; older states restore as 0. */
  pausedMs: z.number().min(0).default(0),
});
export type EngineState = z.infer<typeof EngineState>;

export type RestoreResult = { ok: true; value: EngineState } | { ok: false; error: string };

/** Validates a stored state (parsed JSON) before the engine trusts it again. */
export function restoreState(value: unknown): RestoreResult {
  const parsed = EngineState.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const first = parsed.error.issues[0];
  const where = first?.path.length ? ` at ${first.path.join('.')}` : '';
  return {
    ok: false,
    error: `stored engine state is not valid${where}: ${first?.message ?? 'unknown problem'}`,
  };
}
