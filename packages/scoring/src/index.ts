export { type Analysis, AnalysisCache, analyse } from './analyse.ts';
export { type Miscalculation, miscalculations } from './arithmetic.ts';
export { type CompiledRubric, compileRubric, rubricCompilations, withoutPlain } from './compile.ts';
export {
  type CoverageText,
  findPoint,
  type PointCoverage,
  type StepCoverage,
  stepCoverage,
  stepPoints,
} from './coverage.ts';
export { curveballIdeas } from './curveball-ideas.ts';
export { anticipatedShare, CURVEBALL_FULL_SHARE, CURVEBALL_WEIGHT } from './curveballs.ts';
export { type Misdefinition, misdefinitions } from './definitions.ts';
export {
  ANSWER_DECLARED_OVER,
  CREDIT_CLAIM,
  CRITERIA_DECLARED_MET,
  type GraderDirectedKind,
  graderDirected,
} from './grader-directed.ts';
export { HIRE_THRESHOLDS, hireSignal } from './grading.ts';
export * from './judge/index.ts';
export { ENGLISH_WORDS, languageCounts } from './language.ts';
export { expectedAt } from './levels.ts';
export { assertQuote, CREDIT, type Level, type NearMiss } from './matcher.ts';
export { budgetMs, stepDurations } from './pacing.ts';
export { finalStepScore, HINT_FACTORS, RED_FLAG_DEDUCTIONS, TAKEN_BACK_FACTOR } from './penalties.ts';
export { type MessageReading, readCandidateMessage } from './reader.ts';
export { buildReport, type ScoreOptions, scoreSession } from './report.ts';
export { adoptRubricData, loadRubricData } from './rubric-data.ts';
export { posesCriterion } from './segment.ts';
export type { SessionTurn } from './session.ts';
export { type ScoreError, type ScoreResult, scoreTranscript } from './transcript-file.ts';
export { type MeaningStatus, meaningStatus } from './word-vectors.ts';
