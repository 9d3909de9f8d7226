import type { StepProgress, TurnKind } from '@mlsd/protocol';
import type { Framework } from '@mlsd/rubric';
import type { EngineState } from './state.ts';
import type { InterviewerMove } from './types.ts';

/** Per-step progress for snapshots and `SessionDetail`, with titles from the framework. */
export function stepProgress(state: EngineState, now: number, framework: Framework): StepProgress[] {
  return state.steps.map((step) => {
    const title = framework.steps.find((f) => f.id === step.id)?.title ?? step.id;
    let usedMs = 0;
    // A paused clock stops the active step's time at the moment of the pause.
    const clockNow = state.pausedAt ?? now;
    if (step.startedAt !== null) usedMs = Math.max(0, (step.endedAt ?? clockNow) - step.startedAt);
    return { id: step.id, title, budgetMs: step.budgetMs, usedMs, status: step.status };
  });
}

const TURN_KINDS: Record<InterviewerMove['kind'], TurnKind> = {
  opening: 'opening',
  'answer-facts': 'answer',
  clarify: 'clarification',
  define: 'clarification',
  hint: 'hint',
  'follow-up': 'follow-up',
  challenge: 'challenge',
  interrupt: 'interrupt',
  redirect: 'redirect',
  probe: 'probe',
  acknowledge: 'acknowledgement',
  curveball: 'curveball',
  'time-warning': 'warning',
  'move-on': 'move-on',
  'wrap-up': 'wrap-up',
};

/** The transcript `TurnKind` for the turn that voices `move`. */
export function turnKindOf(move: InterviewerMove): TurnKind {
  // Only asking which of two facts they mean gives no fact yet: that is a clarification.
  if (move.kind === 'answer-facts' && move.facts.length === 0) return 'clarification';
  // Handing an idea back asks about what the candidate just said: a follow-up, not a nod.
  if (move.kind === 'acknowledge' && move.turnBack) return 'follow-up';
  return TURN_KINDS[move.kind];
}
