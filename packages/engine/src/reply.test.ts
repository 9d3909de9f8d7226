import { describe, expect, it } from 'vitest';
import { BUDGETS, makeConfig, message, moves, say, started, T0 } from '../test/fixtures.ts';
import { allowedMoves, currentStep, transition } from './machine.ts';
import { messageReading } from './reading.ts';
import { TURN_BACK } from './reply.ts';
import type { EngineState } from './state.ts';

const uncovered = [
  { id: 'scale', weight: 2 },
  { id: 'latency', weight: 3 },
];
const done = (state: EngineState, now: number) => transition(state, { type: 'interviewer-done' }, now);
const facts = (found: string[], unanswered: string[] = []) => ({ found, unanswered, ambiguous: [] });

/** Moves to the step at `index` by asking to move on. */
function atStep(index: number, state = started()): EngineState {
  let current = state;
  for (let i = 0; i < index; i++)
    current = done(transition(current, { type: 'move-on' }, T0).state, T0).state;
  return current;
}

describe('facts', () => {
  it('gives a fact in full once, then as a reminder', () => {
    const first = say(started(), T0 + 1, { intent: 'facts', facts: facts(['scale', 'latency']) });
    expect(first.reply).toMatchObject({
      kind: 'answer-facts',
      facts: [
        { id: 'scale', repeat: false },
        { id: 'latency', repeat: false },
      ],
    });
    const again = say(first.state, T0 + 2, { intent: 'facts', facts: facts(['latency']) });
    expect(again.reply).toMatchObject({ kind: 'answer-facts', facts: [{ id: 'latency', repeat: true }] });
  });

  it('reminds of a fact given before that an answer checks in passing, and replies to the answer', () => {
    const first = say(started(), T0 + 1, { intent: 'facts', facts: facts(['latency']) });
    const checked = { intent: 'facts', alsoAnswers: true, answersAtLength: true, uncovered } as const;
    const again = say(first.state, T0 + 2, { ...checked, facts: facts(['latency']) });
    expect(again.reply.kind).not.toBe('answer-facts');
    expect(again.reply.reminds).toEqual(['latency']);
    // A fact not given yet is given, whatever the answer beside it.
    const fresh = say(first.state, T0 + 2, { ...checked, facts: facts(['scale']) });
    expect(fresh.reply).toMatchObject({ kind: 'answer-facts', facts: [{ id: 'scale', repeat: false }] });
    // A short aside beside the question is no answer to reply to.
    const short = say(first.state, T0 + 2, { intent: 'facts', alsoAnswers: true, facts: facts(['latency']) });
    expect(short.reply).toMatchObject({ kind: 'answer-facts' });
  });

  it('pushes back once more on a red flag said again in a later part, never twice in one part', () => {
    const claim = { intent: 'answer' as const, redFlags: ['accuracy-on-rare'] };
    const first = say(started(), T0 + 1, claim);
    expect(first.reply).toMatchObject({ kind: 'challenge', flagId: 'accuracy-on-rare' });
    expect(first.reply).not.toHaveProperty('again');
    expect(say(first.state, T0 + 2, claim).reply.kind).not.toBe('challenge');
    const later = say(atStep(3, first.state), T0 + 3, claim);
    expect(later.reply).toMatchObject({ kind: 'challenge', flagId: 'accuracy-on-rare', again: true });
    expect(say(atStep(2, later.state), T0 + 4, claim).reply.kind).not.toBe('challenge');
  });

  it('corrects a figure stated wrongly once a session, after any push-back, as a reminder when given before', () => {
    const misquote = { factId: 'scale', said: '10M users', sentence: 'About 200 million users.' };
    const claim = { intent: 'answer' as const, misquotes: [misquote] };
    const asked = say(started(), T0 + 1, { intent: 'facts', facts: facts(['scale']) });
    const first = say(asked.state, T0 + 2, claim);
    expect(first.reply).toMatchObject({
      kind: 'answer-facts',
      facts: [
        { id: 'scale', repeat: true, corrects: { said: '10M users', sentence: 'About 200 million users.' } },
      ],
    });
    expect(first.state.corrected).toEqual(['scale']);
    // Said wrongly again, it is not put right a second time: the interview goes on.
    expect(say(first.state, T0 + 3, claim).reply.kind).not.toBe('answer-facts');
    // A red flag in the same message is pushed back on first.
    const flagged = say(started(), T0 + 1, { ...claim, redFlags: ['accuracy-on-rare'] });
    expect(flagged.reply).toMatchObject({ kind: 'challenge', flagId: 'accuracy-on-rare' });
  });

  it('asks for a sum worked out wrongly to be checked, once a step, before anything new', () => {
    const claim = {
      intent: 'answer' as const,
      miscalculation: { said: '1% of 12.5 million, so 1.25 million' },
    };
    const first = say(started(), T0 + 1, claim);
    expect(first.reply).toMatchObject({
      kind: 'challenge',
      flagId: 'miscalculation',
      sum: '1% of 12.5 million, so 1.25 million',
    });
    expect(say(first.state, T0 + 2, claim).reply.kind).not.toBe('challenge');
    expect(say(atStep(1, first.state), T0 + 3, claim).reply).toMatchObject({ kind: 'challenge' });
  });

  it('asks for a measure defined as another to be checked, once a step', () => {
    const claim = {
      intent: 'answer' as const,
      misdefinition: { term: 'recall', said: 'recall, meaning of all we flagged, how many were real' },
    };
    const first = say(started(), T0 + 1, claim);
    expect(first.reply).toMatchObject({
      kind: 'challenge',
      flagId: 'misdefined-measure',
      definition: { term: 'recall' },
    });
    expect(say(first.state, T0 + 2, claim).reply.kind).not.toBe('challenge');
  });

  it('concedes a disputed push-back whose argument holds, and says one that does not stands', () => {
    const state = say(started(), T0 + 1, { premisesHeld: [] }).state;
    expect(say(state, T0 + 2, { rebuttal: { holds: true } }).reply).toMatchObject({
      kind: 'acknowledge',
      rebuttal: 'conceded',
    });
    expect(say(state, T0 + 2, { rebuttal: { holds: false } }).reply).toMatchObject({
      kind: 'acknowledge',
      rebuttal: 'stands',
    });
  });

  it('owns the slip when told the question was answered already, before anything new', () => {
    const state = say(started(), T0 + 1, { premisesHeld: [] }).state;
    const told = say(state, T0 + 2, { answeredAlready: true, sidestep: { pointId: 'latency' } });
    expect(told.reply).toMatchObject({ kind: 'acknowledge', answeredAlready: true });
  });

  it("owns a question that put words in the candidate's mouth, before anything new", () => {
    const state = say(started(), T0 + 1, { premisesHeld: [] }).state;
    const told = say(state, T0 + 2, { neverSaid: true, sidestep: { pointId: 'latency' } });
    expect(told.reply).toMatchObject({ kind: 'acknowledge', neverSaid: true });
  });

  it('asks a question answered with something else once more, once a step and not in its last minute', () => {
    let state = say(started(), T0 + 1, { premisesHeld: [] }).state;
    const aside = say(state, T0 + 2, { sidestep: { pointId: 'latency' } });
    expect(aside.reply).toMatchObject({ kind: 'probe', pointId: 'latency', sidestepped: true });
    state = aside.state;
    expect(say(state, T0 + 3, { sidestep: { pointId: 'scale' } }).reply).not.toHaveProperty('sidestepped');
    const closing = say(started(), T0 + BUDGETS.requirements - 30_000, { sidestep: { pointId: 'latency' } });
    expect(closing.reply).not.toHaveProperty('sidestepped');
  });

  it('pushes back first on a red flag stated beside a question, once', () => {
    const claim = {
      intent: 'facts' as const,
      facts: facts(['scale']),
      alsoAnswers: true,
      redFlags: ['accuracy-on-rare'],
    };
    const first = say(started(), T0 + 1, claim);
    expect(first.reply).toMatchObject({ kind: 'challenge', flagId: 'accuracy-on-rare' });
    // Asked again, the fact is given: the flag was pushed back on already.
    const again = say(first.state, T0 + 2, claim);
    expect(again.reply).toMatchObject({ kind: 'answer-facts', facts: [{ id: 'scale', repeat: false }] });
    // A question that states nothing gets its fact, whatever flag its words touch.
    const asked = say(started(), T0 + 1, { ...claim, alsoAnswers: false });
    expect(asked.reply.kind).toBe('answer-facts');
  });

  it('explains a term asked about, for a question or a request for help, not for a proposal', () => {
    for (const intent of ['facts', 'hint', 'stuck'] as const) {
      const result = say(started(), T0 + 1, { intent, facts: facts([]), defines: ['MMoE'] });
      expect(result.reply).toMatchObject({ kind: 'define', terms: ['MMoE'], late: false });
      // No hint is spent on it.
      expect(result.state.steps[0]?.hints).toBe(0);
    }
    const proposal = say(started(), T0 + 1, { intent: 'answer', facts: facts([]), defines: ['MMoE'] });
    expect(proposal.reply.kind).not.toBe('define');
  });

  it('asks for an assumption only when no fact fits, and says which part', () => {
    const reply = say(started(), T0 + 1, { intent: 'facts', facts: facts([], ['is it multilingual']) }).reply;
    expect(reply).toMatchObject({ kind: 'clarify', reason: 'no-fact', unanswered: ['is it multilingual'] });
    const partly = say(started(), T0 + 1, { intent: 'facts', facts: facts(['scale'], ['budget']) }).reply;
    expect(partly).toMatchObject({ kind: 'answer-facts', unanswered: ['budget'] });
  });

  it('counts a message that asks and answers as an answer too', () => {
    const state = say(started(), T0 + 1, {
      intent: 'facts',
      alsoAnswers: true,
      facts: facts(['scale']),
    }).state;
    expect(currentStep(state).answers).toBe(1);
  });
});

