import OpenAI from 'openai';
import { classify } from './classify.ts';
import type { LlmConfig } from './config.ts';
import { withRetries } from './retry.ts';
import { watchdog } from './watchdog.ts';

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
  /** Overrides the configured temperature for this request (the judge asks for 0). */
  temperature?: number;
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
    const temperature = request.temperature ?? options.temperature;
    if (temperature !== null) base.temperature = temperature;
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
