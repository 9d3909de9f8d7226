import {
  CANDIDATE_VISIBLE,
  type PeerRoomView,
  type PeerSeat,
  type PeerServerMessage,
  type PeerSnapshotMessage,
  type StepProgress,
} from '@mlsd/protocol';
import { candidateTurn } from '../candidate-turn.ts';

/**
 * The one gate every frame passes on its way to a seat. The interviewer gets frames as they are.
 * For the candidate, only the types in CANDIDATE_VISIBLE pass, and those are rebuilt field by
 * field from a whitelist, so a field added to a shape later stays out until it is added here on
 * purpose. Returns null for a frame the seat must not receive.
 */
export function projectForSeat(seat: PeerSeat, message: PeerServerMessage): PeerServerMessage | null {
  if (seat === 'interviewer') return message;
  if (!CANDIDATE_VISIBLE.has(message.type)) return null;
  switch (message.type) {
    case 'turn':
      return { type: 'turn', seq: message.seq, turn: candidateTurn(message.turn) };
    case 'step':
      return {
        type: 'step',
        seq: message.seq,
        step: message.step,
        index: message.index,
        startedAt: message.startedAt,
        budgetMs: message.budgetMs,
        reason: message.reason,
      };
    case 'warning':
      return { type: 'warning', seq: message.seq, step: message.step, remainingMs: message.remainingMs };
    case 'ended':
      return { type: 'ended', seq: message.seq, reason: message.reason, reportId: message.reportId };
    case 'peer_snapshot':
      return candidateSnapshot(message);
    case 'peer_presence':
      return {
        type: 'peer_presence',
        presence: { interviewer: message.presence.interviewer, candidate: message.presence.candidate },
      };
    case 'peer_clock':
      return {
        type: 'peer_clock',
        clock: {
          steps: message.clock.steps.map(candidateStep),
          currentStep: message.clock.currentStep,
          stepStartedAt: message.clock.stepStartedAt,
          stepBudgetMs: message.clock.stepBudgetMs,
          pausedAt: message.clock.pausedAt,
          serverNow: message.clock.serverNow,
        },
      };
    case 'peer_next_room':
      return { type: 'peer_next_room', roomId: message.roomId };
    case 'peer_ack':
      return { type: 'peer_ack', clientId: message.clientId, duplicate: message.duplicate };
    case 'peer_error':
      return message.clientId === undefined
        ? { type: 'peer_error', code: message.code, message: message.message }
        : { type: 'peer_error', code: message.code, message: message.message, clientId: message.clientId };
    default:
      return null;
  }
}

function candidateStep(step: StepProgress): StepProgress {
  return {
    id: step.id,
    title: step.title,
    budgetMs: step.budgetMs,
    usedMs: step.usedMs,
    status: step.status,
  };
}

/** Before the start the candidate learns the length, and the case only when it was chosen openly. */
function candidateRoom(room: PeerRoomView): PeerRoomView {
  const started = room.status !== 'lobby';
  return {
    id: room.id,
    status: room.status,
    durationMinutes: room.durationMinutes,
    surprise: room.surprise,
    caseTitle: started || !room.surprise ? room.caseTitle : null,
    prompt: started ? room.prompt : null,
    createdAt: room.createdAt,
    startedAt: room.startedAt,
    endedAt: room.endedAt,
    endReason: room.endReason,
    nextRoomId: room.nextRoomId,
  };
}

function candidateSnapshot(message: PeerSnapshotMessage): PeerSnapshotMessage {
  const clock = message.clock;
  return {
    type: 'peer_snapshot',
    seat: 'candidate',
    room: candidateRoom(message.room),
    presence: { interviewer: message.presence.interviewer, candidate: message.presence.candidate },
    clock:
      clock === null
        ? null
        : {
            steps: clock.steps.map(candidateStep),
            currentStep: clock.currentStep,
            stepStartedAt: clock.stepStartedAt,
            stepBudgetMs: clock.stepBudgetMs,
            pausedAt: clock.pausedAt,
            serverNow: clock.serverNow,
          },
    transcript: message.transcript.map(candidateTurn),
    pad: message.pad,
    lastSeq: message.lastSeq,
  };
}
