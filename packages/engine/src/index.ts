export { stepBudgetsMs, warningLeadMs } from './budgets.ts';
export { MAX_ADD_TIME_MS, remainingMs } from './clock-controls.ts';
export { type ConfigOptions, createConfig, DEFAULT_DURATION_MINUTES } from './config.ts';
export {
  currentStep,
  nextDeadline,
  startInterview,
  stepDeadline,
  type Transition,
  transition,
} from './machine.ts';
export { EngineConfig, EngineState, type RestoreResult, restoreState, StepState } from './state.ts';
export type {
  EngineEffect,
  EngineEvent,
  InterviewerMove,
  MoveKind,
  StepStartReason,
  UncoveredPoint,
} from './types.ts';
export { stepProgress, turnKindOf } from './views.ts';