describe('hints', () => {
  it('are graduated: the question again, an open area, then the concept, then the next open area', () => {
    let state = started();
    const levels: unknown[] = [];
    for (let i = 1; i <= 4; i++) {
      const step = say(state, T0 + i, { intent: i % 2 ? 'hint' : 'stuck', uncovered });
      levels.push(step.reply.kind === 'hint' ? [step.reply.level, step.reply.pointId] : step.reply.kind);
      state = step.state;
    }
    expect(levels).toEqual([
      [1, 'latency'],
      [2, 'latency'],
      [3, 'latency'],
      // The concept is not named twice: the next open point gets its pointer.
      [2, 'scale'],
    ]);
  });

  it('start again in a new step', () => {
    let state = say(started(), T0 + 1, { intent: 'hint', uncovered }).state;
    state = atStep(1, state);
    expect(say(state, T0 + 2, { intent: 'hint', uncovered }).reply).toMatchObject({ kind: 'hint', level: 1 });
  });

  it('put the question another way when asked what it means, counting no hint', () => {
    const asked = say(started(), T0 + 1, { intent: 'hint', rephraseAsked: true, uncovered });
    expect(asked.reply).toMatchObject({ kind: 'redirect', reason: 'meta' });
    // The first real request for help is still the first hint.
    expect(say(asked.state, T0 + 2, { intent: 'hint', uncovered }).reply).toMatchObject({
      kind: 'hint',
      level: 1,
    });
  });

  it('never bring a curveball to a stuck candidate', () => {
    let state = atStep(2);
    for (let i = 1; i <= 4; i++) {
      const step = say(state, T0 + i, { intent: 'stuck', uncovered });
      expect(step.reply.kind).toBe('hint');
      state = step.state;
    }
    expect(state.curveballsThrown).toEqual([]);
  });
});

