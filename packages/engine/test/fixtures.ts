import { STEP_IDS, type StepId } from '@mlsd/protocol';
import type { EngineConfig, EngineEffect, EngineState, InterviewerMove, Transition } from '../src/index.ts';
import { startInterview, transition } from '../src/index.ts';

export const MINUTE = 60_000;
export const T0 = Date.UTC(2025, 0, 1, 9, 0, 0);

/** The framework's 45-minute split, in ms. */
export const BUDGETS: Record<StepId, number> = {
  requirements: 5 * MINUTE,
  framing: 4 * MINUTE,
  data: 8 * MINUTE,
  model: 9 * MINUTE,
  evaluation: 7 * MINUTE,
  serving: 7 * MINUTE,
  monitoring: 5 * MINUTE,
};

export function makeConfig(overrides: Partial<EngineConfig> = {}): EngineConfig {
  return {
    durationMinutes: 45,
    budgetsMs: { ...BUDGETS },
    curveballs: [
      { id: 'consent-change', step: 'data' },
      { id: 'traffic-spike', step: 'serving' },
    ],
    maxProbesPerStep: 2,
    curveballAfterAnswers: 2,
    maxSpeakingMs: 60_000,
    ...overrides,
  };
}

/** Starts an interview and lets the opening finish, as a server with the offline interviewer does. */
export function started(config = makeConfig(), now = T0): EngineState {
  const { state } = startInterview(config, now);
  return transition(state, { type: 'interviewer-done' }, now).state;
}

export function moves(effects: EngineEffect[]): InterviewerMove[] {
  return effects.flatMap((effect) => (effect.type === 'interviewer-move' ? [effect.move] : []));
}

export function kinds(effects: EngineEffect[]): string[] {
  return effects.map((effect) =>
    effect.type === 'interviewer-move' ? `move:${effect.move.kind}` : effect.type,
  );
}

/** A candidate message, then the interviewer finishes speaking; returns the reply's effects too. */
export function say(
  state: EngineState,
  now: number,
  message: { isQuestion?: boolean; uncovered?: { id: string; weight: number }[] } = {},
): Transition & { reply: InterviewerMove } {
  const sent = transition(
    state,
    {
      type: 'candidate-message',
      isQuestion: message.isQuestion ?? false,
      uncovered: message.uncovered ?? [],
    },
    now,
  );
  const reply = moves(sent.effects)[0];
  if (!reply) throw new Error('no reply');
  const done = transition(sent.state, { type: 'interviewer-done' }, now);
  return { state: done.state, effects: [...sent.effects, ...done.effects], reply };
}

export const stepIds = STEP_IDS;
