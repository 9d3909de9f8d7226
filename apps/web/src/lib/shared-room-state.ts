/** The reducer pieces the solo room and the peer room share: this seat's unsent messages and numbered events. */
import type { ServerMessage, Turn } from '@mlsd/protocol';
import type { OutboxEntry } from './storage.ts';

/**
 * A message of this seat's that the server has not yet put in the transcript. `retrying`: the
 * server said "not now" and the connection is resending it.
 */
export interface LocalMessage extends OutboxEntry {
  status: 'pending' | 'retrying' | 'sent' | 'failed';
  error?: string;
}

export interface RoomNotice {
  code: string;
  message: string;
}

/** What a room state keeps of its own unsent messages. */
export interface LocalState {
  transcript: Turn[];
  local: LocalMessage[];
  notice: RoomNotice | null;
}

/** The reducer actions that touch only this seat's unsent messages and the notice. */
export type LocalAction<E extends OutboxEntry> =
  | { type: 'queued'; entry: E }
  | { type: 'discard'; clientId: string }
  | { type: 'dismiss-notice' };

/** Entries left in the outbox by an earlier visit, waiting to be resent. */
export function pendingFrom<E extends OutboxEntry>(outbox: E[]): (E & LocalMessage)[] {
  return outbox.map((entry) => ({ ...entry, status: 'pending' }));
}

export function applyLocalAction<S extends LocalState>(state: S, action: LocalAction<OutboxEntry>): S {
  switch (action.type) {
    case 'queued': {
      const others = state.local.filter((m) => m.clientId !== action.entry.clientId);
      return { ...state, local: [...others, { ...action.entry, status: 'pending' }] };
    }
    case 'discard':
      return { ...state, local: state.local.filter((m) => m.clientId !== action.clientId) };
    case 'dismiss-notice':
      return { ...state, notice: null };
  }
}

/** Messages the transcript (of a snapshot) does not hold yet. */
export function notInTranscript<M extends LocalMessage>(local: M[], transcript: Turn[]): M[] {
  return local.filter((m) => !transcript.some((t) => t.clientId === m.clientId));
}

/** An ack: the message is sent; a duplicate ack of one already in the transcript drops it. */
export function applyAck<S extends LocalState>(state: S, ack: { clientId: string; duplicate: boolean }): S {
  return {
    ...state,
    local:
      ack.duplicate && state.transcript.some((t) => t.clientId === ack.clientId)
        ? state.local.filter((m) => m.clientId !== ack.clientId)
        : state.local.map((m) => (m.clientId === ack.clientId ? { ...m, status: 'sent' } : m)),
  };
}

/**
 * An error: shown as the notice, and the message it refused (if any) is marked failed. A retryable
 * refusal of a message the connection is resending only marks it as retrying: no alarm, no notice.
 */
export function applyRefusal<S extends LocalState>(
  state: S,
  error: { code: string; message: string; clientId?: string | undefined; retryable?: boolean | undefined },
): S {
  if (error.retryable && state.local.some((m) => m.clientId === error.clientId)) {
    return {
      ...state,
      local: state.local.map((m) =>
        m.clientId === error.clientId ? { ...m, status: 'retrying', error: undefined } : m,
      ),
    };
  }
  const notice = { code: error.code, message: error.message };
  if (!error.clientId) return { ...state, notice };
  return {
    ...state,
    notice,
    local: state.local.map((m) =>
      m.clientId === error.clientId ? { ...m, status: 'failed', error: error.message } : m,
    ),
  };
}

/** A numbered event applies once: at or below `lastSeq` it has been seen already. */
export function applyNumbered<S extends { lastSeq: number }, E extends { seq: number }>(
  state: S,
  event: E,
  apply: (state: S, event: E) => S,
): S {
  if (event.seq <= state.lastSeq) return state;
  return apply({ ...state, lastSeq: event.seq }, event);
}

type NumberedEvent = Extract<ServerMessage, { seq: number }>;

/**
 * What every room's state does with acks, refusals and numbered events, solo or peer; undefined
 * for any other frame, which the room's own reducer handles.
 */
export function applyShared<S extends LocalState & { lastSeq: number }>(
  state: S,
  message: ServerMessage,
  applyEvent: (state: S, event: NumberedEvent) => S,
): S | undefined {
  switch (message.type) {
    case 'ack':
      return applyAck(state, message);
    case 'error':
      return applyRefusal(state, message);
    case 'turn':
    case 'step':
    case 'warning':
    case 'ended':
      return applyNumbered(state, message, applyEvent);
    default:
      return undefined;
  }
}

/** What a seat's own unsent message says about itself; "retrying" is calm, not an error. */
export const SEND_STATUS_LABEL: Record<LocalMessage['status'], string> = {
  pending: 'Sending…',
  retrying: 'Retrying…',
  sent: 'Saved',
  failed: 'Not sent',
};
