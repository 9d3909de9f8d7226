import type { InterviewerMove } from '@mlsd/engine';
import { stepPoints } from '@mlsd/scoring';
import { type FakeOpenAi, type FakeReply, startFakeOpenAi } from '@mlsd/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TranscriptLine } from '../interviewer.ts';
import { createOfflineInterviewer, voiceOffline } from '../offline.ts';
import { createModelVoice } from './fallback.ts';
import { createLlmInterviewer, type LlmChoiceRequest } from './llm-interviewer.ts';
import { neutralPoints } from './neutral-points.ts';
import { fakeModelClient, loadCase, repoPrompts } from './testing/fixtures.ts';

/**
 * One request that chooses the move and voices it, against the local OpenAI-compatible server:
 * the header picks an offered option, everything shown passed the leak guard, and a header that
 * picks nothing offered shows nothing.
 */

const { caseStudy, framework } = loadCase();
const prompts = repoPrompts();
const points = neutralPoints(caseStudy, framework, 'evaluation');
const [first, second] = [points[0]!, points[1]!];
const flag = caseStudy.steps.evaluation.redFlags[0]!;
const ANSWER = 'I would use AUC on a held-out day of impressions, and accuracy as the launch bar.';

const transcript: TranscriptLine[] = [
  { role: 'interviewer', text: 'How would you evaluate it offline?' },
  { role: 'candidate', text: ANSWER },
];

const base = { index: 6, step: 'evaluation' as const };
const acknowledge: InterviewerMove = {
  ...base,
  kind: 'acknowledge',
  allCovered: false,
  late: false,
  lastStep: false,
};
const probe: InterviewerMove = { ...base, kind: 'probe', pointId: first.id };
const challenge: InterviewerMove = { ...base, kind: 'challenge', flagId: flag.id };

function request(): LlmChoiceRequest {
  return {
    caseStudy,
    framework,
    move: acknowledge,
    options: [
      { label: 'A', move: acknowledge },
      { label: 'B', move: probe },
      { label: 'C', move: challenge },
    ],
    message: ANSWER,
    transcript,
    seed: 3,
    uncovered: [first.id, second.id],
    stepRemainingMs: 240_000,
  };
}

const QUESTION = 'How would you know that the numbers your model produces can be trusted as they are?';

