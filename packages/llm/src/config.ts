import { z } from 'zod';

/** OpenAI's own endpoint; used when only a key is set. */
export const OPENAI_BASE_URL = 'https://api.openai.com/v1';
/** The interviewer model on OpenAI's endpoint when MLSD_MODEL is not set. */
export const DEFAULT_OPENAI_MODEL = 'gpt-4.1-mini';

/** How to reach the model and how long to wait for it. Built by `parseLlmConfig`. */
export interface LlmConfig {
  baseURL: string;
  /** Local servers take any key; a placeholder is sent when none is set. */
  apiKey: string;
  /** The interviewer's model. */
  model: string;
  /** The judge's model (MLSD_JUDGE_MODEL, else the interviewer's). */
  judgeModel: string;
  /** `openai` for api.openai.com: it rejects unknown fields, caches prompts by itself and takes `prompt_cache_key`. */
  provider: 'openai' | 'compatible';
  /** Most time from sending a request to the first streamed token (or to the whole reply when not streaming). */
  requestTimeoutMs: number;
  /** Most silence between two chunks of a stream once it has started. */
  streamIdleMs: number;
  /** Most time for one judge request (a long structured reply). */
  judgeTimeoutMs: number;
  /** Retries after a 429, a 5xx or a refused connection; never after text has streamed. */
  maxRetries: number;
  /** A retry-after longer than this is not waited for: the caller falls back at once. */
  maxRetryWaitMs: number;
  /** The model's context window in tokens; when set, older turns are folded into a summary to fit. */
  contextTokens: number | null;
  /** Send llama.cpp's `cache_prompt: true` (never to OpenAI, which rejects unknown fields). */
  cachePrompt: boolean;
  /** Sampling temperature; omitted when unset (some reasoning models refuse any other than the default). */
  temperature: number | null;
}

export type LlmConfigResult =
  /** `value` is null when no endpoint is configured: only the offline interviewer is available. */
  | { ok: true; value: LlmConfig | null }
  | { ok: false; error: { code: 'INVALID_LLM_ENV'; message: string; issues: string[] } };

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const optionalText = z.preprocess(blankToUndefined, z.string().trim().min(1).optional());
const ms = (fallback: number, min: number) =>
  z.preprocess(blankToUndefined, z.coerce.number().int().min(min).max(3_600_000).default(fallback));

const LlmEnv = z.object({
  OPENAI_BASE_URL: z.preprocess(
    blankToUndefined,
    z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://localhost:11434/v1' })
      .optional(),
  ),
  OPENAI_API_KEY: optionalText,
  MLSD_MODEL: optionalText,
  MLSD_JUDGE_MODEL: optionalText,
  MLSD_LLM_TIMEOUT_MS: ms(30_000, 1_000),
  MLSD_LLM_IDLE_MS: ms(15_000, 500),
  MLSD_JUDGE_TIMEOUT_MS: ms(120_000, 1_000),
  MLSD_LLM_MAX_RETRIES: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(5).default(2)),
  MLSD_LLM_MAX_RETRY_WAIT_MS: ms(10_000, 0),
  MLSD_LLM_CONTEXT_TOKENS: z.preprocess(
    blankToUndefined,
    z.coerce
      .number()
      .int()
      .min(4096, 'below 4096 tokens the case sheet and one turn do not fit; use a larger context')
      .optional(),
  ),
  MLSD_LLM_CACHE_PROMPT: z.preprocess(
    blankToUndefined,
    z.enum(['auto', 'true', 'false', '1', '0']).default('auto'),
  ),
  MLSD_LLM_TEMPERATURE: z.preprocess(blankToUndefined, z.coerce.number().min(0).max(2).optional()),
});

/**
 * Reads the model settings from an environment record (the server's env.ts passes process.env;
 * nothing here reads it). The model interviewer is available when OPENAI_BASE_URL or
 * OPENAI_API_KEY is set; every problem is reported at once, by variable name.
 */
export function parseLlmConfig(env: Record<string, string | undefined>): LlmConfigResult {
  const parsed = LlmEnv.safeParse(env);
  const issues = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  if (!parsed.success) return invalid(issues);
  const vars = parsed.data;
  if (vars.OPENAI_BASE_URL === undefined && vars.OPENAI_API_KEY === undefined)
    return { ok: true, value: null };

  const baseURL = (vars.OPENAI_BASE_URL ?? OPENAI_BASE_URL).replace(/\/+$/, '');
  const provider = new URL(baseURL).hostname === 'api.openai.com' ? 'openai' : 'compatible';
  if (provider === 'openai' && vars.OPENAI_API_KEY === undefined) {
    issues.push('OPENAI_API_KEY: required for api.openai.com; unset OPENAI_BASE_URL to run offline');
  }
  const model = vars.MLSD_MODEL ?? (provider === 'openai' ? DEFAULT_OPENAI_MODEL : undefined);
  if (model === undefined) {
    issues.push(
      `MLSD_MODEL: required with OPENAI_BASE_URL=${baseURL}; name a model the server has, e.g. MLSD_MODEL=qwen2.5:7b-instruct for Ollama`,
    );
  }
  if (issues.length > 0 || model === undefined) return invalid(issues);
  const cachePrompt = vars.MLSD_LLM_CACHE_PROMPT;
  return {
    ok: true,
    value: {
      baseURL,
      apiKey: vars.OPENAI_API_KEY ?? 'no-key',
      model,
      judgeModel: vars.MLSD_JUDGE_MODEL ?? model,
      provider,
      requestTimeoutMs: vars.MLSD_LLM_TIMEOUT_MS,
      streamIdleMs: vars.MLSD_LLM_IDLE_MS,
      judgeTimeoutMs: vars.MLSD_JUDGE_TIMEOUT_MS,
      maxRetries: vars.MLSD_LLM_MAX_RETRIES,
      maxRetryWaitMs: vars.MLSD_LLM_MAX_RETRY_WAIT_MS,
      contextTokens: vars.MLSD_LLM_CONTEXT_TOKENS ?? null,
      cachePrompt:
        cachePrompt === 'auto' ? provider === 'compatible' : cachePrompt === 'true' || cachePrompt === '1',
      temperature: vars.MLSD_LLM_TEMPERATURE ?? null,
    },
  };
}

function invalid(issues: string[]): LlmConfigResult {
  return {
    ok: false,
    error: { code: 'INVALID_LLM_ENV', message: `invalid model settings: ${issues.join('; ')}`, issues },
  };
}

/** The settings as safe to log or show: the key is never included. */
export function describeLlmConfig(config: LlmConfig): string {
  const context = config.contextTokens === null ? '' : `, context ${config.contextTokens} tokens`;
  const judge = config.judgeModel === config.model ? '' : `, judge ${config.judgeModel}`;
  return `${config.model} at ${config.baseURL}${judge}${context}`;
}
