export {
  type Agreement,
  compareVerdicts,
  type PointComparison,
  type ScorerView,
  type StepComparison,
  type VerdictComparison,
} from './compare.ts';
export {
  JUDGE_PLACEHOLDERS,
  type JudgeMessage,
  type JudgePrompts,
  type JudgeTurn,
  judgeStepMessage,
  judgeSystemMessage,
  type RenderablePrompt,
  renderTranscript,
  transcriptBoundary,
} from './prompt.ts';
export { candidateSources, checkQuote, type QuoteCheck, type QuoteSource } from './quotes.ts';
export {
  type JudgeClient,
  type JudgeFailure,
  type JudgeOptions,
  type JudgeOutcome,
  type JudgeStats,
  judgeSession,
} from './run.ts';
export {
  JudgeLevel,
  type JudgePointOutput,
  type JudgeStepOutput,
  judgeJsonSchema,
  judgeStepSchema,
  parseJudgeReply,
} from './schema.ts';
export { buildJudgeReport, type PointVerdict, settlePoint } from './verdicts.ts';