describe('a hint on a topic the candidate named', () => {
  it('points at that topic; on a point already probed, another angle first and the concept next', () => {
    const asked = say(started(), T0 + 1, { intent: 'hint', raised: ['scale'], uncovered });
    expect(asked.reply).toMatchObject({ kind: 'hint', level: 2, pointId: 'scale' });
    const state = say(say(started(), T0 + 1, { uncovered }).state, T0 + 2, { uncovered }).state;
    expect(currentStep(state).probed).toContain('latency');
    const again = say(state, T0 + 3, { intent: 'hint', raised: ['latency'], uncovered });
    expect(again.reply).toMatchObject({ kind: 'hint', level: 2, pointId: 'latency' });
    const third = say(again.state, T0 + 4, { intent: 'stuck', raised: ['latency'], uncovered });
    expect(third.reply).toMatchObject({ kind: 'hint', level: 3, pointId: 'latency' });
  });

  it('goes one level further when asked again on the same topic, never the same pointer twice', () => {
    const first = say(started(), T0 + 1, { intent: 'hint', raised: ['scale'], uncovered });
    expect(first.reply).toMatchObject({ kind: 'hint', level: 2, pointId: 'scale' });
    const second = say(first.state, T0 + 2, { intent: 'hint', raised: ['scale'], uncovered });
    expect(second.reply).toMatchObject({ kind: 'hint', level: 3, pointId: 'scale' });
  });
});

