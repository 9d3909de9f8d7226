import {
  allowedMoves,
  answerOptions,
  createConfig,
  type EngineState,
  MAX_OPTIONS,
  messageReading,
  startInterview,
  transition,
} from '@mlsd/engine';
import { stepPoints } from '@mlsd/scoring';
import { describe, expect, it } from 'vitest';
import { loadCase } from '../llm/testing/fixtures.ts';

/** The replies offered to the model for an answer: each one the engine itself would make. */

const { caseStudy, framework } = loadCase();
const T0 = Date.UTC(2026, 0, 5, 9);
const open = stepPoints(caseStudy, framework, 'requirements').map((point) => ({ id: point.id, weight: 2 }));
const flag = caseStudy.steps.requirements.redFlags[0]!;

/** The requirements step after its opening and `answers` plain answers, each replied to. */
function stateAfter(answers: number): EngineState {
  let state = transition(
    startInterview(createConfig(framework, caseStudy), T0).state,
    { type: 'interviewer-done' },
    T0,
  ).state;
  for (let i = 0; i < answers; i++) {
    const at = T0 + 1_000 * (i + 1);
    state = transition(
      state,
      { type: 'candidate-message', reading: messageReading({ uncovered: open }) },
      at,
    ).state;
    state = transition(state, { type: 'interviewer-done' }, at).state;
  }
  return state;
}

describe('answerOptions', () => {
  const now = T0 + 60_000;

  it("puts the engine's own reply first, then other allowed moves, each with its own transition", () => {
    const state = stateAfter(1);
    const before = structuredClone(state);
    const reading = messageReading({
      uncovered: open,
      named: open.slice(0, 3).map((p) => p.id),
      redFlags: [flag.id],
    });
    const options = answerOptions(state, reading, now);
    const own = transition(state, { type: 'candidate-message', reading }, now);
    expect(options[0]!.transition).toEqual(own);
    expect(options[0]!.label).toBe('A');
    expect(options.map((o) => o.label)).toEqual('ABCDEF'.slice(0, options.length).split(''));
    expect(options.length).toBeGreaterThanOrEqual(3);
    expect(options.length).toBeLessThanOrEqual(MAX_OPTIONS);
    // Every option is an allowed move, once, at most two of a kind, the acknowledgement last.
    const allowed = allowedMoves(state, reading, now);
    const keys = options.map((o) => JSON.stringify(o.move));
    expect(new Set(keys).size).toBe(keys.length);
    for (const { move, transition: next } of options) {
      const target = 'pointId' in move ? move.pointId : 'flagId' in move ? move.flagId : undefined;
      expect(
        allowed.some((a) => a.kind === move.kind && (a.target ?? undefined) === (target ?? undefined)),
      ).toBe(true);
      expect(next.effects).toEqual([{ type: 'interviewer-move', move }]);
    }
    for (const kind of new Set(options.map((o) => o.move.kind)))
      expect(options.filter((o) => o.move.kind === kind).length).toBeLessThanOrEqual(2);
    expect(options.at(-1)!.move.kind).toBe('acknowledge');
    // The challenge's transition records the push-back; the others do not.
    const challenge = options.find((o) => o.move.kind === 'challenge')!;
    expect(challenge.transition.state.challenged).toEqual([flag.id]);
    expect(
      options.filter((o) => o !== challenge).every((o) => o.transition.state.challenged.length === 0),
    ).toBe(true);
    // Computing them changed nothing.
    expect(state).toEqual(before);
  });

  it('offers nothing when the engine allows only one reply (a step’s first answer is only acknowledged)', () => {
    expect(answerOptions(stateAfter(0), messageReading({ uncovered: open }), now)).toEqual([]);
  });
});
