import { describe, expect, it } from 'vitest';
import { BUDGETS, kinds, MINUTE, makeConfig, message, moves, say, started, T0 } from '../test/fixtures.ts';
import { currentStep, nextDeadline, startInterview, stepDeadline, transition } from './machine.ts';
import type { EngineState } from './state.ts';

const tick = (state: EngineState, now: number) => transition(state, { type: 'tick' }, now);
const done = (state: EngineState, now: number) => transition(state, { type: 'interviewer-done' }, now);

describe('start', () => {
  it('starts the first step and opens with the case prompt', () => {
    const { state, effects } = startInterview(makeConfig(), T0);
    expect(effects[0]).toEqual({
      type: 'step-started',
      step: 'requirements',
      index: 0,
      startedAt: T0,
      budgetMs: BUDGETS.requirements,
      reason: 'start',
    });
    expect(moves(effects)).toEqual([{ kind: 'opening', withPrompt: true, index: 0, step: 'requirements' }]);
    expect(state.speakingSince).toBe(T0);
    expect(currentStep(state).status).toBe('active');
  });
});

describe('time-up', () => {
  it('advances when the budget is spent, with a move-on notice and the next opening', () => {
    const state = started();
    const deadline = T0 + BUDGETS.requirements;
    expect(
      tick(state, deadline - 1).effects.filter((e) => e.type !== 'warning' && e.type !== 'interviewer-move'),
    ).toEqual([]);
    const { state: next, effects } = tick(state, deadline);
    expect(kinds(effects)).toEqual(['move:move-on', 'step-started', 'move:opening']);
    expect(moves(effects)[0]).toMatchObject({
      kind: 'move-on',
      reason: 'time-up',
      step: 'requirements',
      nextStep: 'framing',
    });
    expect(effects[1]).toMatchObject({ step: 'framing', index: 1, startedAt: deadline, reason: 'time-up' });
    expect(moves(effects)[1]).toMatchObject({ kind: 'opening', withPrompt: false, step: 'framing' });
    expect(next.steps[0]).toMatchObject({ status: 'done', endedAt: deadline });
  });

  it('answers a question that arrives after time is up, then advances', () => {
    const state = started();
    const late = T0 + BUDGETS.requirements + 5_000;
    const asked = transition(state, message({ isQuestion: true, uncovered: [] }), late);
    expect(kinds(asked.effects)).toEqual(['move:answer-facts']);
    expect(moves(asked.effects)[0]).toMatchObject({ late: true, step: 'requirements' });
    // The reply is still being voiced: the timer fires but the step stays.
    const ticked = tick(asked.state, late + 1_000);
    expect(ticked.effects).toEqual([]);
    expect(currentStep(ticked.state).id).toBe('requirements');
    const finished = done(ticked.state, late + 2_000);
    expect(kinds(finished.effects)).toEqual(['move:move-on', 'step-started', 'move:opening']);
    expect(currentStep(finished.state).id).toBe('framing');
  });

  it('acknowledges, never probes, an answer that arrives after time is up', () => {
    const state = say(started(), T0 + 10_000).state;
    const late = T0 + BUDGETS.requirements + 1;
    const answered = transition(state, message({ uncovered: [{ id: 'scale', weight: 3 }] }), late);
    expect(moves(answered.effects)).toEqual([
      {
        kind: 'acknowledge',
        late: true,
        allCovered: false,
        lastStep: false,
        index: expect.any(Number),
        step: 'requirements',
      },
    ]);
    expect(currentStep(done(answered.state, late).state).id).toBe('framing');
  });

  it('waits for a pending reply when the deadline passes, and schedules the reply timeout', () => {
    const base = started();
    const asked = transition(base, message({ isQuestion: true, uncovered: [] }), T0 + 4 * MINUTE + 59_000);
    const deadline = T0 + BUDGETS.requirements;
    const warnedAndWaiting = tick(tick(asked.state, deadline - 30_000).state, deadline);
    expect(currentStep(warnedAndWaiting.state).id).toBe('requirements');
    // The spoken warning at deadline - 30 s is the latest pending reply.
    expect(nextDeadline(warnedAndWaiting.state)).toBe(deadline - 30_000 + 60_000);
    expect(currentStep(done(warnedAndWaiting.state, deadline + 3_000).state).id).toBe('framing');
  });

  it('treats a reply as done after maxSpeakingMs so a lost interviewer-done cannot stall the interview', () => {
    const { state } = startInterview(makeConfig({ maxSpeakingMs: 20_000 }), T0);
    const deadline = T0 + BUDGETS.requirements;
    // Never marked done; at the deadline the opening is long overdue.
    const { state: next, effects } = tick(
      { ...state, steps: state.steps.map((s) => ({ ...s, warned: true })) },
      deadline,
    );
    expect(kinds(effects)).toEqual(['move:move-on', 'step-started', 'move:opening']);
    expect(currentStep(next).id).toBe('framing');
  });
});