describe('challenges', () => {
  it('push back once per red flag, even on the first answer of a step', () => {
    const first = say(started(), T0 + 1, { redFlags: ['accuracy'], uncovered });
    expect(first.reply).toMatchObject({ kind: 'challenge', flagId: 'accuracy' });
    const again = say(first.state, T0 + 2, { redFlags: ['accuracy'], uncovered });
    expect(again.reply.kind).not.toBe('challenge');
  });
});

describe('follow-ups', () => {
  it('ask about a technique the candidate just named before a new checklist point', () => {
    let state = say(started(), T0 + 1, { uncovered }).state;
    const step = say(state, T0 + 2, { named: ['two-tower'], uncovered });
    expect(step.reply).toMatchObject({ kind: 'follow-up', pointId: 'two-tower', angle: 'why' });
    state = step.state;
    // Not the same point twice, and the next angle differs.
    const next = say(state, T0 + 3, { named: ['two-tower', 'hard-negatives'], uncovered });
    expect(next.reply).toMatchObject({ kind: 'follow-up', pointId: 'hard-negatives', angle: 'cost' });
    const probe = say(next.state, T0 + 4, { named: ['x'], uncovered });
    expect(probe.reply).toMatchObject({ kind: 'probe', pointId: 'latency' });
  });
});

describe('probes', () => {
  it("ask the case's own open points before the framework's, whatever their weights", () => {
    const mixed = [
      { id: 'task-type', weight: 3, general: true },
      { id: 'scale', weight: 2 },
    ];
    const state = say(started(), T0 + 1, { uncovered: mixed }).state;
    expect(say(state, T0 + 2, { uncovered: mixed }).reply).toMatchObject({ kind: 'probe', pointId: 'scale' });
    const onlyGeneral = [{ id: 'task-type', weight: 3, general: true }];
    expect(say(state, T0 + 2, { uncovered: onlyGeneral }).reply).toMatchObject({
      kind: 'probe',
      pointId: 'task-type',
    });
  });

  it('are not asked in the last half minute of a step, when there is no time to answer', () => {
    const state = say(started(), T0 + 1, { uncovered }).state;
    const late = say(state, T0 + BUDGETS.requirements - 20_000, { uncovered });
    expect(late.reply.kind).toBe('acknowledge');
    const earlier = say(state, T0 + BUDGETS.requirements - 40_000, { uncovered });
    expect(earlier.reply).toMatchObject({ kind: 'probe', pointId: 'latency' });
  });
});