describe('a reply that chooses its own move', () => {
  let fake: FakeOpenAi;
  const client = () => fakeModelClient(fake.url);
  const make = () => createLlmInterviewer({ client: client(), prompts, model: 'fake-model' });
  const reply = (text: string, chunkChars = 5): void =>
    fake.setScript((): FakeReply => ({ kind: 'text', text, chunkChars }));

  beforeEach(async () => {
    fake = await startFakeOpenAi();
  });
  afterEach(() => fake.close());

  it('voices the option the header names, and stores that move, not the default', async () => {
    reply(`[[move: B]]\n${QUESTION}`);
    const deltas: string[] = [];
    const choice = await make().choose(request(), { onDelta: (delta) => deltas.push(delta) });
    if (choice.chosen === null) throw new Error(`header rejected: ${JSON.stringify(choice.header)}`);
    expect(choice.chosen.label).toBe('B');
    expect(choice.utterance).toMatchObject({ text: QUESTION, kind: 'probe', probedPointIds: [first.id] });
    expect(deltas.join('')).toBe(QUESTION);
    expect(deltas.some((delta) => delta.includes('[['))).toBe(false);

    // One request: the options ride in the note at the end; the prefix is what any turn sends.
    expect(fake.requests).toHaveLength(1);
    const sent = fake.requests[0]!.messages;
    const note = sent.at(-1)!.content;
    expect(note).toMatch(/^A: Acknowledge/m);
    expect(note).toMatch(/^B: Ask this one probing question/m);
    expect(note).toMatch(/^C: The candidate just stated something that is a known mistake/m);
    expect(note).toContain(`${first.label}: `);
    for (const point of stepPoints(caseStudy, framework, 'evaluation')) {
      expect(note).not.toContain(point.title);
      const strong = (point.strong ?? '').trim().slice(0, 40);
      if (strong !== '') expect(note).not.toContain(strong);
    }
    reply(QUESTION);
    await make().speak(request());
    expect(fake.requests[1]!.messages[0]).toEqual(sent[0]);
  });

  it('reads a header that comes one character per chunk', async () => {
    reply(`[[move: C]]\n${QUESTION}`, 1);
    const deltas: string[] = [];
    const choice = await make().choose(request(), { onDelta: (delta) => deltas.push(delta) });
    expect(choice.chosen?.label).toBe('C');
    expect(choice.chosen && choice.utterance).toMatchObject({
      kind: 'challenge',
      challengedFlagIds: [flag.id],
    });
    expect(deltas.join('')).toBe(QUESTION);
  });

  it('shows nothing of a reply whose header names a move that was not offered', async () => {
    reply(`[[move: E]]\n${QUESTION}`);
    const deltas: string[] = [];
    const choice = await make().choose(request(), { onDelta: (delta) => deltas.push(delta) });
    expect(choice).toEqual({
      chosen: null,
      header: { ok: false, problem: 'unoffered', written: '[[move: E]]' },
    });
    expect(deltas).toEqual([]);
  });

  it('shows nothing of a reply without a header', async () => {
    reply(QUESTION, 1);
    const deltas: string[] = [];
    const choice = await make().choose(request(), { onDelta: (delta) => deltas.push(delta) });
    expect(choice).toMatchObject({ chosen: null, header: { problem: 'missing' } });
    expect(deltas).toEqual([]);
  });

  it('hides the trailer and keeps only points whose quote the candidate wrote', async () => {
    reply(
      `[[move: A]]\nOkay, go on.\n[[seen: ${first.label} "AUC on a held-out day"]] [[seen: ${second.label} "calibrated per segment"]] [[seen: p99 "accuracy"]]`,
      3,
    );
    const deltas: string[] = [];
    const choice = await make().choose(request(), { onDelta: (delta) => deltas.push(delta) });
    if (choice.chosen === null) throw new Error('header rejected');
    expect(choice.seen).toEqual([{ id: first.id, quote: 'AUC on a held-out day' }]);
    expect(choice.dropped).toEqual([
      `seen ${second.label}: quote not in the message`,
      'seen: p99 is not an open point',
    ]);
    expect(choice.utterance.text).toBe('Okay, go on.');
    expect(deltas.join('')).toBe('Okay, go on.\n');
  });

  it("replaces a chosen reply that leaks with the chosen move's offline line", async () => {
    reply('[[move: B]]\nGood. The rubric says you still need to cover calibration.');
    const deltas: string[] = [];
    const choice = await make().choose(request(), { onDelta: (delta) => deltas.push(delta) });
    if (choice.chosen === null) throw new Error('header rejected');
    expect(choice.utterance.source).toBe('offline');
    expect(choice.utterance.replaced?.reason).toBe('leak');
    expect(choice.utterance.text).toBe(voiceOffline({ ...request(), move: probe }).text);
    expect(choice.utterance.probedPointIds).toEqual([first.id]);
    expect(deltas.join('')).not.toMatch(/rubric/i);
  });

  it('voices the default with a second request after a bad header, and gives up asking after three', async () => {
    let calls = 0;
    fake.setScript(() => {
      calls++;
      return {
        kind: 'text',
        text: calls % 2 === 1 ? `[[move: Z]]\n${QUESTION}` : 'Okay, go on.',
        chunkChars: 4,
      };
    });
    const voice = createModelVoice(make(), createOfflineInterviewer());
    const deltas: string[] = [];
    const outcome = await voice.choose(request(), { onDelta: (delta) => deltas.push(delta) });
    expect(outcome).toMatchObject({ chosen: 0, source: 'llm', rejected: { problem: 'unoffered' } });
    expect(outcome.utterance).toMatchObject({ text: 'Okay, go on.', kind: 'acknowledgement' });
    // The second request is a plain turn for the default move; nothing of the first was shown.
    expect(fake.requests[1]!.messages.at(-1)!.content).toContain('Your next message: Acknowledge');
    expect(deltas.join('')).toBe('Okay, go on.');
    await voice.choose(request());
    await voice.choose(request());
    expect(fake.requests).toHaveLength(6);
    const after = await voice.choose(request());
    expect(after).toMatchObject({ chosen: 0, rejected: null });
    // No longer asked to choose: one plain request.
    expect(fake.requests).toHaveLength(7);
    expect(fake.requests[6]!.messages.at(-1)!.content).toContain('Your next message:');
  });
});
