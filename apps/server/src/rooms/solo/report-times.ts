import { type EngineState, stepProgress } from '@mlsd/engine';
import type { Report } from '@mlsd/protocol';
import type { Framework } from '@mlsd/rubric';

/**
 * The report of a live session with its times from the server's clock: each step's time used as
 * the engine counted it (paused time left out), and how long the clock stood paused in all. The
 * scorer only sees turn times, which cannot tell a pause from silence.
 */
export function withClockTimes(
  report: Report,
  state: EngineState,
  endedAt: number,
  framework: Framework,
): Report {
  const used = new Map(stepProgress(state, endedAt, framework).map((step) => [step.id, step.usedMs]));
  return {
    ...report,
    steps: report.steps.map((step) => ({ ...step, usedMs: used.get(step.id) ?? step.usedMs })),
    pausedMs: Math.round(state.pausedMs),
  };
}
