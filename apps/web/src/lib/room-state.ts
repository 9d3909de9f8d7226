import type { EndReason, ServerMessage, SessionView, StepId, StepProgress, Turn } from '@mlsd/protocol';
import { clockOffset } from './countdown.ts';
import type { OutboxEntry } from './storage.ts';

/** A candidate message the server has not yet put in the transcript. */
export interface LocalMessage extends OutboxEntry {
  status: 'pending' | 'sent' | 'failed';
  error?: string;
}

export interface RoomNotice {
  code: string;
  message: string;
}

export interface RoomState {
  session: SessionView | null;
  steps: StepProgress[];
  currentStep: StepId | null;
  stepStartedAt: number;
  stepBudgetMs: number;
  /** serverNow - browserNow, from the last snapshot. */
  clockOffset: number;
  transcript: Turn[];
  lastSeq: number;
  notes: string;
  warning: { step: StepId; remainingMs: number } | null;
  ended: { reason: EndReason; reportId: string } | null;
  local: LocalMessage[];
  notice: RoomNotice | null;
}

export type RoomAction =
  | { type: 'server'; message: ServerMessage; localNow: number }
  | { type: 'queued'; entry: OutboxEntry }
  | { type: 'discard'; clientId: string }
  | { type: 'dismiss-notice' };

export function initialRoomState(outbox: OutboxEntry[] = []): RoomState {
  return {
    session: null,
    steps: [],
    currentStep: null,
    stepStartedAt: 0,
    stepBudgetMs: 0,
    clockOffset: 0,
    transcript: [],
    lastSeq: 0,
    notes: '',
    warning: null,
    ended: null,
    local: outbox.map((e) => ({ ...e, status: 'pending' })),
    notice: null,
  };
}

/** Folds one server message or local action into the room; events at or below `lastSeq` are ignored. */
export function roomReducer(state: RoomState, action: RoomAction): RoomState {
  switch (action.type) {
    case 'queued': {
      const others = state.local.filter((m) => m.clientId !== action.entry.clientId);
      return { ...state, local: [...others, { ...action.entry, status: 'pending' }] };
    }
    case 'discard':
      return { ...state, local: state.local.filter((m) => m.clientId !== action.clientId) };
    case 'dismiss-notice':
      return { ...state, notice: null };
    case 'server':
      return applyServer(state, action.message, action.localNow);
  }
}

function applyServer(state: RoomState, message: ServerMessage, localNow: number): RoomState {
  switch (message.type) {
    case 'snapshot': {
      const transcript = message.transcript;
      return {
        ...state,
        session: message.session,
        steps: message.steps,
        currentStep: message.currentStep,
        stepStartedAt: message.stepStartedAt,
        stepBudgetMs: message.stepBudgetMs,
        clockOffset: clockOffset(message.serverNow, localNow),
        transcript,
        lastSeq: Math.max(state.lastSeq, message.lastSeq),
        notes: message.notes,
        ended:
          message.session.status === 'ended' && message.session.reportId
            ? { reason: 'completed', reportId: message.session.reportId }
            : state.ended,
        local: state.local.filter((m) => !transcript.some((t) => t.clientId === m.clientId)),
      };
    }
    case 'ack':
      return {
        ...state,
        local:
          message.duplicate && state.transcript.some((t) => t.clientId === message.clientId)
            ? state.local.filter((m) => m.clientId !== message.clientId)
            : state.local.map((m) => (m.clientId === message.clientId ? { ...m, status: 'sent' } : m)),
      };
    case 'error': {
      const notice = { code: message.code, message: message.message };
      if (!message.clientId) return { ...state, notice };
      return {
        ...state,
        notice,
        local: state.local.map((m) =>
          m.clientId === message.clientId ? { ...m, status: 'failed', error: message.message } : m,
        ),
      };
    }
    default:
      if (message.seq <= state.lastSeq) return state;
      return applyEvent({ ...state, lastSeq: message.seq }, message);
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
      };
  }
}

function addTurn(state: RoomState, turn: Turn): RoomState {
  if (state.transcript.some((t) => t.id === turn.id)) return state;
  let local = state.local;
  if (turn.role === 'candidate') {
    const byId = turn.clientId ? local.findIndex((m) => m.clientId === turn.clientId) : -1;
    // Without a client id on the turn, the oldest acknowledged message with the same text is the one.
    const index =
      byId >= 0 ? byId : local.findIndex((m) => m.status === 'sent' && m.text.trim() === turn.text.trim());
    if (index >= 0) local = local.filter((_, i) => i !== index);
  }
  return { ...state, transcript: [...state.transcript, turn], local };
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
    warning: null,
  };
}

/** Time used in a step; the active one counts up from its start on the server's clock. */
export function stepUsedMs(state: RoomState, step: StepProgress, serverNow: number): number {
  if (step.status === 'active' && step.id === state.currentStep) {
    return Math.max(step.usedMs, serverNow - state.stepStartedAt);
  }
  return step.usedMs;
}