describe('a topic the candidate raised', () => {
  it('is put back to them as a probe, even on the first message of a step', () => {
    const first = say(started(), T0 + 1, { intent: 'tentative', raised: ['scale'], uncovered });
    expect(first.reply).toMatchObject({ kind: 'probe', pointId: 'scale', raised: true });
    // Asked about again once probed: the next message gets the usual choice.
    const again = say(first.state, T0 + 2, { intent: 'tentative', raised: ['scale'], uncovered });
    expect(again.reply).not.toMatchObject({ pointId: 'scale' });
  });

  it('an idea put up for a verdict is answered on the first message of a step, a statement only acknowledged', () => {
    const put = say(started(), T0 + 1, { intent: 'tentative', uncovered });
    expect(put.reply).toMatchObject({ kind: 'probe', pointId: 'latency' });
    const stated = say(started(), T0 + 1, { intent: 'answer', uncovered });
    expect(stated.reply.kind).toBe('acknowledge');
  });

  it('an idea put up for a verdict with nothing to follow up on is handed back, once a step', () => {
    const first = say(started(), T0 + 1, { intent: 'tentative', awaitsVerdict: true, uncovered });
    expect(first.reply).toMatchObject({ kind: 'acknowledge', turnBack: true });
    const again = say(first.state, T0 + 2, { intent: 'tentative', awaitsVerdict: true, uncovered });
    expect(again.reply).toMatchObject({ kind: 'probe', pointId: 'latency' });
    // Something of the idea to follow up on comes first.
    const named = say(atStep(2), T0 + 1, {
      intent: 'tentative',
      awaitsVerdict: true,
      named: ['scale'],
      uncovered,
    });
    expect(named.reply).toMatchObject({ kind: 'follow-up', pointId: 'scale' });
  });

  it('"yes" to "anything to add?" hands the floor back and brings up nothing new', () => {
    const wants = say(atStep(2), T0 + 1, { intent: 'answer', wantsFloor: true, uncovered });
    expect(wants.reply).toMatchObject({ kind: 'clarify', reason: 'unclear' });
  });

  it('a move asked back to a part done, or to the part under way, is not made', () => {
    const back = say(atStep(4), T0 + 1, { intent: 'move-on', towardStep: 'model' });
    expect(back.reply).toMatchObject({ kind: 'clarify', reason: 'step-order', toward: 'model' });
    expect(back.state.stepIndex).toBe(4);
    const here = say(atStep(4), T0 + 1, { intent: 'move-on', towardStep: 'evaluation' });
    expect(here.reply).toMatchObject({ kind: 'clarify', reason: 'step-order', toward: 'evaluation' });
    expect(here.state.stepIndex).toBe(4);
  });

  it('a move asked to a later part goes to the next one in order and says the asked part comes later', () => {
    const ahead = say(started(), T0 + 1, { intent: 'move-on', towardStep: 'evaluation' });
    expect(ahead.reply).toMatchObject({ kind: 'move-on', nextStep: 'framing', asked: 'evaluation' });
    expect(ahead.state.stepIndex).toBe(1);
    expect(ahead.state.moveOnToward).toBeNull();
    // The next part named is the plain move on.
    const next = say(started(), T0 + 1, { intent: 'move-on', towardStep: 'framing' });
    expect(next.reply).toMatchObject({ kind: 'move-on', nextStep: 'framing' });
    expect(next.reply).not.toHaveProperty('asked');
  });

  it('"does that answer your question?" is told whether it did, never put off as an aside', () => {
    const yes = say(atStep(2), T0 + 1, {
      intent: 'meta',
      answeredAsked: { pointId: 'scale', covered: true },
      uncovered,
    });
    expect(yes.reply).toMatchObject({ kind: 'acknowledge', answered: 'yes' });
    const partly = say(atStep(2), T0 + 1, {
      intent: 'meta',
      answeredAsked: { pointId: 'scale', covered: false },
      uncovered,
    });
    expect(partly.reply).toMatchObject({ kind: 'acknowledge', answered: 'partly', pointId: 'scale' });
    // After the step's opening question, no single point: a plain acknowledgement.
    const opened = say(atStep(2), T0 + 1, { intent: 'meta', answeredAsked: { covered: false }, uncovered });
    expect(opened.reply).toMatchObject({ kind: 'acknowledge' });
    expect(opened.reply).not.toHaveProperty('answered');
    // Closing an answer: said before anything new, after a push-back on a red flag.
    const closing = {
      intent: 'answer' as const,
      answeredAsked: { pointId: 'scale', covered: true },
      uncovered,
    };
    expect(say(atStep(2), T0 + 1, closing).reply).toMatchObject({ kind: 'acknowledge', answered: 'yes' });
    const flagged = say(atStep(2), T0 + 1, { ...closing, redFlags: ['accuracy-on-rare'] });
    expect(flagged.reply).toMatchObject({ kind: 'challenge' });
  });

  it('says the time left and the parts to come when the clock is asked, first, whatever the reply', () => {
    // Asked beside an answer, in the third of seven parts: the reply to the answer carries the clock.
    const answered = say(atStep(2), T0 + 1, { intent: 'answer', asksClock: true, uncovered });
    const budgets = Object.values(BUDGETS);
    const after = budgets.slice(3).reduce((sum, ms) => sum + ms, 0);
    expect(answered.reply.clock).toEqual({
      stepRemainingMs: budgets[2]! - 1,
      partsAfter: 4,
      totalRemainingMs: budgets[2]! - 1 + after,
    });
    // Asked alone: the redirect carries it; in the last part, no part follows.
    const alone = say(atStep(6), T0 + 1, { intent: 'meta', asksClock: true, uncovered });
    expect(alone.reply).toMatchObject({ kind: 'redirect', clock: { partsAfter: 0 } });
    // Not asked: no clock; asked after the step's time is up, the reply says the time is up instead.
    expect(say(atStep(2), T0 + 1, { intent: 'answer', uncovered }).reply.clock).toBeUndefined();
    const late = say(atStep(2), T0 + budgets[2]! + 1, { intent: 'answer', asksClock: true, uncovered });
    expect(late.reply.clock).toBeUndefined();
  });

  it('"why does that matter?" is told why the question is asked, not redirected', () => {
    const why = say(atStep(2), T0 + 1, { intent: 'meta', challengesQuestion: true, uncovered });
    expect(why.reply).toMatchObject({ kind: 'clarify', reason: 'why-asked' });
    // Any other aside is still redirected.
    expect(say(atStep(2), T0 + 1, { intent: 'meta', uncovered }).reply.kind).toBe('redirect');
  });

  it('a bare yes or no to a yes-or-no question is asked why, once a step', () => {
    const first = say(atStep(2), T0 + 1, { intent: 'answer', unexplained: true, uncovered });
    expect(first.reply).toMatchObject({ kind: 'clarify', reason: 'unclear' });
    const again = say(first.state, T0 + 2, { intent: 'answer', unexplained: true, uncovered });
    expect(again.reply.kind).not.toBe('clarify');
  });

  it('offers a model both the hand-back and the plain acknowledgement', () => {
    const reading = { intent: 'tentative' as const, awaitsVerdict: true, uncovered };
    const allowed = allowedMoves(started(), messageReading(reading), T0 + 1);
    expect(allowed).toContainEqual({ kind: 'acknowledge', target: TURN_BACK });
    expect(allowed).toContainEqual({ kind: 'acknowledge' });
    const plain = say(started(), T0 + 1, { ...reading, preferred: { kind: 'acknowledge' } });
    expect(plain.reply).toMatchObject({ kind: 'acknowledge' });
    expect(plain.reply).not.toHaveProperty('turnBack');
  });

  it('is not probed once covered (only open points are raised)', () => {
    const reply = say(started(), T0 + 1, { raised: ['budget'], uncovered }).reply;
    expect(reply.kind).toBe('acknowledge');
  });
});

