import type { EventDraft } from '@mlsd/db';
import { type EngineState, type Transition, transition } from '@mlsd/engine';
import type { EndReason } from '@mlsd/protocol';
import { foldTimerEffect, MAX_ROUNDS } from '../timer-drafts.ts';

export interface SilentResult {
  state: EngineState;
  drafts: EventDraft[];
  ended: { reason: EndReason; at: number } | null;
}

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
      if (effect.type === 'interviewer-move') spoke = true;
      else ended = foldTimerEffect(effect, drafts) ?? ended;
    }
    if (!spoke) break;
    current = transition(current.state, { type: 'interviewer-done' }, now);
  }
  return { state: current.state, drafts, ended };
}
