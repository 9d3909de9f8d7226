import type {
  EndReason,
  Presence,
  RoomView,
  ServerMessage,
  StepId,
  StepProgress,
  Turn,
  TurnDeltaMessage,
} from '@mlsd/protocol';
import { clockOffset } from './countdown.ts';
import {
  applyLocalAction,
  applyShared,
  type LocalAction,
  type LocalMessage,
  notInTranscript,
  pendingFrom,
  type RoomNotice,
} from './shared-room-state.ts';
import type { OutboxEntry } from './storage.ts';

export type { LocalMessage, RoomNotice };

/** An interviewer message the model is still writing. Never stored: the committed turn replaces it. */
export interface Draft {
  draftId: string;
  step: StepId;
  text: string;
}

export interface RoomState {
  session: RoomView | null;
  steps: StepProgress[];
  currentStep: StepId | null;
  stepStartedAt: number;
  stepBudgetMs: number;
  /** When the candidate paused the clock (server epoch ms); null while it runs. */
  pausedAt: number | null;
  /** serverNow - browserNow, from the last snapshot or clock frame. */
  clockOffset: number;
  transcript: Turn[];
  lastSeq: number;
  notes: string;
  warning: { step: StepId; remainingMs: number } | null;
  ended: { reason: EndReason; reportId: string } | null;
  local: LocalMessage[];
  notice: RoomNotice | null;
  /** Interviewer messages being streamed, oldest first. */
  drafts: Draft[];
  /** The model interviewer failed (or was unavailable) and the offline one took over. */
  degraded: boolean;
  /** Who is connected; `observers` counts the people watching through a read-only link. */
  presence: Presence;
}

export type RoomAction =
  | { type: 'server'; message: ServerMessage; localNow: number }
  /** Streamed pieces gathered over one animation frame, folded in with one render. */
  | { type: 'deltas'; deltas: TurnDeltaMessage[] }
  | LocalAction<OutboxEntry>;

export function initialRoomState(outbox: OutboxEntry[] = []): RoomState {
  return {
    session: null,
    steps: [],
    currentStep: null,
    stepStartedAt: 0,
    stepBudgetMs: 0,
    pausedAt: null,
    clockOffset: 0,
    transcript: [],
    lastSeq: 0,
    notes: '',
    warning: null,
    ended: null,
    local: pendingFrom(outbox),
    notice: null,
    drafts: [],
    degraded: false,
    // The server is the interviewer of a solo room: always there.
    presence: { interviewer: true, candidate: false, observers: 0 },
  };
}

/** Folds one server message or local action into the room; events at or below `lastSeq` are ignored. */
export function roomReducer(state: RoomState, action: RoomAction): RoomState {
  switch (action.type) {
    case 'queued':
    case 'discard':
    case 'dismiss-notice':
      return applyLocalAction(state, action);
    case 'server':
      return applyServer(state, action.message, action.localNow);
    case 'deltas':
      return action.deltas.length === 0
        ? state
        : { ...state, drafts: appendDeltas(state.drafts, action.deltas) };
  }
}

/** Appends each piece to its draft, creating the draft on its first piece. */
function appendDeltas(drafts: Draft[], deltas: readonly TurnDeltaMessage[]): Draft[] {
  const next = [...drafts];
  for (const delta of deltas) {
    const index = next.findIndex((draft) => draft.draftId === delta.draftId);
    const draft = next[index];
    if (draft) next[index] = { ...draft, text: draft.text + delta.text };
    else next.push({ draftId: delta.draftId, step: delta.step, text: delta.text });
  }
  return next;
}

