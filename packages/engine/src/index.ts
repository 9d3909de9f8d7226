export { type AnswerOption, answerOptions, MAX_OPTIONS } from './answer-options.ts';
export { stepBudgetsMs, warningLeadMs } from './budgets.ts';
export { MAX_ADD_TIME_MS, remainingMs } from './clock-controls.ts';
export { type ConfigOptions, createConfig, DEFAULT_DURATION_MINUTES } from './config.ts';
export {
  allowedMoves,
  currentStep,
  nextDeadline,
  startInterview,
  stepDeadline,
  type Transition,
  transition,
} from './machine.ts';
export { messageReading } from './reading.ts';
export { decideReply, type MoveBody, type Reply } from './reply.ts';
export { EngineConfig, EngineState, type RestoreResult, restoreState, StepState } from './state.ts';
export {
  type EngineEffect,
  type EngineEvent,
  type FactFindings,
  FOLLOW_UP_ANGLES,
  type FollowUpAngle,
  type InterviewerMove,
  type MessageReading,
  type MoveKind,
  type PreferredMove,
  type StepStartReason,
  type UncoveredPoint,
} from './types.ts';
export { stepProgress, turnKindOf } from './views.ts';