describe('warning', () => {
  it('fires once per step, a minute before the end, with a spoken notice', () => {
    const state = started();
    const at = T0 + BUDGETS.requirements - MINUTE;
    expect(nextDeadline(state)).toBe(at);
    const warned = tick(state, at);
    expect(kinds(warned.effects)).toEqual(['warning', 'move:time-warning']);
    expect(warned.effects[0]).toEqual({ type: 'warning', step: 'requirements', remainingMs: MINUTE });
    const after = done(warned.state, at + 100);
    expect(tick(after.state, at + 30_000).effects).toEqual([]);
    expect(nextDeadline(after.state)).toBe(T0 + BUDGETS.requirements);
    // The next step gets its own warning.
    const framing = tick(after.state, T0 + BUDGETS.requirements).state;
    expect(currentStep(framing).warned).toBe(false);
  });

  it('warns at half time when the budget is under two minutes', () => {
    const state = started(makeConfig({ budgetsMs: { ...BUDGETS, requirements: 90_000 } }));
    expect(nextDeadline(state)).toBe(T0 + 45_000);
    expect(tick(state, T0 + 45_000).effects[0]).toEqual({
      type: 'warning',
      step: 'requirements',
      remainingMs: 45_000,
    });
  });

  it('drops a warning whose moment passed together with the deadline', () => {
    const state = started();
    const { effects } = tick(state, T0 + BUDGETS.requirements + 10 * MINUTE);
    expect(effects.some((effect) => effect.type === 'warning')).toBe(false);
    expect(kinds(effects)).toEqual(['move:move-on', 'step-started', 'move:opening']);
  });
});

describe('move-on', () => {
  it('advances at once when the candidate asks', () => {
    const { state, effects } = transition(started(), { type: 'move-on' }, T0 + 30_000);
    expect(kinds(effects)).toEqual(['move:move-on', 'step-started', 'move:opening']);
    expect(moves(effects)[0]).toMatchObject({ reason: 'candidate', nextStep: 'framing' });
    expect(effects[1]).toMatchObject({
      reason: 'candidate',
      startedAt: T0 + 30_000,
      budgetMs: BUDGETS.framing,
    });
    expect(stepDeadline(currentStep(state))).toBe(T0 + 30_000 + BUDGETS.framing);
  });

  it('waits for a pending reply before moving on', () => {
    const asked = transition(started(), message({ isQuestion: true, uncovered: [] }), T0 + 10_000);
    const requested = transition(asked.state, { type: 'move-on' }, T0 + 11_000);
    expect(requested.effects).toEqual([]);
    expect(currentStep(requested.state).id).toBe('requirements');
    const { state, effects } = done(requested.state, T0 + 12_000);
    expect(kinds(effects)).toEqual(['move:move-on', 'step-started', 'move:opening']);
    expect(currentStep(state).id).toBe('framing');
    expect(state.moveOnRequested).toBe(false);
  });
});

