import { allowedMoves, createConfig, messageReading, startInterview, transition } from '@mlsd/engine';
import { type FakeOpenAi, startFakeOpenAi } from '@mlsd/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planWithModel } from './plan.ts';
import { fakeModelClient, loadCase, repoPrompts } from './testing/fixtures.ts';

const { caseStudy, framework } = loadCase();
const prompts = repoPrompts();
const T0 = Date.UTC(2026, 0, 5, 9);

describe('the model reads a message and proposes the move', () => {
  let fake: FakeOpenAi;
  beforeEach(async () => {
    fake = await startFakeOpenAi(() => ({ kind: 'text', text: '{}' }));
  });
  afterEach(() => fake.close());

  const client = () => fakeModelClient(fake.url);
  const text = 'I would just aim for high accuracy here, and use a two tower model for ranking.';
  const flag = caseStudy.steps.evaluation.redFlags[0]!;
  const offline = messageReading({
    uncovered: [{ id: caseStudy.steps.requirements.points[0]!.id, weight: 3 }],
  });
  const plan = (reply: object | string) => {
    fake.setScript(() => ({ kind: 'text', text: typeof reply === 'string' ? reply : JSON.stringify(reply) }));
    return planWithModel(
      client(),
      { model: 'm', prompts },
      {
        caseStudy,
        framework,
        step: 'requirements',
        text,
        offline,
        allowed: [{ kind: 'acknowledge' }],
      },
    );
  };

  it('takes a valid plan: intent, red flags with true quotes, the proposed move', async () => {
    const outcome = await plan({
      intent: 'answer',
      facts: [],
      covered: [{ id: 'p1', quote: 'aim for high accuracy' }],
      redFlags: [{ id: flag.id, quote: 'aim for high accuracy' }],
      move: { kind: 'challenge', target: flag.id },
    });
    expect(outcome.ok).toBe(true);
    expect(outcome.reading.redFlags).toEqual([flag.id]);
    expect(outcome.reading.preferred).toEqual({ kind: 'challenge', target: flag.id });
    expect(outcome.reading.named).toContain(caseStudy.steps.requirements.points[0]!.id);
    expect(outcome.reading.uncovered).toEqual([]);
    // The prompt names points by neutral ids and probe questions, never by their titles.
    const sent = fake.requests[0]!.messages.map((m) => m.content).join('\n');
    for (const point of caseStudy.steps.requirements.points) expect(sent).not.toContain(point.title);
    expect(sent).toContain('p1 (open)');
  });

  it('drops quotes the candidate never wrote and ids the case does not have', async () => {
    const outcome = await plan({
      intent: 'answer',
      covered: [
        { id: 'p2', quote: 'we calibrate with isotonic regression' },
        { id: 'p99', quote: 'two tower' },
      ],
      redFlags: [
        { id: 'no-such-flag', quote: 'high accuracy' },
        { id: flag.id, quote: 'accuracy is all we need' },
      ],
    });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.reading.redFlags).toEqual([]);
    expect(outcome.reading.named).toEqual([]);
    expect(outcome.dropped.length).toBe(4);
  });

  it('retries once on an invalid reply, then keeps the offline reading', async () => {
    let calls = 0;
    fake.setScript(() => {
      calls++;
      return {
        kind: 'text',
        text: calls === 1 ? 'Sure! Here is my plan: probe p1' : '{"intent": "dancing"}',
      };
    });
    const outcome = await planWithModel(
      client(),
      { model: 'm', prompts },
      {
        caseStudy,
        framework,
        step: 'requirements',
        text,
        offline,
        allowed: [],
      },
    );
    expect(calls).toBe(2);
    expect(outcome.ok).toBe(false);
    expect(outcome.reading).toBe(offline);
    expect(fake.requests[1]!.messages.at(-1)!.content).toMatch(/not valid: it is not JSON/);
  });

  it('does not end the interview on the model word alone', async () => {
    const outcome = await plan({ intent: 'stop' });
    expect(outcome.reading.intent).toBe('answer');
  });

  it('proposes a move the engine refuses when not allowed: the engine keeps its own choice', async () => {
    const outcome = await plan({ intent: 'answer', move: { kind: 'curveball' } });
    const config = createConfig(framework, caseStudy);
    let state = transition(startInterview(config, T0).state, { type: 'interviewer-done' }, T0).state;
    expect(allowedMoves(state, outcome.reading, T0 + 1).some((move) => move.kind === 'curveball')).toBe(
      false,
    );
    const next = transition(state, { type: 'candidate-message', reading: outcome.reading }, T0 + 1);
    state = next.state;
    const moves = next.effects.flatMap((e) => (e.type === 'interviewer-move' ? [e.move.kind] : []));
    expect(moves).toEqual(['acknowledge']);
  });
});
