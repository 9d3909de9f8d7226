import type {
  ConsoleMessage,
  DrawingScene,
  PeerAssessment,
  PeerCoverage,
  PeerSeat,
  Presence,
  RoomClock,
  RoomView,
  ServerMessage,
  StepId,
  Turn,
} from '@mlsd/protocol';
import { clockOffset } from '../countdown.ts';
import {
  applyLocalAction,
  applyShared,
  type LocalAction,
  type LocalMessage,
  notInTranscript,
  pendingFrom,
  type RoomNotice,
} from '../shared-room-state.ts';
import type { PeerOutboxEntry } from './peer-connection.ts';

export type PeerConsole = Omit<ConsoleMessage, 'type' | 'coverage' | 'assessment'>;

export interface PeerRoomState {
  seat: PeerSeat | null;
  room: RoomView | null;
  presence: Presence;
  clock: RoomClock | null;
  /** serverNow - browserNow, from the last snapshot or clock. */
  clockOffset: number;
  transcript: Turn[];
  lastSeq: number;
  /** The candidate's pad as the server last had it (the interviewer's live view of it). */
  pad: string;
  /** The candidate's whiteboard as the server last had it (the candidate's own drawing is not echoed). */
  drawing: DrawingScene | null;
  /** Interviewer only. */
  console: PeerConsole | null;
  coverage: PeerCoverage | null;
  assessment: PeerAssessment | null;
  warning: { step: StepId; remainingMs: number } | null;
  local: (LocalMessage & PeerOutboxEntry)[];
  notice: RoomNotice | null;
}

export type PeerAction =
  | { type: 'server'; message: ServerMessage; localNow: number }
  | LocalAction<PeerOutboxEntry>;

export function initialPeerState(outbox: PeerOutboxEntry[] = []): PeerRoomState {
  return {
    seat: null,
    room: null,
    presence: { interviewer: false, candidate: false, observers: 0 },
    clock: null,
    clockOffset: 0,
    transcript: [],
    lastSeq: 0,
    pad: '',
    drawing: null,
    console: null,
    coverage: null,
    assessment: null,
    warning: null,
    local: pendingFrom(outbox),
    notice: null,
  };
}

export function peerReducer(state: PeerRoomState, action: PeerAction): PeerRoomState {
  switch (action.type) {
    case 'queued':
    case 'discard':
    case 'dismiss-notice':
      return applyLocalAction(state, action);
    case 'server':
      return applyServer(state, action.message, action.localNow);
  }
}

function applyServer(state: PeerRoomState, message: ServerMessage, localNow: number): PeerRoomState {
  switch (message.type) {
    case 'snapshot':
      return {
        ...state,
        seat: message.view,
        room: message.room,
        presence: message.presence,
        clock: message.clock,
        clockOffset: message.clock ? clockOffset(message.clock.serverNow, localNow) : state.clockOffset,
        transcript: message.transcript,
        lastSeq: message.lastSeq,
        pad: message.notes,
        drawing: message.drawing ?? null,
        local: notInTranscript(state.local, message.transcript),
      };
    case 'console': {
      const { type: _type, coverage, assessment, ...rest } = message;
      return { ...state, console: rest, coverage, assessment };
    }
    case 'coverage':
      return { ...state, coverage: message.coverage };
    case 'assessment':
      return { ...state, assessment: message.assessment };
    case 'notes_update':
      return { ...state, pad: message.text };
    case 'drawing_update':
      return { ...state, drawing: message.scene };
    case 'presence':
      return { ...state, presence: message.presence };
    case 'clock':
      return {
        ...state,
        clock: message.clock,
        clockOffset: clockOffset(message.clock.serverNow, localNow),
        warning: state.warning?.step === message.clock.currentStep ? state.warning : null,
      };
    case 'next_room':
      return state.room ? { ...state, room: { ...state.room, nextRoomId: message.roomId } } : state;
    default:
      // Acks, refusals and numbered events work alike in every room; anything else is not for this one.
      return applyShared(state, message, applyEvent) ?? state;
  }
}

type NumberedEvent = Extract<ServerMessage, { seq: number }>;

function applyEvent(state: PeerRoomState, event: NumberedEvent): PeerRoomState {
  switch (event.type) {
    case 'turn': {
      if (state.transcript.some((t) => t.id === event.turn.id)) return state;
      const clientId = event.turn.clientId;
      return {
        ...state,
        transcript: [...state.transcript, event.turn],
        local: clientId ? state.local.filter((m) => m.clientId !== clientId) : state.local,
      };
    }
    case 'step':
      return { ...state, warning: null };
    case 'warning':
      return { ...state, warning: { step: event.step, remainingMs: event.remainingMs } };
    case 'ended':
      return {
        ...state,
        warning: null,
        room: state.room
          ? {
              ...state.room,
              status: 'ended',
              endReason: event.reason,
              // On the server's clock, like the snapshot's: the clocks stop here.
              endedAt: state.room.endedAt ?? Date.now() + state.clockOffset,
            }
          : null,
      };
  }
}

/** When the clocks stopped for good (server epoch ms), or null while the room runs. */
export function peerStoppedAt(room: RoomView, clock: RoomClock): number | null {
  return room.status === 'ended' ? (room.endedAt ?? clock.serverNow) : null;
}

/**
 * The server time the clock shows: frozen while paused, and for good once the room has ended
 * (`endedAt`, server epoch ms), so no clock runs on after the interview.
 */
export function peerClockTime(
  clock: RoomClock,
  localNow: number,
  offset: number,
  endedAt: number | null = null,
): number {
  return clock.pausedAt ?? endedAt ?? localNow + offset;
}

/** Milliseconds left in the current step on the server's clock; frozen while paused or ended. */
export function peerRemainingMs(
  clock: RoomClock,
  localNow: number,
  offset: number,
  endedAt: number | null = null,
): number {
  return clock.stepStartedAt + clock.stepBudgetMs - peerClockTime(clock, localNow, offset, endedAt);
}

/** Time used in a step; the active one counts on the server's clock and stops while paused or ended. */
export function peerStepUsedMs(
  clock: RoomClock,
  stepId: StepId,
  localNow: number,
  offset: number,
  endedAt: number | null = null,
): number {
  const step = clock.steps.find((s) => s.id === stepId);
  if (!step) return 0;
  if (step.status !== 'active' || step.id !== clock.currentStep) return step.usedMs;
  return Math.max(step.usedMs, peerClockTime(clock, localNow, offset, endedAt) - clock.stepStartedAt);
}
