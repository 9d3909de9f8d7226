import {
  CANDIDATE_VISIBLE,
  DrawingScene,
  type ErrorMessage,
  type RoomClock,
  type RoomView,
  type SeatView,
  type ServerMessage,
  type SnapshotMessage,
  type StepProgress,
} from '@mlsd/protocol';
import { candidateTurn } from './candidate-turn.ts';

/**
 * The one gate every frame passes on its way to a socket, whatever the room and the seat. An
 * interviewer view gets frames as they are. For a candidate view (the candidate and the observers
 * who watch the candidate's screen), only the types in CANDIDATE_VISIBLE pass, and those are
 * rebuilt field by field from a whitelist, so a field added to a shape later stays out until it
 * is added here on purpose. Returns null for a frame the view must not receive.
 */
export function projectForView(view: SeatView, message: ServerMessage): ServerMessage | null {
  if (view === 'interviewer') return message;
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
    case 'snapshot':
      return candidateSnapshot(message);
    case 'notes_update':
      return { type: 'notes_update', text: message.text, at: message.at };
    case 'drawing_update':
      return { type: 'drawing_update', scene: DrawingScene.parse(message.scene), at: message.at };
    case 'presence':
      return {
        type: 'presence',
        presence: {
          interviewer: message.presence.interviewer,
          candidate: message.presence.candidate,
          observers: message.presence.observers,
        },
      };
    case 'clock':
      return { type: 'clock', clock: candidateClock(message.clock) };
    case 'next_room':
      return { type: 'next_room', roomId: message.roomId };
    case 'ack':
      return { type: 'ack', clientId: message.clientId, duplicate: message.duplicate };
    case 'error': {
      const error: ErrorMessage = { type: 'error', code: message.code, message: message.message };
      if (message.clientId !== undefined) error.clientId = message.clientId;
      if (message.retryable !== undefined) error.retryable = message.retryable;
      return error;
    }
    case 'turn_delta':
      return { type: 'turn_delta', draftId: message.draftId, step: message.step, text: message.text };
    case 'turn_discard':
      return { type: 'turn_discard', draftId: message.draftId, reason: message.reason };
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

function candidateClock(clock: RoomClock): RoomClock {
  return {
    steps: clock.steps.map(candidateStep),
    currentStep: clock.currentStep,
    stepStartedAt: clock.stepStartedAt,
    stepBudgetMs: clock.stepBudgetMs,
    pausedAt: clock.pausedAt,
    serverNow: clock.serverNow,
  };
}

/** Before the start a candidate view learns the length, and the case only when it was chosen openly. */
function candidateRoom(room: RoomView): RoomView {
  const started = room.status !== 'lobby';
  const named = started || !room.surprise;
  return {
    id: room.id,
    mode: room.mode,
    status: room.status,
    caseId: named ? room.caseId : null,
    caseTitle: named ? room.caseTitle : null,
    prompt: started ? room.prompt : null,
    durationMinutes: room.durationMinutes,
    interviewer: room.interviewer,
    surprise: room.surprise,
    createdAt: room.createdAt,
    startedAt: room.startedAt,
    endedAt: room.endedAt,
    endReason: room.endReason,
    reportId: room.reportId,
    degraded: room.degraded,
    nextRoomId: room.nextRoomId,
  };
}

function candidateSnapshot(message: SnapshotMessage): SnapshotMessage {
  return {
    type: 'snapshot',
    seat: message.seat,
    view: 'candidate',
    room: candidateRoom(message.room),
    presence: {
      interviewer: message.presence.interviewer,
      candidate: message.presence.candidate,
      observers: message.presence.observers,
    },
    clock: message.clock === null ? null : candidateClock(message.clock),
    transcript: message.transcript.map(candidateTurn),
    notes: message.notes,
    // The candidate's own drawing, re-parsed so only the schema's fields leave.
    drawing: message.drawing ? DrawingScene.parse(message.drawing) : null,
    lastSeq: message.lastSeq,
  };
}
