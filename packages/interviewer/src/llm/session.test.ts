import { type FakeOpenAi, startFakeOpenAi } from '@mlsd/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOfflineInterviewer } from '../offline.ts';
import { economyOf } from './economy.ts';
import { createModelVoice } from './fallback.ts';
import { createLlmInterviewer } from './llm-interviewer.ts';
import type { RequestRecord } from './request-record.ts';
import { interviewerScript } from './testing/fake-replies.ts';
import { fakeModelClient, loadCase, repoPrompts } from './testing/fixtures.ts';
import { runScriptedSession } from './testing/scripted-session.ts';

const { caseStudy, framework } = loadCase();
const prompts = repoPrompts();

describe('a whole scripted 45-minute session through the model interviewer', () => {
  let fake: FakeOpenAi;
  let records: RequestRecord[];
  beforeEach(async () => {
    fake = await startFakeOpenAi(interviewerScript());
    records = [];
  });
  afterEach(() => fake.close());

  const interviewer = () =>
    createLlmInterviewer({
      client: fakeModelClient(fake.url, { maxRetries: 1, maxRetryWaitMs: 1_000, cachePrompt: true }),
      prompts,
      model: 'fake-model',
      onRequest: (record) => records.push(record),
    });

  it('voices every move by streaming, with one stable prefix the provider caches', async () => {
    const model = interviewer();
    let deltas = 0;
    const turns = await runScriptedSession({
      caseStudy,
      framework,
      voice: {
        speak: (request, options) => model.speak(request, { ...options, onDelta: () => deltas++ }),
      },
    });
    const spoken = turns.filter((turn) => turn.role === 'interviewer');
    expect(spoken.length).toBeGreaterThanOrEqual(35);
    expect(new Set(turns.map((turn) => turn.step)).size).toBe(7);
    expect(spoken.at(-1)?.kind).toBe('wrap-up');
    expect(deltas).toBeGreaterThan(spoken.length * 3);
    expect(fake.requests).toHaveLength(spoken.length);
    const system = fake.requests[0]?.messages[0]?.content;
    for (const request of fake.requests) expect(request.messages[0]?.content).toBe(system);

    const economy = economyOf(records);
    expect(economy.cacheSource).toBe('provider');
    expect(economy.cacheableShareFromTurn3).toBeGreaterThanOrEqual(0.85);
    expect(economy.billedRatio).toBeLessThanOrEqual(0.35);
  });

  it('keeps going offline for the turns where the model fails', async () => {
    fake.setScript(
      interviewerScript((_, index) =>
        index % 7 === 3 ? { kind: 'cut', chunks: ['Let me ask about ', 'the way you would '] } : null,
      ),
    );
    const voice = createModelVoice(interviewer(), createOfflineInterviewer());
    const sources: string[] = [];
    const turns = await runScriptedSession({
      caseStudy,
      framework,
      voice: {
        async speak(request, options) {
          const outcome = await voice.speak(request, options);
          sources.push(outcome.source);
          return outcome.utterance;
        },
      },
    });
    expect(turns.at(-1)?.kind).toBe('wrap-up');
    expect(sources.filter((source) => source === 'offline').length).toBeGreaterThan(3);
    expect(sources.filter((source) => source === 'llm').length).toBeGreaterThan(20);
    expect(voice.disabled).toBe(false);
  });
});