describe('ending', () => {
  it('ends early on request: wrap-up, ended, the rest skipped, and nothing after', () => {
    const state = transition(started(), { type: 'move-on' }, T0 + MINUTE).state;
    const { state: ended, effects } = transition(state, { type: 'end' }, T0 + 2 * MINUTE);
    expect(kinds(effects)).toEqual(['move:wrap-up', 'ended']);
    expect(moves(effects)[0]).toMatchObject({ reason: 'ended-early', step: 'framing' });
    expect(effects[1]).toEqual({ type: 'ended', reason: 'ended-early', at: T0 + 2 * MINUTE });
    expect(ended.steps.map((step) => step.status)).toEqual([
      'done',
      'done',
      'skipped',
      'skipped',
      'skipped',
      'skipped',
      'skipped',
    ]);
    expect(nextDeadline(ended)).toBeNull();
    for (const event of [{ type: 'tick' }, { type: 'move-on' }, { type: 'end' }] as const) {
      expect(transition(ended, event, T0 + 3 * MINUTE)).toEqual({ state: ended, effects: [] });
    }
  });

  it('wraps up with time-up when the last step runs out', () => {
    let state = started();
    let now = T0;
    const stepsSeen: string[] = [];
    let last: ReturnType<typeof tick> | null = null;
    while (state.status === 'active') {
      now = nextDeadline(state)!;
      last = tick(state, now);
      state = done(last.state, now).state;
      stepsSeen.push(currentStep(state).id);
    }
    expect([...new Set(stepsSeen)]).toEqual([
      'requirements',
      'framing',
      'data',
      'model',
      'evaluation',
      'serving',
      'monitoring',
    ]);
    expect(kinds(last!.effects)).toEqual(['move:wrap-up', 'ended']);
    expect(state.endReason).toBe('time-up');
    expect(now).toBe(T0 + 45 * MINUTE);
    expect(state.steps.every((step) => step.status === 'done')).toBe(true);
  });

  it('completes when the candidate moves on from the last step', () => {
    let state = started();
    for (let i = 0; i < 6; i++)
      state = done(transition(state, { type: 'move-on' }, T0 + i).state, T0 + i).state;
    expect(currentStep(state).id).toBe('monitoring');
    const { state: ended, effects } = transition(state, { type: 'move-on' }, T0 + MINUTE);
    expect(kinds(effects)).toEqual(['move:wrap-up', 'ended']);
    expect(moves(effects)[0]).toMatchObject({ kind: 'wrap-up', reason: 'completed', step: 'monitoring' });
    expect(ended.endReason).toBe('completed');
  });
});