function applyServer(state: RoomState, message: ServerMessage, localNow: number): RoomState {
  switch (message.type) {
    case 'snapshot': {
      const { transcript, room, clock } = message;
      return {
        ...state,
        session: room,
        steps: clock?.steps ?? state.steps,
        currentStep: clock?.currentStep ?? state.currentStep,
        stepStartedAt: clock?.stepStartedAt ?? state.stepStartedAt,
        stepBudgetMs: clock?.stepBudgetMs ?? state.stepBudgetMs,
        pausedAt: clock ? clock.pausedAt : state.pausedAt,
        clockOffset: clock ? clockOffset(clock.serverNow, localNow) : state.clockOffset,
        transcript,
        lastSeq: Math.max(state.lastSeq, message.lastSeq),
        notes: message.notes,
        ended:
          room.status === 'ended' && room.reportId
            ? { reason: room.endReason ?? 'completed', reportId: room.reportId }
            : state.ended,
        local: notInTranscript(state.local, transcript),
        // Drafts are never replayed: whatever was being written is either in the transcript now or gone.
        drafts: [],
        degraded: room.degraded || state.degraded,
        presence: message.presence,
      };
    }
    case 'presence':
      return { ...state, presence: message.presence };
    case 'clock': {
      // Paused or resumed: a resume also moves the step's start by the paused time.
      const { clock } = message;
      return {
        ...state,
        steps: clock.steps,
        currentStep: clock.currentStep,
        stepStartedAt: clock.stepStartedAt,
        stepBudgetMs: clock.stepBudgetMs,
        pausedAt: clock.pausedAt,
        clockOffset: clockOffset(clock.serverNow, localNow),
      };
    }
    case 'notes_update':
      // Only observers get these (the candidate's own pad never echoes back to them).
      return { ...state, notes: message.text };
    case 'turn_delta':
      return { ...state, drafts: appendDeltas(state.drafts, [message]) };
    case 'turn_discard':
      return { ...state, drafts: state.drafts.filter((draft) => draft.draftId !== message.draftId) };
    default:
      // Acks, refusals and numbered events work alike in every room; anything else is not for this one.
      return applyShared(state, message, applyEvent) ?? state;
  }
}

type NumberedEvent = Extract<ServerMessage, { seq: number }>;

function applyEvent(state: RoomState, event: NumberedEvent): RoomState {
  switch (event.type) {
    case 'turn':
      return addTurn(state, event.turn);
    case 'step':
      return startStep(state, event);
    case 'warning':
      return { ...state, warning: { step: event.step, remainingMs: event.remainingMs } };
    case 'ended':
      return {
        ...state,
        ended: { reason: event.reason, reportId: event.reportId },
        session: state.session ? { ...state.session, status: 'ended', reportId: event.reportId } : null,
        warning: null,
        drafts: [],
      };
  }
}

function addTurn(state: RoomState, turn: Turn): RoomState {
  if (state.transcript.some((t) => t.id === turn.id)) return state;
  // The committed turn takes its draft's place; its text is the one that counts.
  const drafts =
    turn.draftId === undefined ? state.drafts : state.drafts.filter((d) => d.draftId !== turn.draftId);
  // The server announces a switch to the offline interviewer with a notice turn.
  const degraded = state.degraded || (turn.kind === 'notice' && state.session?.interviewer === 'llm');
  let local = state.local;
  if (turn.role === 'candidate') {
    const byId = turn.clientId ? local.findIndex((m) => m.clientId === turn.clientId) : -1;
    // Without a client id on the turn, the oldest acknowledged message with the same text is the one.
    const index =
      byId >= 0 ? byId : local.findIndex((m) => m.status === 'sent' && m.text.trim() === turn.text.trim());
    if (index >= 0) local = local.filter((_, i) => i !== index);
  }
  return { ...state, transcript: [...state.transcript, turn], local, drafts, degraded };
}

function startStep(state: RoomState, event: Extract<NumberedEvent, { type: 'step' }>): RoomState {
  const previousIndex = state.steps.findIndex((s) => s.id === state.currentStep);
  const steps = state.steps.map((step, i): StepProgress => {
    if (step.id === event.step) return { ...step, status: 'active', budgetMs: event.budgetMs, usedMs: 0 };
    if (i === previousIndex && step.status === 'active') {
      return { ...step, status: 'done', usedMs: Math.max(0, event.startedAt - state.stepStartedAt) };
    }
    if (i > previousIndex && i < event.index && step.status === 'pending')
      return { ...step, status: 'skipped' };
    return step;
  });
  return {
    ...state,
    steps,
    currentStep: event.step,
    stepStartedAt: event.startedAt,
    stepBudgetMs: event.budgetMs,
    // Moving on while paused lets the clock run again (the server does the same).
    pausedAt: null,
    warning: null,
  };
}

/** Time used in a step; the active one counts up from its start on the server's clock (frozen while paused). */
export function stepUsedMs(state: RoomState, step: StepProgress, serverNow: number): number {
  if (step.status === 'active' && step.id === state.currentStep) {
    return Math.max(step.usedMs, serverNow - state.stepStartedAt);
  }
  return step.usedMs;
}
