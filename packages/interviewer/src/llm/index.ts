export type { HeaderOutcome, HeaderProblem } from './choice-stream.ts';
export { buildMessages, ROOM_OPENED } from './conversation.ts';
export { CACHE_DISCOUNT, type EconomyFigures, economyOf } from './economy.ts';
export { type ChoiceOutcome, createModelVoice, type ModelVoice, type VoiceOutcome } from './fallback.ts';
export { extractiveSummary, foldBoundaries } from './fold.ts';
export { createLeakGuard, type Leak, type LeakGuard, leakGuardFor } from './leak-guard.ts';
export {
  createLlmInterviewer,
  type LlmChoice,
  type LlmChoiceRequest,
  type LlmInterviewer,
  type LlmInterviewerOptions,
  type LlmSpeakRequest,
  type LlmUtterance,
  type MoveChooser,
  type SeenPoint,
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
export type { RequestRecord } from './request-record.ts';
export { renderStablePrompt, stablePromptFor } from './stable-prompt.ts';
export {
  type MoveOption,
  moveInstruction,
  renderChoiceNote,
  renderTurnNote,
  type TurnContext,
} from './turn-note.ts';
