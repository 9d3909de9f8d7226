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

export interface ChatResult {
  text: string;
  usage: ChatUsage | null;
  finishReason: string | null;
  /** Requests made, retries included. */
  attempts: number;
}

/** One exchange with the model: these messages in, text out. */
export interface LlmRequest {
  model: string;
  messages: readonly ChatMessage[];
  maxTokens?: number;
  signal?: AbortSignal;
  /** Routes requests that share a prefix to the same cache (OpenAI's `prompt_cache_key`). */
  cacheKey?: string;
  /** Overrides the configured temperature for this request (the judge asks for 0). */
  temperature?: number;
  /** Overrides the time allowed before the first token, or the whole reply (the judge writes long ones). */
  timeoutMs?: number;
  /** Structured output: the reply must match this JSON schema. */
  jsonSchema?: { name: string; schema: Record<string, unknown> };
  /**
   * Streams the reply: each piece of content as it arrives, and the idle watchdog runs between
   * chunks. Without it the reply arrives whole, which is all a caller that parses it needs.
   */
  onDelta?: (delta: string) => void;
}

/**
 * The one way to speak to the model, for the interviewer's voice, its plan and summaries, and the
 * judge alike. Behind it: timeouts, the stream watchdog, bounded retries and typed failures
 * (`LlmError`); usage comes back with the text.
 */
export interface LlmChat {
  chat(request: LlmRequest): Promise<ChatResult>;
}
