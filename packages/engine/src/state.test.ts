import { describe, expect, it } from 'vitest';
import { makeConfig, message, moves, say, started, T0 } from '../test/fixtures.ts';
import { currentStep, nextDeadline, transition } from './machine.ts';
import { type EngineState, restoreState } from './state.ts';
import type { EngineEvent } from './types.ts';

/** A small deterministic generator so the simulation is the same on every run. */
function lcg(seed: number) {
  let value = seed >>> 0;
  return () => {
    value = (Math.imul(value, 1664525) + 1013904223) >>> 0;
    return value / 2 ** 32;
  };
}

const roundTrip = (state: EngineState) => JSON.parse(JSON.stringify(state)) as unknown;

describe('state persistence', () => {
  it('survives a JSON round trip and behaves the same afterwards', () => {
    let state = say(started(), T0 + 1_000, { uncovered: [{ id: 'a', weight: 2 }] }).state;
    state = transition(state, message({ isQuestion: true, uncovered: [] }), T0 + 2_000).state;
    const restored = restoreState(roundTrip(state));
    expect(restored).toEqual({ ok: true, value: state });
    if (!restored.ok) return;
    const event: EngineEvent = { type: 'interviewer-done' };
    expect(transition(restored.value, event, T0 + 3_000)).toEqual(transition(state, event, T0 + 3_000));
    expect(nextDeadline(restored.value)).toBe(nextDeadline(state));
  });

  it('rejects a stored state that is not one, saying where', () => {
    const broken = { ...(roundTrip(started()) as object), stepIndex: 9 };
    const result = restoreState(broken);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/stepIndex/);
    expect(restoreState('nope').ok).toBe(false);
  });
});

describe('simulated sessions', () => {
  it('keep their invariants under random events, and every scheduled tick makes progress', () => {
    const totals = { curveballs: 0, probes: 0, reachedMonitoring: 0, ended: 0 };
    for (let seed = 1; seed <= 40; seed++) {
      const random = lcg(seed);
      let state = started(
        makeConfig({
          curveballs: [
            { id: 'c1', step: 'data' },
            { id: 'c2', step: 'data' },
          ],
        }),
      );
      let now = T0;
      const thrown: string[] = [];
      const probedPerStep = new Map<string, string[]>();
      let lastIndex = 0;
      for (let i = 0; i < 400 && state.status === 'active'; i++) {
        const roll = random();
        let event: EngineEvent;
        if (roll < 0.45) {
          now += Math.floor(random() * 40_000);
          const uncovered = ['p1', 'p2', 'p3', 'p4']
            .filter(() => random() < 0.6)
            .map((id, k) => ({ id, weight: 1 + (k % 3) }));
          event = message({ isQuestion: random() < 0.3, uncovered });
        } else if (roll < 0.75) {
          event = { type: 'interviewer-done' };
        } else if (roll < 0.78) {
          event = { type: 'move-on' };
        } else if (roll < 0.785) {
          event = { type: 'end' };
        } else {
          const at = nextDeadline(state);
          expect(at).not.toBeNull();
          now = Math.max(now, at!);
          event = { type: 'tick' };
        }
        const before = JSON.stringify(state);
        const result = transition(state, event, now);
        if (event.type === 'tick') expect(JSON.stringify(result.state)).not.toBe(before);
        for (const move of moves(result.effects)) {
          expect(move.index).toBe(lastIndex + 1);
          lastIndex = move.index;
          if (move.kind === 'curveball') thrown.push(move.curveballId);
          if (move.kind === 'probe') {
            const probed = probedPerStep.get(move.step) ?? [];
            expect(probed).not.toContain(move.pointId);
            probed.push(move.pointId);
            probedPerStep.set(move.step, probed);
          }
          if (move.kind === 'curveball') expect(move.step).toBe('data');
        }
        const restored = restoreState(roundTrip(result.state));
        expect(restored.ok).toBe(true);
        state = result.state;
        expect(state.steps.filter((step) => step.status === 'active').length).toBe(
          state.status === 'active' ? 1 : 0,
        );
      }
      expect(new Set(thrown).size).toBe(thrown.length);
      totals.curveballs += thrown.length;
      totals.probes += [...probedPerStep.values()].flat().length;
      if (state.steps[6]!.status !== 'skipped' && state.steps[6]!.status !== 'pending')
        totals.reachedMonitoring += 1;
      if (state.status === 'ended') totals.ended += 1;
      for (const probed of probedPerStep.values()) expect(probed.length).toBeLessThanOrEqual(2);
      expect(currentStep(state).status).not.toBe('pending');
    }
    // The simulation must exercise what it checks.
    expect(totals.curveballs).toBeGreaterThan(0);
    expect(totals.probes).toBeGreaterThan(0);
    expect(totals.reachedMonitoring).toBeGreaterThan(0);
    expect(totals.ended).toBeGreaterThan(0);
  });
});