describe('curveballs', () => {
  it('come only when their premise holds', () => {
    let state = atStep(2);
    const replies: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const step = say(state, T0 + i, { premisesHeld: i === 3 ? ['consent-change'] : [] });
      replies.push(step.reply.kind);
      state = step.state;
    }
    expect(replies).toEqual(['acknowledge', 'acknowledge', 'curveball']);
  });

  it('are not thrown in the closing minute of a step, when the timer would cut the answer off', () => {
    let state = atStep(2);
    state = say(state, T0 + 1, { premisesHeld: [] }).state;
    state = say(state, T0 + 2, { premisesHeld: [] }).state;
    const late = say(state, T0 + BUDGETS.data - 50_000, { premisesHeld: ['consent-change'] });
    expect(late.reply.kind).not.toBe('curveball');
    expect(late.state.curveballsThrown).toEqual([]);
    // With more than a minute left, the same message brings it.
    const early = say(state, T0 + BUDGETS.data - 70_000, { premisesHeld: ['consent-change'] });
    expect(early.reply.kind).toBe('curveball');
  });

  it('wait while an idea put up as a question gets its follow-up', () => {
    let state = atStep(2);
    state = say(state, T0 + 1, { premisesHeld: [] }).state;
    state = say(state, T0 + 2, { premisesHeld: [] }).state;
    const asked = say(state, T0 + 3, {
      intent: 'tentative',
      named: ['two-tower'],
      premisesHeld: ['consent-change'],
    });
    expect(asked.reply).toMatchObject({ kind: 'follow-up', pointId: 'two-tower' });
    const stated = say(state, T0 + 3, { named: ['two-tower'], premisesHeld: ['consent-change'] });
    expect(stated.reply.kind).toBe('curveball');
  });
});

