import { buildMessages } from '../packages/interviewer/src/llm/conversation.ts';
import { type EconomyFigures, economyOf } from '../packages/interviewer/src/llm/economy.ts';
import { createLlmInterviewer } from '../packages/interviewer/src/llm/llm-interviewer.ts';
import type { RequestRecord } from '../packages/interviewer/src/llm/request-record.ts';
import { stablePromptFor } from '../packages/interviewer/src/llm/stable-prompt.ts';
import { interviewerScript } from '../packages/interviewer/src/llm/testing/fake-replies.ts';
import { loadCase, repoPrompts } from '../packages/interviewer/src/llm/testing/fixtures.ts';
import { runScriptedSession } from '../packages/interviewer/src/llm/testing/scripted-session.ts';
import { renderTurnNote } from '../packages/interviewer/src/llm/turn-note.ts';
import { createLlmClient } from '../packages/llm/src/client.ts';
import { promptTokens, startFakeOpenAi } from '../packages/testkit/src/index.ts';

/**
 * Prompt economy of the model interviewer: a scripted 45-minute session (the ad click-through
 * case, the real engine deciding every move) against the local fake OpenAI server, which counts
 * tokens with o200k_base and reports cached_tokens the way OpenAI does (longest shared prefix,
 * in 128-token blocks once at least 1,024). Goals: cacheable share >= 0.85 from turn 3, billed
 * input <= 0.35 x resending everything each turn, at a 75% cache discount.
 */

interface Run {
  label: string;
  figures: EconomyFigures;
  summaries: number;
}

async function session(
  label: string,
  options: { contextTokens: number | null; providerReportsCache: boolean },
): Promise<Run> {
  const { caseStudy, framework } = loadCase();
  const prompts = repoPrompts();
  const fake = await startFakeOpenAi(interviewerScript());
  const records: RequestRecord[] = [];
  const naive: number[] = [];
  try {
    const model = createLlmInterviewer({
      client: createLlmClient({
        baseURL: fake.url,
        apiKey: 'bench',
        provider: 'compatible',
        requestTimeoutMs: 5_000,
        streamIdleMs: 2_000,
        maxRetries: 0,
        maxRetryWaitMs: 0,
        cachePrompt: true,
        temperature: null,
      }),
      prompts,
      model: 'fake-model',
      contextTokens: options.contextTokens,
      onRequest: (record) => {
        // A server that does not report cached tokens: the share is measured from the identical prefix.
        const usage =
          record.usage && !options.providerReportsCache
            ? { ...record.usage, cachedTokens: null }
            : record.usage;
        records.push({ ...record, usage });
      },
    });
    await runScriptedSession({
      caseStudy,
      framework,
      voice: {
        speak(request, speakOptions) {
          const unfolded = buildMessages({
            stable: stablePromptFor(prompts, caseStudy, framework),
            lines: request.transcript,
            summary: null,
            note: renderTurnNote(prompts, request, request),
          });
          naive.push(promptTokens(unfolded).length);
          return model.speak(request, speakOptions);
        },
      },
    });
  } finally {
    await fake.close();
  }
  return {
    label,
    figures: economyOf(records, { naivePromptTokens: naive }),
    summaries: records.filter((record) => record.purpose === 'summary').length,
  };
}

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
const int = (n: number) => n.toLocaleString('en-US');

function print(run: Run): void {
  const f = run.figures;
  const share = f.cacheableShareFromTurn3 >= 0.85 ? 'meets' : 'MISSES';
  const billed = f.billedRatio <= 0.35 ? 'meets' : 'MISSES';
  console.log(`-- ${run.label}`);
  console.log(
    `  requests                        ${f.requests} (${f.turns} turns, ${run.summaries} summaries)`,
  );
  console.log(`  total input tokens              ${int(f.inputTokens)}`);
  console.log(`  cached input tokens             ${int(f.cachedTokens)} (source: ${f.cacheSource})`);
  console.log(`  cacheable share, whole session  ${pct(f.cacheableShare)}`);
  console.log(
    `  cacheable share from turn 3     ${pct(f.cacheableShareFromTurn3)} (lowest turn ${pct(f.minShareFromTurn3)}; goal >= 85%: ${share})`,
  );
  console.log(`  naive resend, every turn        ${int(f.naiveInputTokens)} tokens`);
  console.log(`  input sent / naive              ${f.inputRatio.toFixed(3)}`);
  console.log(
    `  billed at 75% cache discount    ${int(f.billedInputTokens)} tokens = ${f.billedRatio.toFixed(3)} x naive (goal <= 0.35: ${billed})`,
  );
}

export async function run(): Promise<Run[]> {
  const runs = [
    await session('provider reports cached_tokens (OpenAI-style), full context', {
      contextTokens: null,
      providerReportsCache: true,
    }),
    await session('no cache report (share from the identical prefix), full context', {
      contextTokens: null,
      providerReportsCache: false,
    }),
    await session('small local context: MLSD_LLM_CONTEXT_TOKENS=6144, older turns folded', {
      contextTokens: 6144,
      providerReportsCache: true,
    }),
  ];
  for (const entry of runs) print(entry);
  return runs;
}
