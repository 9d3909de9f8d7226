export { type AskedCurveball, reversedAsk, type StepAsk, stepAsks } from './ask.ts';
export { createJudgeClient, type JudgeClient } from './client.ts';
export { compareVerdicts } from './compare.ts';
export { buildJudgeReport } from './judge-report.ts';
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
export { checkQuote, type QuoteCheck, type QuoteSource } from './quotes.ts';
export {
  JUDGE_TEMPERATURE,
  type JudgeFailure,
  type JudgeOptions,
  type JudgeOutcome,
  type JudgeStats,
  judgeSession,
} from './run.ts';
export {
  type AskIds,
  FlagSaid,
  type JudgeCurveballOutput,
  type JudgeFlagOutput,
  JudgeLevel,
  type JudgePointOutput,
  type JudgeStepOutput,
  judgeJsonSchema,
  judgeStepSchema,
  parseJudgeReply,
} from './schema.ts';
export { combineRuns, worthConfirming } from './stability.ts';
export {
  type CurveballVerdict,
  type FlagVerdict,
  type PointVerdict,
  type Rejection,
  type StepVerdicts,
  settleCurveball,
  settlePoint,
  settleRedFlag,
  settleStep,
} from './verdicts.ts';
export { type JudgeView, judgeView, REMOVED_FOR_GRADER } from './view.ts';
