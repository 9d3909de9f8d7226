import type { SessionListItem, SessionRecord } from '@mlsd/db';
import { restoreState, stepProgress } from '@mlsd/engine';
import type { Report, SessionDetail, SessionSummary, StepId, Turn } from '@mlsd/protocol';
import type { Rubrics } from '@mlsd/rubric';
import { AppError } from '../errors.ts';
import { candidateTurn } from '../rooms/candidate-turn.ts';
import { storedDrawing } from '../rooms/drawing-notes.ts';

/** The history-page row for a session. */
export function sessionSummary(item: SessionListItem): SessionSummary {
  return {
    id: item.id,
    caseId: item.caseId,
    caseTitle: item.caseTitle,
    durationMinutes: item.durationMinutes,
    interviewer: item.interviewer,
    level: item.level,
    persona: item.persona,
    status: item.status,
    createdAt: item.createdAt,
    endedAt: item.endedAt,
    reportId: item.report ? item.id : null,
    overall: item.reportOverall,
    stepScores: item.report ? stepScores(item.report) : null,
  };
}

/** Reached steps only: a step the interview never got to is not a 0 to average in history. */
function stepScores(report: Report): Partial<Record<StepId, number>> {
  return Object.fromEntries(report.steps.filter((step) => step.reached).map((step) => [step.id, step.score]));
}

/** A session with its transcript, as `GET /api/sessions/:id` returns it. */
export function sessionDetail(
  record: SessionRecord,
  report: Report | null,
  transcript: Turn[],
  rubrics: Rubrics,
  now: number,
): SessionDetail {
  const restored = restoreState(record.engineState);
  if (!restored.ok) throw new AppError('INTERNAL', `session ${record.id}: ${restored.error}`);
  return {
    ...sessionSummary({ ...record, report, reportOverall: report?.overall ?? null }),
    prompt: rubrics.cases.get(record.caseId)?.prompt ?? '',
    steps: stepProgress(restored.value, now, rubrics.framework),
    transcript: transcript.map(candidateTurn),
    notes: record.notes,
    drawing: storedDrawing(record.drawing),
  };
}
