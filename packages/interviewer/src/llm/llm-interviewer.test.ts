import type { InterviewerMove } from '@mlsd/engine';
import { countTokens, LlmError } from '@mlsd/llm';
import { type FakeOpenAi, startFakeOpenAi } from '@mlsd/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { glossaryEntry } from '../glossary/glossary.ts';
import type { TranscriptLine } from '../interviewer.ts';
import { createOfflineInterviewer, voiceOffline } from '../offline.ts';
import { createModelVoice } from './fallback.ts';
import { createLlmInterviewer, type LlmSpeakRequest } from './llm-interviewer.ts';
import type { RequestRecord } from './request-record.ts';
import { stablePromptFor } from './stable-prompt.ts';
import { fakeModelClient, loadCase, repoPrompts } from './testing/fixtures.ts';

const { caseStudy, framework } = loadCase();
const prompts = repoPrompts();
const point = caseStudy.steps.evaluation.points[0]!;

const transcript: TranscriptLine[] = [
  { role: 'interviewer', text: 'Thanks for joining. Here is the problem.' },
  { role: 'candidate', text: 'I would frame it as predicting the click probability for each impression.' },
  { role: 'interviewer', text: 'How would you evaluate it offline?' },
  { role: 'candidate', text: 'I would use AUC on a held-out day of impressions.' },
];

function request(move: InterviewerMove, lines = transcript): LlmSpeakRequest {
  return {
    caseStudy,
    framework,
    move,
    transcript: lines,
    seed: 3,
    uncovered: [point.id],
    stepRemainingMs: 180_000,
  };
}

const probe: InterviewerMove = { index: 4, step: 'evaluation', kind: 'probe', pointId: point.id };

