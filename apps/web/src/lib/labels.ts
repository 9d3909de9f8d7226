import type { EndReason, HireSignal, ReportFlag, ScorerKind, Turn, TurnKind } from '@mlsd/protocol';

export const HIRE_SIGNAL_LABEL: Record<HireSignal, string> = {
  'strong-hire': 'Strong hire',
  hire: 'Hire',
  'lean-no-hire': 'Lean no hire',
  'no-hire': 'No hire',
};

export const SCORER_LABEL: Record<ScorerKind, string> = {
  offline: 'offline rubric matcher',
  judge: 'language-model judge',
  human: 'human interviewer',
};

export const FLAG_LABEL: Record<ReportFlag['kind'], string> = {
  'grader-directed': 'Text aimed at the grader',
  'empty-transcript': 'Empty transcript',
  'ignored-input': 'Input set aside',
  'judge-failed': 'Model judge failed',
  degraded: 'Degraded scoring',
};

export const END_REASON_LABEL: Record<EndReason, string> = {
  completed: 'completed all steps',
  'ended-early': 'ended early',
  'time-up': 'ran out of time',
};

/** Short tags shown on interviewer bubbles; plain questions and answers get none. */
export const TURN_KIND_LABEL: Partial<Record<TurnKind, string>> = {
  clarification: 'clarification',
  probe: 'probe',
  'follow-up': 'follow-up',
  challenge: 'push-back',
  hint: 'hint',
  redirect: 'back to the case',
  warning: 'time check',
  'move-on': 'moving on',
  curveball: 'curveball',
  notice: 'notice',
};

/** The tag of an interviewer turn: a hint says how much it gave away ("hint 2 of 3"). */
export function turnTag(turn: Pick<Turn, 'kind' | 'hintLevel'>): string | undefined {
  if (turn.kind === 'hint' && turn.hintLevel !== undefined) return `hint ${turn.hintLevel} of 3`;
  return TURN_KIND_LABEL[turn.kind];
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

export function formatDate(epochMs: number): string {
  return new Date(epochMs).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export type ScoreBand = 'high' | 'mid' | 'low';

/** Colour band of a 0..100 score in charts and pills. */
export function scoreBand(score: number): ScoreBand {
  if (score >= 70) return 'high';
  if (score >= 40) return 'mid';
  return 'low';
}

/** The interviewer's 1-4 rating of a step in a peer interview. */
export const RATING_LABEL: Record<number, string> = {
  1: 'No hire',
  2: 'Lean no hire',
  3: 'Hire',
  4: 'Strong hire',
};
