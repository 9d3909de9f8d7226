import { type Refusal, refuse } from './refusals.ts';

/**
 * Turns one room may hold, solo or peer. A 45-minute interview has a few hundred at most; the cap
 * stops a stuck or scripted client from growing one room (its snapshot, its report, its page)
 * without end. Generous on purpose: no real interview comes near it.
 */
export const DEFAULT_MAX_TURNS = 2_000;

/** The refusal of a line over the cap: what the limit is, and that what was stored is kept. */
export function turnLimitRefusal(maxTurns: number): Refusal {
  return refuse(
    'TURN_LIMIT',
    `this interview has reached its limit of ${maxTurns} turns, so this message was not added. ` +
      'Nothing was lost: every earlier turn is saved. End the interview to get your report, or start a new one.',
  );
}
