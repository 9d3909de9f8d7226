import OpenAI from 'openai';
import type { LlmConfig } from './config.ts';
import { LlmError } from './errors.ts';
import { withRetries } from './retry.ts';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatUsage {
  promptTokens: number;
  completionTokens: number;
  /** Prompt tokens the provider served from its cache; null when it does not say. */
  cachedTokens: number | null;
}

/** One model request, for logs and benchmarks. */
export interface RequestRecord {
  purpose: 'turn' | 'summary';
  messages: ChatMessage[];
  usage: ChatUsage | null;
  attempts: number;
  ms: number;
}

export interface ChatResult {
  text: string;
  usage: ChatUsage | null;
  finishReason: string | null;
  /** Requests made, retries included. */
  attempts: number;
}

interface RequestBase {
  model: string;
  messages: readonly ChatMessage[];
  maxTokens?: number;
  signal?: AbortSignal;
  /** Routes requests that share a prefix to the same cache (OpenAI's `prompt_cache_key`). */
  cacheKey?: string;
}

export interface StreamChatRequest extends RequestBase {
  /** Each piece of content as it arrives. */
  onDelta?: (delta: string) => void;
}

export interface CompleteRequest extends RequestBase {
  /** Structured output: the reply must match this JSON schema. */
  jsonSchema?: { name: string; schema: Record<string, unknown> };
  /** Overrides the request timeout (the judge writes long replies). */
  timeoutMs?: number;
}

/** The only door to the model: timeouts, a stream watchdog, bounded retries and typed failures. */
export interface LlmClient {
  streamChat(request: StreamChatRequest): Promise<ChatResult>;
  complete(request: CompleteRequest): Promise<ChatResult>;
  /** Model ids the endpoint lists (GET /models). */
  listModels(options?: { signal?: AbortSignal; timeoutMs?: number }): Promise<string[]>;
}

export type LlmClientOptions = Pick<
  LlmConfig,
  | 'baseURL'
  | 'apiKey'
  | 'provider'
  | 'requestTimeoutMs'
  | 'streamIdleMs'
  | 'maxRetries'
  | 'maxRetryWaitMs'
  | 'cachePrompt'
  | 'temperature'
>;

type Body = OpenAI.Chat.ChatCompletionCreateParams & { cache_prompt?: boolean };
/** llama.cpp reports its prompt-cache hits here instead of `prompt_tokens_details`. */
type WithTimings = { timings?: { cache_n?: number } };

export function createLlmClient(options: LlmClientOptions): LlmClient {
  const openai = new OpenAI({
    baseURL: options.baseURL,
    apiKey: options.apiKey,
    // Retries and timeouts are ours: the SDK's retry would re-send after text has streamed, and
    // its timeout stops at the response headers. Explicit nulls keep it from reading the environment.
    maxRetries: 0,
    timeout: 3_600_000,
    organization: null,
    project: null,
    webhookSecret: null,
    logLevel: 'off',
  });

  const body = (request: RequestBase, stream: boolean): Body => {
    const base: Body = {
      model: request.model,
      messages: request.messages.map((message) => ({ role: message.role, content: message.content })),
      stream,
    };
    if (stream) base.stream_options = { include_usage: true };
    if (request.maxTokens !== undefined) {
      // OpenAI's newer models refuse max_tokens; most local servers only know it.
      if (options.provider === 'openai') base.max_completion_tokens = request.maxTokens;
      else base.max_tokens = request.maxTokens;
    }
    if (options.temperature !== null) base.temperature = options.temperature;
    if (options.cachePrompt) base.cache_prompt = true;
    if (options.provider === 'openai' && request.cacheKey) base.prompt_cache_key = request.cacheKey;
    return base;
  };

  const retryOptions = (signal: AbortSignal | undefined) => ({
    maxRetries: options.maxRetries,
    maxRetryWaitMs: options.maxRetryWaitMs,
    signal,
  });

  return {
    streamChat(request) {
      let streamed = '';
      return withRetries(
        retryOptions(request.signal),
        () => streamedTurn(),
        () => streamed,
      );

      async function streamedTurn(): Promise<Omit<ChatResult, 'attempts'>> {
        const watch = watchdog(request.signal, options.requestTimeoutMs);
        let text = '';
        let usage: ChatUsage | null = null;
        let finishReason: string | null = null;
        try {
          const stream = await openai.chat.completions.create(
            body(request, true) as OpenAI.Chat.ChatCompletionCreateParamsStreaming,
            {
              signal: watch.signal,
            },
          );
          for await (const chunk of stream) {
            // Any chunk (role, reasoning, usage) shows the server is alive.
            watch.rearm(options.streamIdleMs, 'idle');
            usage = usageOf(chunk.usage, chunk as WithTimings) ?? usage;
            const choice = chunk.choices[0];
            const piece = choice?.delta?.content;
            if (piece) {
              text += piece;
              streamed += piece;
              request.onDelta?.(piece);
            }
            if (choice?.finish_reason) finishReason = choice.finish_reason;
          }
          // The SDK ends a stream quietly when its signal aborts: a watchdog or the caller stopped it.
          if (watch.signal.aborted) throw new Error('the stream was aborted');
          return { text, usage, finishReason };
        } catch (error) {
          throw classify(error, watch.reason(), request.signal, text);
        } finally {
          watch.stop();
        }
      }
    },

    complete(request) {
      return withRetries(retryOptions(request.signal), async () => {
        const watch = watchdog(request.signal, request.timeoutMs ?? options.requestTimeoutMs);
        try {
          const params = body(request, false) as OpenAI.Chat.ChatCompletionCreateParamsNonStreaming;
          if (request.jsonSchema) {
            params.response_format = {
              type: 'json_schema',
              json_schema: { name: request.jsonSchema.name, schema: request.jsonSchema.schema, strict: true },
            };
          }
          const reply = await openai.chat.completions.create(params, { signal: watch.signal });
          const choice = reply.choices[0];
          return {
            text: choice?.message?.content ?? '',
            usage: usageOf(reply.usage, reply as WithTimings),
            finishReason: choice?.finish_reason ?? null,
          };
        } catch (error) {
          throw classify(error, watch.reason(), request.signal, '');
        } finally {
          watch.stop();
        }
      });
    },

    async listModels(request = {}) {
      const watch = watchdog(request.signal, request.timeoutMs ?? 5_000);
      try {
        const page = await openai.models.list({ signal: watch.signal });
        return page.data.map((model) => model.id);
      } catch (error) {
        throw classify(error, watch.reason(), request.signal, '');
      } finally {
        watch.stop();
      }
    },
  };
}

