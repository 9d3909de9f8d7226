import type { EventDraft } from '@mlsd/db';
import type { EngineEffect } from '@mlsd/engine';
import type { EndReason } from '@mlsd/protocol';

type TimerEffect = Extract<EngineEffect, { type: 'step-started' | 'warning' }>;

/** The numbered event a step change or a time warning becomes. */
export function timerDraft(effect: TimerEffect): EventDraft {
  if (effect.type === 'step-started') {
    return {
      type: 'step',
      step: effect.step,
      index: effect.index,
      startedAt: effect.startedAt,
      budgetMs: effect.budgetMs,
      reason: effect.reason,
    };
  }
  return { type: 'warning', step: effect.step, remainingMs: effect.remainingMs };
}

/** Each round can start at most one new step; eight is more than a transition ever needs. */
export const MAX_ROUNDS = 8;

/**
 * What every room does with an engine effect that is not an interviewer move, whoever voices the
 * moves: a step change or a warning becomes a numbered event; the end is returned.
 */
export function foldTimerEffect(
  effect: Exclude<EngineEffect, { type: 'interviewer-move' }>,
  drafts: EventDraft[],
): { reason: EndReason; at: number } | null {
  if (effect.type === 'ended') return { reason: effect.reason, at: effect.at };
  drafts.push(timerDraft(effect));
  return null;
}
