import type { PeerRoomRecord } from '@mlsd/db';
import type { EngineEvent, EngineState } from '@mlsd/engine';
import type {
  ConsoleStep,
  PeerAssessment,
  PeerClientMessage,
  PeerConsoleMessage,
  PeerCoverage,
  PeerPresence,
  PeerSnapshotMessage,
  Turn,
} from '@mlsd/protocol';
import type { CaseStudy, Framework } from '@mlsd/rubric';
import { consoleFacts } from './rubric-view.ts';
import { clockOf } from './silent-engine.ts';

/**
 * The room as the interviewer's seat sees it. Every seat gets it through `projectForSeat`, which
 * rebuilds the candidate's copy from a whitelist.
 */
export function roomSnapshot(input: {
  record: PeerRoomRecord;
  caseStudy: CaseStudy;
  framework: Framework;
  state: EngineState | null;
  presence: PeerPresence;
  transcript: readonly Turn[];
  lastSeq: number;
  now: number;
}): PeerSnapshotMessage {
  const { record, state } = input;
  return {
    type: 'peer_snapshot',
    seat: 'interviewer',
    room: {
      id: record.id,
      status: record.status,
      durationMinutes: record.durationMinutes,
      surprise: record.surprise,
      caseTitle: record.caseTitle,
      prompt: input.caseStudy.prompt,
      createdAt: record.createdAt,
      startedAt: record.startedAt,
      endedAt: record.endedAt,
      endReason: record.endReason,
      nextRoomId: record.nextRoomId,
    },
    presence: input.presence,
    clock: state ? clockOf(state, input.now, input.framework) : null,
    transcript: [...input.transcript],
    pad: record.pad,
    lastSeq: input.lastSeq,
  };
}

/** Everything the interviewer needs to run the interview. Interviewer seats only. */
export function roomConsole(input: {
  caseStudy: CaseStudy;
  steps: ConsoleStep[];
  coverage: PeerCoverage;
  assessment: PeerAssessment;
}): PeerConsoleMessage {
  const { caseStudy } = input;
  return {
    type: 'peer_console',
    caseId: caseStudy.id,
    caseTitle: caseStudy.title,
    prompt: caseStudy.prompt,
    steps: input.steps,
    facts: consoleFacts(caseStudy),
    coverage: input.coverage,
    assessment: input.assessment,
  };
}

type ClockAction = Exclude<Extract<PeerClientMessage, { type: 'peer_timer' }>['action'], 'start'>;

/** The engine event for one of the interviewer's clock controls. */
export function engineEvent(action: ClockAction, minutes: number): EngineEvent {
  switch (action) {
    case 'pause':
      return { type: 'pause' };
    case 'resume':
      return { type: 'resume' };
    case 'next_step':
      return { type: 'move-on' };
    case 'add_minutes':
      return { type: 'add-time', ms: minutes * 60_000 };
    case 'end':
      return { type: 'end' };
  }
}