describe('replies', () => {
  const uncovered = [
    { id: 'users', weight: 2 },
    { id: 'latency', weight: 3 },
    { id: 'scale', weight: 3 },
    { id: 'privacy', weight: 1 },
  ];

  it('answers questions from facts and acknowledges the first answer of a step', () => {
    const first = say(started(), T0 + 10_000, { isQuestion: true, uncovered });
    expect(first.reply).toMatchObject({ kind: 'answer-facts', late: false });
    const second = say(transition(first.state, { type: 'move-on' }, T0 + 20_000).state, T0 + 30_000, {
      uncovered,
    });
    expect(second.reply).toMatchObject({ kind: 'acknowledge', allCovered: false, step: 'framing' });
  });

  it('probes at most twice per step, most important first, never the same point twice', () => {
    let state = say(started(), T0 + 1_000, { uncovered }).state; // first answer: acknowledged
    const replies = [];
    for (let i = 2; i <= 6; i++) {
      const step = say(state, T0 + i * 1_000, { uncovered });
      replies.push(step.reply);
      state = step.state;
    }
    expect(replies.map((r) => (r.kind === 'probe' ? r.pointId : r.kind))).toEqual([
      'latency',
      'scale',
      'acknowledge',
      'acknowledge',
      'acknowledge',
    ]);
    expect(currentStep(state).probed).toEqual(['latency', 'scale']);
  });

  it('probes only points still uncovered and says so when all are covered', () => {
    let state = say(started(), T0 + 1_000, { uncovered }).state;
    const one = say(state, T0 + 2_000, { uncovered: [{ id: 'privacy', weight: 1 }] });
    expect(one.reply).toMatchObject({ kind: 'probe', pointId: 'privacy' });
    state = one.state;
    const two = say(state, T0 + 3_000, { uncovered: [{ id: 'privacy', weight: 1 }] });
    expect(two.reply).toMatchObject({ kind: 'acknowledge', allCovered: false });
    const three = say(two.state, T0 + 4_000, { uncovered: [] });
    expect(three.reply).toMatchObject({ kind: 'acknowledge', allCovered: true });
  });

  it('counts probes per step: a new step may probe again', () => {
    let state = started();
    for (let i = 1; i <= 4; i++) state = say(state, T0 + i, { uncovered }).state;
    state = transition(state, { type: 'move-on' }, T0 + 10).state;
    state = say(done(state, T0 + 10).state, T0 + 11, { uncovered }).state;
    expect(say(state, T0 + 12, { uncovered }).reply).toMatchObject({ kind: 'probe', pointId: 'latency' });
  });

  it("throws the step's curveball once, after the second answer, before any probe", () => {
    let state = started();
    for (let i = 0; i < 2; i++) state = done(transition(state, { type: 'move-on' }, T0).state, T0).state;
    expect(currentStep(state).id).toBe('data');
    const replies = [];
    for (let i = 1; i <= 5; i++) {
      const step = say(state, T0 + i * 1_000, { uncovered });
      replies.push(step.reply.kind === 'curveball' ? `curveball:${step.reply.curveballId}` : step.reply.kind);
      state = step.state;
    }
    expect(replies).toEqual(['acknowledge', 'curveball:consent-change', 'probe', 'probe', 'acknowledge']);
    expect(state.curveballsThrown).toEqual(['consent-change']);
  });

  it('never throws a curveball outside its step, and spaces two in one step', () => {
    const config = makeConfig({
      curveballs: [
        { id: 'a', step: 'requirements' },
        { id: 'b', step: 'requirements' },
      ],
      maxProbesPerStep: 0,
    });
    let state = started(config);
    const replies: string[] = [];
    for (let i = 1; i <= 6; i++) {
      const step = say(state, T0 + i, { uncovered });
      replies.push(step.reply.kind === 'curveball' ? step.reply.curveballId : step.reply.kind);
      state = step.state;
    }
    expect(replies).toEqual(['acknowledge', 'a', 'acknowledge', 'b', 'acknowledge', 'acknowledge']);

    let other = started();
    for (let i = 1; i <= 4; i++) other = say(other, T0 + i, { uncovered: [] }).state;
    expect(other.curveballsThrown).toEqual([]);
  });

  it('does not count questions as answers for the curveball', () => {
    let state = started();
    for (let i = 0; i < 2; i++) state = done(transition(state, { type: 'move-on' }, T0).state, T0).state;
    state = say(state, T0 + 1, { uncovered, isQuestion: true }).state;
    const answer = say(state, T0 + 2, { uncovered });
    // Second message, first answer: no curveball yet, but probing may start.
    expect(answer.reply).toMatchObject({ kind: 'probe', pointId: 'latency' });
  });

  it('numbers moves across the session', () => {
    let state = started();
    const indexes: number[] = [];
    for (let i = 1; i <= 3; i++) {
      const step = say(state, T0 + i, { uncovered });
      indexes.push(step.reply.index);
      state = step.state;
    }
    expect(indexes).toEqual([1, 2, 3]);
  });
});

describe('purity', () => {
  it('never mutates the state it is given', () => {
    const state = started();
    const frozen = JSON.stringify(state);
    transition(state, message({ uncovered: [{ id: 'x', weight: 1 }] }), T0 + 1);
    transition(state, { type: 'move-on' }, T0 + 1);
    transition(state, { type: 'tick' }, T0 + BUDGETS.requirements);
    transition(state, { type: 'end' }, T0 + 1);
    expect(JSON.stringify(state)).toBe(frozen);
  });
});
