export { retryAfterMs } from './classify.ts';
export {
  type ChatMessage,
  type ChatResult,
  type ChatUsage,
  type CompleteRequest,
  createLlmClient,
  type LlmClient,
  type LlmClientOptions,
  type RequestRecord,
  type StreamChatRequest,
} from './client.ts';
export {
  DEFAULT_OPENAI_MODEL,
  describeLlmConfig,
  type LlmConfig,
  type LlmConfigResult,
  OPENAI_BASE_URL,
  parseLlmConfig,
} from './config.ts';
export { buildMessages, ROOM_OPENED } from './conversation.ts';
export { CACHE_DISCOUNT, type EconomyFigures, economyOf } from './economy.ts';
export { isLlmError, LlmError, type LlmErrorCode } from './errors.ts';
export { createModelVoice, type ModelVoice, type VoiceOutcome } from './fallback.ts';
export { extractiveSummary, foldBoundaries } from './fold.ts';
export { checkLlmHealth, type LlmHealth } from './health.ts';
export { createJudgeClient } from './judge-client.ts';
export { createLeakGuard, type Leak, type LeakGuard, leakGuardFor } from './leak-guard.ts';
export {
  createLlmInterviewer,
  type LlmInterviewer,
  type LlmInterviewerOptions,
  type LlmSpeakRequest,
  type LlmUtterance,
} from './llm-interviewer.ts';
export { type PlanOutcome, type PlanRequest, planWithModel } from './plan.ts';
export {
  defaultPromptsDir,
  loadPrompts,
  PROMPT_FILES,
  type PromptName,
  type PromptSet,
  type PromptsResult,
  type PromptTemplate,
  parseTemplate,
} from './prompts.ts';
export { renderStablePrompt, stablePromptFor } from './stable-prompt.ts';
export { countMessageTokens, countTokens, sharedPrefixTokens } from './tokens.ts';
export { moveInstruction, renderTurnNote, type TurnContext } from './turn-note.ts';
