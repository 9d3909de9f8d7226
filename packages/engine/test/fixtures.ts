import { STEP_IDS, type StepId } from '@mlsd/protocol';
import type {
  EngineConfig,
  EngineEffect,
  EngineEvent,
  EngineState,
  InterviewerMove,
  MessageReading,
  Transition,
} from '../src/index.ts';
import { messageReading, startInterview, transition } from '../src/index.ts';

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
    maxFollowUpsPerStep: 2,
    curveballAfterAnswers: 2,
    maxSpeakingMs: 60_000,
    persona: 'neutral',
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

/** What a test message says: `isQuestion` is a fact question the case answers (fact "scale-fact"). */
export type TestMessage = Partial<MessageReading> & { isQuestion?: boolean };

/** Curveball ids the tests use; by default every one's premise holds. */
const TEST_CURVEBALLS = ['consent-change', 'traffic-spike', 'a', 'b', 'c1', 'c2'];

/** The engine event for a test message; every curveball's premise holds unless told otherwise. */
export function message(input: TestMessage = {}): EngineEvent {
  const { isQuestion, ...overrides } = input;
  return {
    type: 'candidate-message',
    reading: messageReading({
      premisesHeld: TEST_CURVEBALLS,
      ...(isQuestion
        ? { intent: 'facts', facts: { found: ['scale-fact'], unanswered: [], ambiguous: [] } }
        : {}),
      ...overrides,
    }),
  };
}

/** A candidate message, then the interviewer finishes speaking; returns the reply's effects too. */
export function say(
  state: EngineState,
  now: number,
  input: TestMessage = {},
): Transition & { reply: InterviewerMove } {
  const sent = transition(state, message(input), now);
  const reply = moves(sent.effects)[0];
  if (!reply) throw new Error('no reply');
  const done = transition(sent.state, { type: 'interviewer-done' }, now);
  return { state: done.state, effects: [...sent.effects, ...done.effects], reply };
}

export const stepIds = STEP_IDS;
