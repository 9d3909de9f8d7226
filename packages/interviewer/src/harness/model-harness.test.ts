import { readCandidateMessage } from '@mlsd/scoring';
import { type ChatRequest, type FakeOpenAi, startFakeOpenAi } from '@mlsd/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModelVoice } from '../llm/fallback.ts';
import { createLlmInterviewer } from '../llm/llm-interviewer.ts';
import { planWithModel } from '../llm/plan.ts';
import { fakeModelClient, loadCase, repoPrompts } from '../llm/testing/fixtures.ts';
import { createOfflineInterviewer } from '../offline.ts';
import { answersFact } from '../reading/facts-asked.ts';
import { readIntent } from '../reading/intent.ts';
import { criteriaTable, evaluateInterviewer } from './evaluate.ts';

const prompts = repoPrompts();
const CASES = ['ad-click-prediction', 'fraud-detection', 'rag-assistant'].map((id) => loadCase(id));

/**
 * A stand-in for a model that follows instructions literally: a turn says what its note asks for
 * (the case's own facts, probe questions, the candidate's words), a plan reports the message's
 * intent. It exercises the whole model path over real HTTP and SSE: plan, merge, engine, stream,
 * leak guard, turn metadata.
 */
function literalModel(chat: ChatRequest, index: number): string {
  const last = chat.messages.at(-1)?.content ?? '';
  const message = /-----\n([\s\S]*?)\n-----/.exec(last)?.[1];
  if (message !== undefined) {
    // It sees the mistakes the offline reader sees, among those the prompt lists for this case.
    const redFlags = CASES.flatMap(
      ({ caseStudy, framework }) => readCandidateMessage(caseStudy, framework, message).redFlags,
    )
      .filter((flag) => last.includes(`\n${flag.flagId}: `))
      .map((flag) => ({ id: flag.flagId, quote: flag.quote }));
    // It knows the cases, as the offline reader does when it reads a message of one.
    const answersFactOfAnyCase = (questions: readonly string[]) =>
      CASES.some(({ caseStudy }) => answersFact(caseStudy, questions));
    return JSON.stringify({
      intent: readIntent(message, { answersFact: answersFactOfAnyCase }).intent,
      redFlags,
    });
  }
  // A reply to an answer lets it choose: it takes the first option of the kind the note prefers
  // (push back, then follow up, then probe), else the default, and writes the header first.
  const options = [...last.matchAll(/^([A-F]): (.*)$/gm)].map((match) => ({
    label: match[1]!,
    move: match[2]!,
  }));
  if (last.includes('[[move: A]]') && options.length > 0) {
    const chosen =
      [/known mistake/, /follow-up question/, /probing question/]
        .map((kind) => options.find((option) => kind.test(option.move)))
        .find((option) => option !== undefined) ?? options[0]!;
    return `[[move: ${chosen.label}]]\n${literally(chosen.move, index)}`;
  }
  const move = /Your next message: ([\s\S]*?)\n\nWrite only/.exec(last)?.[1] ?? 'Go on.';
  return literally(move, index);
}

/** What a literal model says for an instruction: the words it quotes, or a neutral line. */
function literally(move: string, index: number): string {
  const quoted = [...move.matchAll(/"([^"]{8,})"/g)].map((match) => match[1]).join(' ');
  const rephrase = /\brephrase it\b/i.test(move) ? 'Could you rephrase that in English? ' : '';
  return `${rephrase}${quoted || 'Please go on with this part.'} (${index})`;
}

describe('the model interviewer on the harness, against a local OpenAI-compatible server', () => {
  let fake: FakeOpenAi;
  beforeAll(async () => {
    fake = await startFakeOpenAi((chat, index) => ({
      kind: 'text',
      text: literalModel(chat, index),
      chunkChars: 24,
    }));
  });
  afterAll(() => fake.close());

  it('violates no criterion on three cases and every persona', async () => {
    const client = fakeModelClient(fake.url, { requestTimeoutMs: 5_000, streamIdleMs: 2_000 });
    const interviewer = createLlmInterviewer({ client, prompts, model: 'literal' });
    const framework = CASES[0]!.framework;
    let failures = 0;
    let choices = 0;
    let chosenOther = 0;
    let rejected = 0;
    const results = await evaluateInterviewer({
      voice: () => {
        const voice = createModelVoice(interviewer, createOfflineInterviewer());
        return {
          speak: async (request) => {
            const outcome = await voice.speak(request);
            if (outcome.fallback?.reason === 'failed') failures++;
            return outcome.utterance;
          },
          choose: async (request) => {
            const outcome = await voice.choose(request);
            if (outcome.fallback?.reason === 'failed') failures++;
            if (outcome.rejected) rejected++;
            if (outcome.chosen > 0) chosenOther++;
            choices++;
            return {
              chosen: outcome.chosen,
              turn: outcome.utterance,
              seen: outcome.seen.map((point) => point.id),
            };
          },
        };
      },
      planner: (caseStudy) => async (request) =>
        (await planWithModel(client, { model: 'literal', prompts }, { caseStudy, framework, ...request }))
          .reading,
      cases: CASES.map((loaded) => loaded.caseStudy),
      framework,
    });
    console.log(criteriaTable(results));
    const violations = results.flatMap((result) =>
      result.violations.map(
        (v) => `${result.caseId}/${result.persona} #${v.turn} ${v.criterion}: ${v.detail}`,
      ),
    );
    expect(violations.slice(0, 30)).toEqual([]);
    expect(failures).toBe(0);
    // Answers took the server's one-request path, and the model's choice was the move applied.
    expect(choices).toBeGreaterThan(20);
    expect(chosenOther).toBeGreaterThan(0);
    expect(rejected).toBe(0);
    // Both kinds of request went over the wire: plans (JSON, for messages that are not answers) and streamed turns.
    expect(fake.requests.some((request) => request.stream === true)).toBe(true);
    expect(fake.requests.some((request) => request.stream !== true)).toBe(true);
  }, 300_000);
});
