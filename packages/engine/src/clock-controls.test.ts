import { join } from 'node:path';
import { Framework, loadYamlFile } from '@mlsd/rubric';
import { describe, expect, it } from 'vitest';
import { BUDGETS, kinds, MINUTE, message, started, T0 } from '../test/fixtures.ts';
import { MAX_ADD_TIME_MS, remainingMs } from './clock-controls.ts';
import { currentStep, nextDeadline, transition } from './machine.ts';
import { type EngineState, restoreState } from './state.ts';
import { stepProgress } from './views.ts';

const pause = (state: EngineState, now: number) => transition(state, { type: 'pause' }, now).state;
const resume = (state: EngineState, now: number) => transition(state, { type: 'resume' }, now);
const tick = (state: EngineState, now: number) => transition(state, { type: 'tick' }, now);

const framework = loadYamlFile(join(import.meta.dirname, '../../../rubrics/framework.yaml'), Framework);
if (!framework.ok) throw new Error('framework.yaml does not load');

describe('pause and resume', () => {
  it('stops the clock: no deadline, ticks change nothing, remaining time is frozen', () => {
    const paused = pause(started(), T0 + MINUTE);
    expect(paused.pausedAt).toBe(T0 + MINUTE);
    expect(nextDeadline(paused)).toBeNull();
    const late = T0 + BUDGETS.requirements + 10 * MINUTE;
    expect(tick(paused, late)).toEqual({ state: paused, effects: [] });
    expect(remainingMs(paused, late)).toBe(BUDGETS.requirements - MINUTE);
    expect(stepProgress(paused, late, framework.value)[0]?.usedMs).toBe(MINUTE);
  });

  it('does not charge the paused time to the step', () => {
    const paused = pause(started(), T0 + MINUTE);
    const { state, effects } = resume(paused, T0 + 11 * MINUTE);
    expect(effects).toEqual([]);
    expect(state.pausedAt).toBeNull();
    expect(currentStep(state).startedAt).toBe(T0 + 10 * MINUTE);
    expect(remainingMs(state, T0 + 11 * MINUTE)).toBe(BUDGETS.requirements - MINUTE);
    // The warning and the time-up come ten minutes later than they would have.
    expect(nextDeadline(state)).toBe(T0 + 10 * MINUTE + BUDGETS.requirements - MINUTE);
    const timeUp = tick(state, T0 + 10 * MINUTE + BUDGETS.requirements);
    expect(kinds(timeUp.effects)).toContain('step-started');
  });

  it('ignores a second pause and a resume of a running clock', () => {
    const paused = pause(started(), T0 + MINUTE);
    expect(pause(paused, T0 + 2 * MINUTE).pausedAt).toBe(T0 + MINUTE);
    const running = started();
    expect(resume(running, T0 + MINUTE).state).toEqual(running);
  });

  it('lets the interviewer move on or end while paused, and the clock runs again', () => {
    const paused = pause(started(), T0 + MINUTE);
    const moved = transition(paused, { type: 'move-on' }, T0 + 3 * MINUTE);
    expect(kinds(moved.effects)).toContain('step-started');
    expect(moved.state.pausedAt).toBeNull();
    expect(currentStep(moved.state)).toMatchObject({ id: 'framing', startedAt: T0 + 3 * MINUTE });
    const ended = transition(paused, { type: 'end' }, T0 + 3 * MINUTE);
    expect(ended.state).toMatchObject({ status: 'ended', pausedAt: null, endReason: 'ended-early' });
  });

  it('shifts a pending reply timeout with the pause', () => {
    const speaking = transition(started(), message({ isQuestion: true, uncovered: [] }), T0);
    expect(speaking.state.speakingSince).toBe(T0);
    const resumed = resume(pause(speaking.state, T0 + MINUTE), T0 + 5 * MINUTE).state;
    expect(resumed.speakingSince).toBe(T0 + 4 * MINUTE);
  });

  it('adds up the paused time across pauses, for the report', () => {
    const once = resume(pause(started(), T0 + MINUTE), T0 + 3 * MINUTE).state;
    expect(once.pausedMs).toBe(2 * MINUTE);
    const twice = resume(pause(once, T0 + 4 * MINUTE), T0 + 9 * MINUTE).state;
    expect(twice.pausedMs).toBe(7 * MINUTE);
    // A second resume adds nothing.
    expect(resume(twice, T0 + 10 * MINUTE).state.pausedMs).toBe(7 * MINUTE);
  });

  it('counts a pause that a move-on or the end cut short, and not as step time', () => {
    const paused = pause(started(), T0 + MINUTE);
    const moved = transition(paused, { type: 'move-on' }, T0 + 5 * MINUTE).state;
    expect(moved.pausedMs).toBe(4 * MINUTE);
    expect(stepProgress(moved, T0 + 5 * MINUTE, framework.value)[0]?.usedMs).toBe(MINUTE);
    const ended = transition(paused, { type: 'end' }, T0 + 6 * MINUTE).state;
    expect(ended.pausedMs).toBe(5 * MINUTE);
    expect(stepProgress(ended, T0 + 6 * MINUTE, framework.value)[0]?.usedMs).toBe(MINUTE);
  });

  it('restores a state stored before pausing existed as running', () => {
    const {
      pausedAt: _dropped,
      pausedMs: _total,
      ...old
    } = JSON.parse(JSON.stringify(started())) as EngineState;
    const restored = restoreState(old);
    expect(restored.ok && restored.value.pausedAt).toBeNull();
    expect(restored.ok && restored.value.pausedMs).toBe(0);
  });
});

describe('add-time', () => {
  it('extends the current step and re-arms its warning', () => {
    const state = started();
    const at = T0 + BUDGETS.requirements - MINUTE;
    const warned = transition(tick(state, at).state, { type: 'interviewer-done' }, at).state;
    expect(currentStep(warned).warned).toBe(true);
    const more = transition(
      warned,
      { type: 'add-time', ms: 2 * MINUTE },
      T0 + BUDGETS.requirements - MINUTE,
    ).state;
    expect(currentStep(more).budgetMs).toBe(BUDGETS.requirements + 2 * MINUTE);
    expect(currentStep(more).warned).toBe(false);
    expect(nextDeadline(more)).toBe(T0 + BUDGETS.requirements + MINUTE);
    expect(kinds(tick(more, T0 + BUDGETS.requirements + MINUTE).effects)).toEqual([
      'warning',
      'move:time-warning',
    ]);
  });

  it('clamps absurd amounts and works while paused', () => {
    const paused = pause(started(), T0 + MINUTE);
    const more = transition(paused, { type: 'add-time', ms: 10 * 60 * MINUTE }, T0 + 2 * MINUTE).state;
    expect(currentStep(more).budgetMs).toBe(BUDGETS.requirements + MAX_ADD_TIME_MS);
    expect(more.pausedAt).toBe(T0 + MINUTE);
    const bad = transition(paused, { type: 'add-time', ms: Number.NaN }, T0 + 2 * MINUTE).state;
    expect(bad).toEqual(paused);
  });
});
