import OpenAI from 'openai';
import type { ChatResult, ChatUsage, LlmChat, LlmRequest } from './chat.ts';
import { classify } from './classify.ts';
import type { LlmConfig } from './config.ts';
import { withRetries } from './retry.ts';
import { type Watchdog, watchdog } from './watchdog.ts';

/** `LlmChat` plus what the health check needs, from one endpoint. */
export interface LlmClient extends LlmChat {
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
type Reply = Omit<ChatResult, 'attempts'>;
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

  const body = (request: LlmRequest, stream: boolean): Body => {
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
    if (request.jsonSchema) {
      const { name, schema } = request.jsonSchema;
      base.response_format = { type: 'json_schema', json_schema: { name, schema, strict: true } };
    }
    return base;
  };

  /** One attempt under its own watchdog; whatever it throws becomes an LlmError. */
  const watched = async <T>(
    signal: AbortSignal | undefined,
    timeoutMs: number,
    run: (watch: Watchdog) => Promise<T>,
    partial: () => string = () => '',
  ): Promise<T> => {
    const watch = watchdog(signal, timeoutMs);
    try {
      return await run(watch);
    } catch (error) {
      throw classify(error, watch.reason(), signal, partial());
    } finally {
      watch.stop();
    }
  };

  const streamed = async (request: LlmRequest, onDelta: (delta: string) => void, watch: Watchdog) => {
    const reply: Reply = { text: '', usage: null, finishReason: null };
    const stream = await openai.chat.completions.create(
      body(request, true) as OpenAI.Chat.ChatCompletionCreateParamsStreaming,
      { signal: watch.signal },
    );
    for await (const chunk of stream) {
      // Any chunk (role, reasoning, usage) shows the server is alive.
      watch.rearm(options.streamIdleMs, 'idle');
      reply.usage = usageOf(chunk.usage, chunk as WithTimings) ?? reply.usage;
      const choice = chunk.choices[0];
      const piece = choice?.delta?.content;
      if (piece) {
        reply.text += piece;
        onDelta(piece);
      }
      if (choice?.finish_reason) reply.finishReason = choice.finish_reason;
    }
    // The SDK ends a stream quietly when its signal aborts: a watchdog or the caller stopped it.
    if (watch.signal.aborted) throw new Error('the stream was aborted');
    return reply;
  };

  const whole = async (request: LlmRequest, watch: Watchdog): Promise<Reply> => {
    const params = body(request, false) as OpenAI.Chat.ChatCompletionCreateParamsNonStreaming;
    const reply = await openai.chat.completions.create(params, { signal: watch.signal });
    const choice = reply.choices[0];
    return {
      text: choice?.message?.content ?? '',
      usage: usageOf(reply.usage, reply as WithTimings),
      finishReason: choice?.finish_reason ?? null,
    };
  };

  const chat = (request: LlmRequest): Promise<ChatResult> => {
    const { signal, onDelta } = request;
    const timeoutMs = request.timeoutMs ?? options.requestTimeoutMs;
    const retry = { maxRetries: options.maxRetries, maxRetryWaitMs: options.maxRetryWaitMs, signal };
    if (!onDelta)
      return withRetries(retry, () => watched(signal, timeoutMs, (watch) => whole(request, watch)));
    // What reached `onDelta`, over every attempt: once anything has, the request is not retried.
    let shown = '';
    const show = (piece: string) => {
      shown += piece;
      onDelta(piece);
    };
    // An attempt only starts while nothing has been shown, so `shown` is that attempt's partial text.
    const attempt = () =>
      watched(
        signal,
        timeoutMs,
        (watch) => streamed(request, show, watch),
        () => shown,
      );
    return withRetries(retry, attempt, () => shown);
  };

  return {
    chat,

    listModels(request = {}) {
      return watched(request.signal, request.timeoutMs ?? 5_000, async (watch) => {
        const page = await openai.models.list({ signal: watch.signal });
        return page.data.map((model) => model.id);
      });
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