describe('the model interviewer against a local OpenAI-compatible server', () => {
  let fake: FakeOpenAi;
  let records: RequestRecord[];
  const make = (overrides: { contextTokens?: number; streamIdleMs?: number } = {}) =>
    createLlmInterviewer({
      client: fakeModelClient(fake.url, {
        streamIdleMs: overrides.streamIdleMs ?? 300,
        maxRetries: 1,
        maxRetryWaitMs: 1_000,
        cachePrompt: true,
      }),
      prompts,
      model: 'fake-model',
      contextTokens: overrides.contextTokens ?? null,
      onRequest: (record) => records.push(record),
    });

  beforeEach(async () => {
    fake = await startFakeOpenAi();
    records = [];
  });
  afterEach(() => fake.close());

  it('streams a probe as it arrives and returns the words with the probed point', async () => {
    const line =
      'How would you know that the numbers your model produces can be trusted by the auction as they are?';
    fake.setScript(() => ({ kind: 'text', text: line, chunkChars: 4, chunkDelayMs: 2 }));
    const deltas: string[] = [];
    const utterance = await make().speak(request(probe), { onDelta: (delta) => deltas.push(delta) });
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join('')).toBe(line);
    expect(utterance).toMatchObject({
      text: line,
      kind: 'probe',
      probedPointIds: [point.id],
      source: 'llm',
      streamed: line,
    });
    expect(utterance.usage?.promptTokens).toBeGreaterThan(1024);
    expect(records).toHaveLength(1);
  });

  it("says the clock asked beside an answer first, in our words, then streams the model's", async () => {
    const line = 'Which signal would tell you first that the scores drifted?';
    fake.setScript(() => ({ kind: 'text', text: line, chunkChars: 6, chunkDelayMs: 1 }));
    const clock = { stepRemainingMs: 180_000, partsAfter: 2, totalRemainingMs: 1_020_000 };
    const deltas: string[] = [];
    const utterance = await make().speak(request({ ...probe, clock }), {
      onDelta: (delta) => deltas.push(delta),
    });
    expect(deltas[0]).toMatch(/3 minutes left on evaluation\b.*two more parts.*17 minutes in all\. $/);
    expect(utterance.text).toBe(`${deltas[0]}${line}`);
    expect(utterance.streamed).toBe(utterance.text);
  });

  it('lays the prompt out for caching: stable system first, conversation, the volatile note last', async () => {
    const interviewer = make();
    await interviewer.speak(request(probe));
    await interviewer.speak(
      request({ ...probe, index: 6 }, [
        ...transcript,
        { role: 'interviewer', text: 'Understood.' },
        { role: 'candidate', text: 'And log loss.' },
      ]),
    );
    const [first, second] = fake.requests;
    const stable = stablePromptFor(prompts, caseStudy, framework);
    expect(first?.messages[0]).toEqual({ role: 'system', content: stable });
    expect(second?.messages[0]).toEqual({ role: 'system', content: stable });
    expect(countTokens(stable)).toBeGreaterThanOrEqual(1024);
    // Every message before the last one of the first request reappears unchanged in the second.
    expect(second?.messages.slice(0, first!.messages.length - 1)).toEqual(first?.messages.slice(0, -1));
    const roles = second!.messages.map((message) => message.role);
    expect(roles).toEqual(['system', 'user', 'assistant', 'user', 'assistant', 'user', 'assistant', 'user']);
    const note = second!.messages.at(-1)!.content;
    expect(note.startsWith('And log loss.')).toBe(true);
    expect(note).toContain('Evaluation');
    expect(note).toContain('3 minutes');
    // Open points reach the model as the questions that probe them, never as their titles.
    expect(note).not.toContain(point.title);
    expect(note).toContain(point.probe.trim().split(/\s+/).slice(0, 6).join(' '));
    expect(second?.cache_prompt).toBe(true);
  });

  it('never puts what a strong answer says, or what a curveball expects, into a request', async () => {
    const interviewer = make();
    for (const move of [
      probe,
      { index: 7, step: 'data', kind: 'curveball', curveballId: caseStudy.curveballs[0]!.id },
      { index: 8, step: 'evaluation', kind: 'acknowledge', allCovered: false, late: false, lastStep: false },
    ] satisfies InterviewerMove[]) {
      await interviewer.speak(request(move));
    }
    const sent = JSON.stringify(fake.requests.map((entry) => entry.messages));
    const secrets = [
      ...Object.values(caseStudy.steps).flatMap((step) => step.points.map((p) => p.strong)),
      ...caseStudy.curveballs.map((ball) => ball.expects),
    ];
    for (const secret of secrets)
      expect(sent).not.toContain(JSON.stringify(secret.slice(0, 60)).slice(1, -1));
  });

  it('replaces a message that leaks a strong answer with the offline line', async () => {
    const leak = `Well, ${point.strong}`;
    fake.setScript(() => ({ kind: 'text', text: leak, chunkChars: 7 }));
    const deltas: string[] = [];
    const utterance = await make().speak(request(probe), { onDelta: (delta) => deltas.push(delta) });
    expect(utterance.source).toBe('offline');
    expect(utterance.replaced?.reason).toBe('leak');
    expect(utterance.text).toBe(voiceOffline(request(probe)).text);
    expect(utterance.probedPointIds).toEqual([point.id]);
    expect(deltas.join('')).not.toContain(point.strong.slice(0, 40));
  });

  it('fails a turn cut half-way with a typed error carrying what was shown', async () => {
    fake.setScript(() => ({
      kind: 'cut',
      chunks: ['How would you check ', 'that the predicted ', 'numbers can be trus'],
    }));
    const deltas: string[] = [];
    const error = await make()
      .speak(request(probe), { onDelta: (delta) => deltas.push(delta) })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LlmError);
    expect((error as LlmError).code).toBe('CUT');
    expect((error as LlmError).partial).toBe(deltas.join(''));
    // Held back only what could still become a leak, never a fixed five words: nothing here
    // could (a half-written word is held only after the first content word of a leak).
    expect(deltas.join('')).toBe('How would you check that the predicted numbers can be trus');
  });

  it('fails an empty reply', async () => {
    fake.setScript(() => ({ kind: 'text', text: '<think>nothing to say</think>' }));
    const error = await make()
      .speak(request(probe))
      .catch((caught: unknown) => caught);
    expect((error as LlmError).code).toBe('EMPTY');
  });

  it('answers a clarifying question with the facts it used', async () => {
    fake.setScript(() => ({ kind: 'text', text: 'About 150,000 ad requests per second at peak.' }));
    const lines: TranscriptLine[] = [
      ...transcript,
      { role: 'interviewer', text: 'Noted.' },
      { role: 'candidate', text: 'What is the peak traffic in requests per second?' },
    ];
    const utterance = await make().speak(
      request(
        {
          index: 5,
          step: 'requirements',
          kind: 'answer-facts',
          facts: [{ id: 'traffic', repeat: false }],
          unanswered: [],
          ambiguous: [],
          late: false,
        },
        lines,
      ),
    );
    expect(utterance.kind).toBe('answer');
    expect(utterance.factIds).toContain('traffic');
    expect(fake.requests[0]?.messages.at(-1)?.content).toContain('150,000');
  });

  it("explains a term from the glossary's words and leaves its use to the candidate", async () => {
    fake.setScript(() => ({
      kind: 'text',
      text: 'NDCG rewards putting the best results near the top. Your call.',
    }));
    const lines: TranscriptLine[] = [...transcript, { role: 'candidate', text: 'sorry, what is ndcg?' }];
    const utterance = await make().speak(
      request({ index: 5, step: 'evaluation', kind: 'define', terms: ['NDCG'], late: false }, lines),
    );
    expect(utterance.kind).toBe('clarification');
    const sent = String(fake.requests[0]?.messages.at(-1)?.content);
    expect(sent).toContain(glossaryEntry('NDCG')!.definition);
    expect(sent).toMatch(/whether it fits their design is their call/i);
  });

  it('folds older turns into one summary for a small context, not on every turn', async () => {
    fake.setScript((chat) =>
      chat.messages.at(-1)?.content.includes('about to be folded')
        ? { kind: 'text', text: 'Summary: clicks as labels, AUC and log loss offline, A/B test online.' }
        : { kind: 'text', text: 'Okay, go on.' },
    );
    const interviewer = make({ contextTokens: 6_144 });
    const lines: TranscriptLine[] = [];
    const filler =
      'We would log impressions and clicks, join them in a streaming job, and train every day on a window. ';
    for (let turn = 0; turn < 40; turn++) {
      lines.push(
        { role: 'interviewer', text: `Question number ${turn}?` },
        { role: 'candidate', text: filler.repeat(2) },
      );
      await interviewer.speak(
        request(
          { index: turn, step: 'data', kind: 'acknowledge', allCovered: false, late: false, lastStep: false },
          [...lines],
        ),
      );
    }
    const summaries = records.filter((record) => record.purpose === 'summary');
    const turns = records.filter((record) => record.purpose === 'turn');
    expect(summaries.length).toBeGreaterThanOrEqual(1);
    expect(summaries.length).toBeLessThanOrEqual(4);
    for (const turn of turns) expect(turn.usage!.promptTokens).toBeLessThan(6_144 * 0.85);
    const folded = fake.requests.filter((chat) =>
      chat.messages[1]?.content.includes('Summary of the interview so far'),
    );
    expect(folded.length).toBeGreaterThan(0);
    // Between folds the prompt grows by appending: most turns are served from the cache.
    const cached = turns.slice(2).filter((turn) => (turn.usage!.cachedTokens ?? 0) > 0);
    expect(cached.length).toBeGreaterThan(turns.length * 0.6);
  });
});

