import type { LlmChat } from '@mlsd/llm';

/**
 * The judge's seat at the model: the gateway, the model that grades (often a stronger one than the
 * interviewer's) and how long one step's reply may take.
 */
export interface JudgeClient {
  llm: LlmChat;
  model: string;
  timeoutMs: number;
}

export function createJudgeClient(llm: LlmChat, options: { model: string; timeoutMs: number }): JudgeClient {
  return { llm, model: options.model, timeoutMs: options.timeoutMs };
}