describe('a curveball the candidate goes past', () => {
  function thrown() {
    let state = atStep(2);
    state = say(state, T0 + 1, { premisesHeld: [] }).state;
    state = say(state, T0 + 2, { premisesHeld: [] }).state;
    const ball = say(state, T0 + 3, { premisesHeld: ['consent-change'] });
    expect(ball.reply.kind).toBe('curveball');
    return ball.state;
  }

  it('is put again, once, when the candidate asks to go on without a word on it', () => {
    const skip = say(thrown(), T0 + 4, { intent: 'move-on' });
    expect(skip.reply).toMatchObject({ kind: 'curveball', curveballId: 'consent-change', again: true });
    expect(say(skip.state, T0 + 5, { intent: 'move-on' }).reply.kind).toBe('move-on');
  });

  it('is put again, once, when the answer is about something else', () => {
    const aside = say(thrown(), T0 + 4, { sidestep: { curveballId: 'consent-change' } });
    expect(aside.reply).toMatchObject({ kind: 'curveball', curveballId: 'consent-change', again: true });
    const again = say(aside.state, T0 + 5, { sidestep: { curveballId: 'consent-change' } });
    expect(again.reply.kind).not.toBe('curveball');
  });

  it('is put again, once, when the candidate waves it away', () => {
    const waved = say(thrown(), T0 + 4, { dismissesCurveball: true });
    expect(waved.reply).toMatchObject({
      kind: 'curveball',
      curveballId: 'consent-change',
      again: true,
      waved: true,
    });
    expect(say(waved.state, T0 + 5, { dismissesCurveball: true }).reply.kind).not.toBe('curveball');
    // Heard as being at a loss, a stance on the change is still a stance: no hint.
    const stance = say(thrown(), T0 + 4, { intent: 'stuck', dismissesCurveball: true });
    expect(stance.reply).toMatchObject({ kind: 'curveball', waved: true });
  });

  it('is not put again after an answer, or when the request comes with one', () => {
    const answered = say(thrown(), T0 + 4, {});
    expect(say(answered.state, T0 + 5, { intent: 'move-on' }).reply.kind).toBe('move-on');
    expect(say(thrown(), T0 + 4, { intent: 'move-on', alsoAnswers: true }).reply.kind).toBe('move-on');
  });
});