describe('createModelVoice: the offline interviewer behind the model', () => {
  let fake: FakeOpenAi;
  beforeEach(async () => {
    fake = await startFakeOpenAi();
  });
  afterEach(() => fake.close());
  const voice = (maxConsecutiveFailures?: number) =>
    createModelVoice(
      createLlmInterviewer({
        client: fakeModelClient(fake.url, { requestTimeoutMs: 500, streamIdleMs: 200, maxRetryWaitMs: 0 }),
        prompts,
        model: 'fake-model',
      }),
      createOfflineInterviewer(),
      maxConsecutiveFailures === undefined ? {} : { maxConsecutiveFailures },
    );

  it('voices a turn offline when the stream is cut, and says the draft must go', async () => {
    fake.setScript(() => ({ kind: 'cut', chunks: ['Let me ask you about the', ' way you would '] }));
    const deltas: string[] = [];
    const outcome = await voice().speak(request(probe), { onDelta: (delta) => deltas.push(delta) });
    expect(outcome.source).toBe('offline');
    expect(outcome.fallback).toMatchObject({ reason: 'failed' });
    expect(outcome.discardDraft).toBe(true);
    expect(outcome.utterance.text).toBe(voiceOffline(request(probe)).text);
    expect(deltas.join('')).not.toContain(outcome.utterance.text);
  });

  it('streams the offline line when the model hangs before saying anything', async () => {
    fake.setScript(() => ({ kind: 'hang' }));
    const deltas: string[] = [];
    const outcome = await voice().speak(request(probe), { onDelta: (delta) => deltas.push(delta) });
    expect(outcome).toMatchObject({ source: 'offline', discardDraft: false });
    expect(outcome.fallback?.reason === 'failed' && (outcome.fallback.error as LlmError).code).toBe('IDLE');
    expect(deltas.join('')).toBe(outcome.utterance.text);
  });

  it('stops asking a model that keeps failing', async () => {
    fake.setScript(() => ({ kind: 'status', status: 500 }));
    const session = voice(2);
    await session.speak(request(probe));
    await session.speak(request(probe));
    expect(session.disabled).toBe(true);
    const third = await session.speak(request(probe));
    expect(third.fallback).toEqual({ reason: 'disabled' });
    expect(fake.requests).toHaveLength(2);
  });

  it('passes a working model through untouched', async () => {
    fake.setScript(() => ({ kind: 'text', text: 'What would you measure online?' }));
    const outcome = await voice().speak(request(probe));
    expect(outcome).toMatchObject({ source: 'llm', fallback: null, discardDraft: false });
    expect(outcome.utterance.text).toBe('What would you measure online?');
  });
});
