import type { JudgeClient } from '@mlsd/scoring';
import type { LlmClient } from './client.ts';

/** Structured output is long: one entry per talking point of a step, each with a quote. */
const JUDGE_MAX_TOKENS = 4000;

/** The judge's door to the model: @mlsd/scoring defines the interface, this package holds `openai`. */
export function createJudgeClient(
  client: LlmClient,
  options: { model: string; timeoutMs: number },
): JudgeClient {
  return {
    async completeJson({ messages, schemaName, schema, temperature, signal }) {
      const result = await client.complete({
        model: options.model,
        messages,
        jsonSchema: { name: schemaName, schema },
        maxTokens: JUDGE_MAX_TOKENS,
        timeoutMs: options.timeoutMs,
        // Sent whatever the session's setting: the judge's verdicts must not depend on sampling.
        temperature,
        ...(signal ? { signal } : {}),
      });
      return { text: result.text };
    },
  };
}
