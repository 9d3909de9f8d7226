import type { PeerRoomRecord, SessionRecord } from '@mlsd/db';
import { currentStep, type EngineState, stepProgress } from '@mlsd/engine';
import type { RoomClock, RoomView } from '@mlsd/protocol';
import type { Framework } from '@mlsd/rubric';

/** The clock every seat draws, solo or peer. */
export function clockOf(state: EngineState, now: number, framework: Framework): RoomClock {
  const step = currentStep(state);
  return {
    steps: stepProgress(state, now, framework),
    currentStep: step.id,
    stepStartedAt: step.startedAt ?? state.startedAt,
    stepBudgetMs: step.budgetMs,
    pausedAt: state.pausedAt,
    serverNow: now,
  };
}

/** A solo room as an interviewer view sees it (the room projects it for candidate views). */
export function soloRoomView(
  record: SessionRecord,
  prompt: string,
  startedAt: number,
  hasReport: boolean,
): RoomView {
  return {
    id: record.id,
    mode: 'solo',
    status: record.status,
    caseId: record.caseId,
    caseTitle: record.caseTitle,
    prompt,
    durationMinutes: record.durationMinutes,
    interviewer: record.interviewer,
    surprise: false,
    createdAt: record.createdAt,
    startedAt,
    endedAt: record.endedAt,
    endReason: record.endReason,
    reportId: hasReport ? record.id : null,
    degraded: record.degraded,
    nextRoomId: null,
  };
}

/** A peer room as an interviewer view sees it (the room projects it for candidate views). */
export function peerRoomView(record: PeerRoomRecord, prompt: string): RoomView {
  return {
    id: record.id,
    mode: 'peer',
    status: record.status,
    caseId: record.caseId,
    caseTitle: record.caseTitle,
    prompt,
    durationMinutes: record.durationMinutes,
    interviewer: 'human',
    surprise: record.surprise,
    createdAt: record.createdAt,
    startedAt: record.startedAt,
    endedAt: record.endedAt,
    endReason: record.endReason,
    reportId: record.status === 'ended' ? record.id : null,
    degraded: false,
    nextRoomId: record.nextRoomId,
  };
}
