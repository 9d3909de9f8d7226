/**
 * The protocol's plain lists of values, with no zod: `common.ts` builds its schemas from them, and
 * a fresh `mlsd score` process reads them (and checks a transcript file, `transcript-check.ts`)
 * without loading zod, about 20 ms of its start.
 */

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

/**
 * The seniority a session is judged at (duplicated from @mlsd/rubric like the step ids). It picks
 * which talking points are expected: a staff session also expects scope, cost, roadmap and risk.
 */
export const SESSION_LEVELS = ['mid', 'senior', 'staff'] as const;
/** Sessions made before levels existed were judged as senior. */
export const DEFAULT_LEVEL: (typeof SESSION_LEVELS)[number] = 'senior';

export const ROLES = ['interviewer', 'candidate'] as const;

/** How much a hint gave away: 1 rephrases the question, 2 points at an area, 3 names the concept. */
export const HINT_LEVELS = [1, 2, 3] as const;

/**
 * What a candidate message is doing, as the interviewer read it: asking for facts, answering
 * (`tentative`: an answer put as a question), asking for a hint, stuck, asking to move on or to
 * stop, off-topic, about the interview itself (`meta`), aimed at the grader (`steer`), or not
 * readable (`unclear`: empty, gibberish, not English).
 */
export const CANDIDATE_INTENTS = [
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
] as const;

/** What an interviewer turn is doing; lets the report tell probes from openings. */
export const TURN_KINDS = [
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
] as const;
