import { describe, expect, it } from 'vitest';
import { makeConfig, say, started, T0 } from '../test/fixtures.ts';

const uncovered = [
  { id: 'scale', weight: 2 },
  { id: 'latency', weight: 3 },
];

describe('personas', () => {
  it('a tough interviewer cuts a long answer without a choice short, once per step', () => {
    const tough = started(makeConfig({ persona: 'tough' }));
    const first = say(tough, T0 + 1, { intent: 'answer', uncovered, rambling: true });
    expect(first.reply).toMatchObject({ kind: 'interrupt' });
    const second = say(first.state, T0 + 2, { intent: 'answer', uncovered, rambling: true });
    expect(second.reply?.kind).not.toBe('interrupt');
  });

  it('a neutral interviewer lets the same answer run', () => {
    const neutral = started(makeConfig({ persona: 'neutral' }));
    const reply = say(neutral, T0 + 1, { intent: 'answer', uncovered, rambling: true }).reply;
    expect(reply?.kind).toBe('acknowledge');
  });

  it('a tough interviewer presses on the first answer of a step; a neutral one lets it be laid out', () => {
    const tough = say(started(makeConfig({ persona: 'tough' })), T0 + 1, { intent: 'answer', uncovered });
    expect(tough.reply).toMatchObject({ kind: 'probe', pointId: 'latency' });
    const neutral = say(started(makeConfig()), T0 + 1, { intent: 'answer', uncovered });
    expect(neutral.reply?.kind).toBe('acknowledge');
  });

  it('a supportive interviewer offers one free hint where it would only acknowledge', () => {
    let state = started(makeConfig({ persona: 'supportive', maxProbesPerStep: 0 }));
    state = say(state, T0 + 1, { intent: 'answer', uncovered }).state;
    const second = say(state, T0 + 2, { intent: 'answer', uncovered });
    expect(second.reply).toMatchObject({ kind: 'hint', level: 1, pointId: 'latency' });
    const third = say(second.state, T0 + 3, { intent: 'answer', uncovered });
    expect(third.reply?.kind).toBe('acknowledge');
    // A free hint is not counted: the candidate's first asked-for hint still only rephrases.
    const asked = say(third.state, T0 + 4, { intent: 'hint', uncovered });
    expect(asked.reply).toMatchObject({ kind: 'hint', level: 1 });
  });
});
