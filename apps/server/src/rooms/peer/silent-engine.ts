import type { EventDraft } from '@mlsd/db';
import { type EngineState, type Transition, transition } from '@mlsd/engine';
import type { EndReason } from '@mlsd/protocol';
import { timerDraft } from '../timer-drafts.ts';

export interface SilentResult {
  state: EngineState;
  drafts: EventDraft[];
  ended: { reason: EndReason; at: number } | null;
}

/** Each round can start at most one new step; eight is more than a transition ever needs. */
const MAX_ROUNDS = 8;

/**
 * Folds a transition in for a room whose interviewer is a person: the engine keeps the steps and
 * the time, but its interviewer moves are never voiced. Each batch of moves is reported done at
 * once, so the engine never waits for a reply.
 */
export function foldSilently(first: Transition, now: number): SilentResult {
  const drafts: EventDraft[] = [];
  let ended: SilentResult['ended'] = null;
  let current = first;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let spoke = false;
    for (const effect of current.effects) {
      switch (effect.type) {
        case 'step-started':
        case 'warning':
          drafts.push(timerDraft(effect));
          break;
        case 'ended':
          ended = { reason: effect.reason, at: effect.at };
          break;
        case 'interviewer-move':
          spoke = true;
          break;
      }
    }
    if (!spoke) break;
    current = transition(current.state, { type: 'interviewer-done' }, now);
  }
  return { state: current.state, drafts, ended };
}
