import type { CaseStudy, Framework } from '@mlsd/rubric';
import { stepBudgetsMs } from './budgets.ts';
import type { EngineConfig } from './state.ts';

export interface ConfigOptions {
  /** Session length in minutes; 45 when absent. */
  durationMinutes?: number;
  /** Default 2. */
  maxProbesPerStep?: number;
  /** Default 2. */
  maxFollowUpsPerStep?: number;
  /** Default 2: the curveball follows the candidate's second answer in its step. */
  curveballAfterAnswers?: number;
  /** Default 60 s. */
  maxSpeakingMs?: number;
}

export const DEFAULT_DURATION_MINUTES = 45;

/** The engine configuration for one session of `caseStudy`. */
export function createConfig(
  framework: Framework,
  caseStudy: CaseStudy,
  options: ConfigOptions = {},
): EngineConfig {
  const durationMinutes = options.durationMinutes ?? DEFAULT_DURATION_MINUTES;
  return {
    durationMinutes,
    budgetsMs: stepBudgetsMs(framework, durationMinutes),
    curveballs: caseStudy.curveballs.map((ball) => ({ id: ball.id, step: ball.step })),
    maxProbesPerStep: options.maxProbesPerStep ?? 2,
    maxFollowUpsPerStep: options.maxFollowUpsPerStep ?? 2,
    curveballAfterAnswers: options.curveballAfterAnswers ?? 2,
    maxSpeakingMs: options.maxSpeakingMs ?? 60_000,
  };
}
