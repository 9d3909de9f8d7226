import type { EventDraft } from '@mlsd/db';
import type { EngineEffect } from '@mlsd/engine';

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
