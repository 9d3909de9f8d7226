export type { ChatMessage, ChatResult, ChatUsage, LlmChat, LlmRequest } from './chat.ts';
export { retryAfterMs } from './classify.ts';
export { createLlmClient, type LlmClient, type LlmClientOptions } from './client.ts';
export {
  DEFAULT_OPENAI_MODEL,
  describeLlmConfig,
  type LlmConfig,
  type LlmConfigResult,
  OPENAI_BASE_URL,
  parseLlmConfig,
} from './config.ts';
export { isLlmError, LlmError, type LlmErrorCode } from './errors.ts';
export { checkLlmHealth, type LlmHealth } from './health.ts';
export { countMessageTokens, countTokens, MESSAGE_OVERHEAD_TOKENS, sharedPrefixTokens } from './tokens.ts';