function usageOf(usage: OpenAI.CompletionUsage | null | undefined, extra: WithTimings): ChatUsage | null {
  if (!usage) return null;
  const cached = usage.prompt_tokens_details?.cached_tokens ?? extra.timings?.cache_n ?? null;
  return {
    promptTokens: usage.prompt_tokens,
    completionTokens: usage.completion_tokens,
    cachedTokens: cached,
  };
}

/**
 * One abort controller per attempt, tied to the caller's signal, with one timer: first the
 * request timeout, then (re-armed on every chunk) the stream idle limit.
 */
function watchdog(outer: AbortSignal | undefined, timeoutMs: number) {
  const controller = new AbortController();
  let fired: 'timeout' | 'idle' | null = null;
  let timer: NodeJS.Timeout | undefined;
  const arm = (ms: number, reason: 'timeout' | 'idle') => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      fired = reason;
      controller.abort();
    }, ms);
  };
  const onOuterAbort = () => controller.abort();
  if (outer?.aborted) controller.abort();
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  arm(timeoutMs, 'timeout');
  return {
    signal: controller.signal,
    rearm: arm,
    reason: () => fired,
    stop() {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
    },
  };
}

/** Maps whatever the SDK or the network threw to one LlmError. */
function classify(
  error: unknown,
  fired: 'timeout' | 'idle' | null,
  outer: AbortSignal | undefined,
  partial: string,
): LlmError {
  if (error instanceof LlmError) return error;
  if (outer?.aborted) return new LlmError('ABORTED', 'the request was cancelled', { partial, cause: error });
  if (fired === 'timeout') {
    return new LlmError('TIMEOUT', 'the model did not start answering in time', { partial, cause: error });
  }
  if (fired === 'idle') {
    return new LlmError('IDLE', 'the model stream went silent half-way', { partial, cause: error });
  }
  if (error instanceof OpenAI.APIError && typeof error.status === 'number') {
    const status = error.status;
    const detail = `HTTP ${status}: ${firstLine(error.message)}`;
    const details = { partial, status, cause: error };
    if (status === 429) {
      return new LlmError('RATE_LIMITED', detail, { ...details, retryAfterMs: retryAfterMs(error.headers) });
    }
    if (status >= 500 || status === 408) {
      return new LlmError('UNAVAILABLE', detail, { ...details, retryAfterMs: retryAfterMs(error.headers) });
    }
    if (status === 401 || status === 403) return new LlmError('AUTH', detail, details);
    return new LlmError('REJECTED', detail, details);
  }
  const message = firstLine(error instanceof Error ? error.message : String(error));
  if (partial !== '')
    return new LlmError('CUT', `the model stream broke off: ${message}`, { partial, cause: error });
  return new LlmError('NETWORK', `cannot reach the model endpoint: ${message}`, { cause: error });
}

/** `retry-after-ms`, else `retry-after` in seconds or as an HTTP date. */
export function retryAfterMs(headers: Headers | undefined | null, now = Date.now()): number | null {
  const millis = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(millis) && millis >= 0) return millis;
  const value = headers?.get('retry-after');
  if (!value) return null;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.slice(0, 300) ?? '';
}
