import type { SessionRecord } from '@mlsd/db';
import { type EngineState, stepProgress } from '@mlsd/engine';
import type { Report, Turn } from '@mlsd/protocol';
import type { Framework } from '@mlsd/rubric';
import { notesForScoring } from '../drawing-notes.ts';
import type { SessionBrains, SessionCase } from './brains.ts';

/** The end-of-session report: the brains' scoring of the transcript, with the clock's times. */
export async function sessionReport(
  brains: SessionBrains,
  input: {
    ctx: SessionCase;
    record: SessionRecord;
    state: EngineState;
    transcript: readonly Turn[];
    endedAt: number;
    signal: AbortSignal;
  },
): Promise<Report> {
  const { ctx, record, state, endedAt } = input;
  const report = await brains.report({
    ...ctx,
    sessionId: record.id,
    durationMinutes: record.durationMinutes,
    transcript: input.transcript,
    notes: notesForScoring(record.notes, record.drawing),
    steps: stepProgress(state, endedAt, ctx.framework),
    degraded: record.degraded,
    interviewer: record.interviewer,
    signal: input.signal,
    startedAt: state.startedAt,
    now: endedAt,
  });
  return withClockTimes(report, state, endedAt, ctx.framework);
}

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