describe('what the candidate asks of the interview', () => {
  it('moves on when asked, and ends when asked to stop', () => {
    const moved = transition(started(), message({ intent: 'move-on' }), T0 + 1);
    expect(moves(moved.effects).map((move) => move.kind)).toEqual(['move-on', 'opening']);
    expect(currentStep(moved.state).id).toBe('framing');
    const stopped = transition(started(), message({ intent: 'stop' }), T0 + 1);
    expect(stopped.state.status).toBe('ended');
    expect(stopped.state.endReason).toBe('ended-early');
  });

  it('redirects meta, off-topic and grader-steering messages with the time left', () => {
    for (const intent of ['meta', 'off-topic', 'steer'] as const) {
      const reply = say(started(), T0 + 60_000, { intent, uncovered }).reply;
      expect(reply).toEqual(
        expect.objectContaining({
          kind: 'redirect',
          reason: intent,
          stepRemainingMs: BUDGETS.requirements - 60_000,
        }),
      );
    }
  });

  it('lets a redirect that says the time left near the end stand in for the one-minute warning', () => {
    const nearEnd = T0 + BUDGETS.requirements - 70_000;
    const told = say(started(), nearEnd, { intent: 'meta', uncovered });
    expect(told.state.steps[0]?.warned).toBe(true);
    // Early in the step, the warning still comes later.
    expect(say(started(), T0 + 60_000, { intent: 'meta', uncovered }).state.steps[0]?.warned).toBe(false);
  });

  it('asks to rephrase a message it could not read', () => {
    expect(say(started(), T0 + 1, { intent: 'unclear' }).reply).toMatchObject({
      kind: 'clarify',
      reason: 'unclear',
    });
  });

  it('does not offer a next part on the last step', () => {
    const last = atStep(6, started(makeConfig()));
    expect(currentStep(last).id).toBe('monitoring');
    expect(say(last, T0 + 1).reply).toMatchObject({ kind: 'acknowledge', lastStep: true });
  });
});

describe('a model reader proposing the move', () => {
  it('gets an allowed move it prefers', () => {
    const state = say(started(), T0 + 1, { uncovered }).state;
    const reply = say(state, T0 + 2, {
      named: ['two-tower'],
      uncovered,
      preferred: { kind: 'probe', target: 'scale' },
    }).reply;
    expect(reply).toMatchObject({ kind: 'probe', pointId: 'scale' });
  });

  it('is ignored when it asks for a move the engine does not allow now', () => {
    const state = say(started(), T0 + 1, { uncovered }).state;
    for (const preferred of [
      { kind: 'challenge' as const, target: 'accuracy' },
      { kind: 'curveball' as const },
      { kind: 'probe' as const, target: 'not-open' },
    ]) {
      const reply = say(state, T0 + 2, { uncovered, preferred }).reply;
      expect(reply).toMatchObject({ kind: 'probe', pointId: 'latency' });
    }
  });
});

describe('allowedMoves', () => {
  it('lists the replies an answer may get now, without changing the state', async () => {
    const { allowedMoves } = await import('./machine.ts');
    const state = say(started(), T0 + 1, { uncovered }).state;
    const frozen = JSON.stringify(state);
    const reading = { ...message({ redFlags: ['accuracy'], named: ['two-tower'], uncovered }) };
    if (reading.type !== 'candidate-message') throw new Error('not a message');
    expect(allowedMoves(state, reading.reading, T0 + 2)).toEqual([
      { kind: 'challenge', target: 'accuracy' },
      { kind: 'follow-up', target: 'two-tower' },
      { kind: 'probe', target: 'latency' },
      { kind: 'probe', target: 'scale' },
      { kind: 'acknowledge' },
    ]);
    expect(JSON.stringify(state)).toBe(frozen);
  });
});
