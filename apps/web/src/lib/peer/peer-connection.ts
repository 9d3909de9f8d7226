import {
  type PeerClientMessage,
  PeerServerMessage,
  type PointVerdict,
  type StepId,
  type TimerAction,
} from '@mlsd/protocol';
import { backoffDelay } from '../backoff.ts';
import { newClientId } from '../client-id.ts';
import type { ConnectionStatus, SocketLike } from '../room-connection.ts';
import type { Outbox, OutboxEntry } from '../storage.ts';

/** A transcript line waiting for its ack; an interviewer's line may say what it is. */
export interface PeerOutboxEntry extends OutboxEntry {
  kind?: 'answer' | 'opening' | 'probe' | 'curveball';
  pointId?: string;
}

export interface PeerConnectionOptions {
  url: string;
  roomId: string;
  token: string;
  createSocket: (url: string) => SocketLike;
  outbox: Outbox;
  onMessage: (message: PeerServerMessage) => void;
  onStatus: (status: ConnectionStatus) => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (id: unknown) => void;
  now?: () => number;
  random?: () => number;
  newId?: () => string;
}

/** Refusals of the hello after which retrying cannot help. */
const FATAL_BEFORE_JOIN = new Set(['UNAUTHORIZED', 'ROOM_EXPIRED']);

/**
 * One seat's live connection to a peer room: hello with the seat's token, a fresh snapshot after
 * every reconnect, unacknowledged lines resent with their client ids, backoff between attempts.
 * It stays open after the interview ends: ratings, the report and the seat swap still need it.
 */
export class PeerConnection {
  private socket: SocketLike | null = null;
  private joined = false;
  private done = false;
  private attempt = 0;
  private retryTimer: unknown = null;
  private readonly o: Required<PeerConnectionOptions>;

  constructor(options: PeerConnectionOptions) {
    this.o = {
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
      now: Date.now,
      random: Math.random,
      newId: newClientId,
      ...options,
    };
  }

  get isJoined(): boolean {
    return this.joined;
  }

  start(): void {
    if (!this.socket && !this.done) this.connect();
  }

  stop(): void {
    this.finish({ kind: 'stopped' });
  }

  retryNow(): void {
    if (this.done || this.socket) return;
    this.clearRetry();
    this.connect();
  }

  /** Queues a transcript line; sent now if joined, else after the next snapshot. */
  say(text: string, extra: Pick<PeerOutboxEntry, 'kind' | 'pointId'> = {}): PeerOutboxEntry {
    const entry: PeerOutboxEntry = { clientId: this.o.newId(), text, createdAt: this.o.now(), ...extra };
    this.resend(entry);
    return entry;
  }

  resend(entry: PeerOutboxEntry): void {
    this.o.outbox.add(entry);
    if (this.joined) this.send(sayFrame(entry));
  }

  pad(text: string): boolean {
    return this.sendIfJoined({ type: 'peer_pad', text });
  }

  /** A clock control; returns its client id, or null when not connected. */
  timer(action: TimerAction, minutes?: number): string | null {
    if (!this.joined) return null;
    const clientId = this.o.newId();
    this.send(
      minutes === undefined
        ? { type: 'peer_timer', clientId, action }
        : { type: 'peer_timer', clientId, action, minutes },
    );
    return clientId;
  }

  mark(pointId: string, verdict: PointVerdict | null): boolean {
    return this.sendIfJoined({ type: 'peer_mark', pointId, verdict });
  }

  rate(step: StepId, score: number | null, comment: string): boolean {
    return this.sendIfJoined({ type: 'peer_rate', step, score, comment });
  }

  privateNotes(text: string): boolean {
    return this.sendIfJoined({ type: 'peer_private_notes', text });
  }

  swap(): string | null {
    if (!this.joined) return null;
    const clientId = this.o.newId();
    this.send({ type: 'peer_swap', clientId });
    return clientId;
  }

  private sendIfJoined(message: PeerClientMessage): boolean {
    if (!this.joined) return false;
    this.send(message);
    return true;
  }

  private connect(): void {
    this.o.onStatus({ kind: 'connecting', attempt: this.attempt });
    let socket: SocketLike;
    try {
      socket = this.o.createSocket(this.o.url);
    } catch {
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    socket.onopen = () => this.send({ type: 'peer_hello', roomId: this.o.roomId, token: this.o.token });
    socket.onmessage = (ev) => {
      if (this.socket === socket) this.receive(ev.data);
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.joined = false;
      if (!this.done) this.scheduleRetry();
    };
    socket.onerror = () => {
      // onclose follows and schedules the retry.
    };
  }

  private receive(data: unknown): void {
    let json: unknown;
    try {
      json = JSON.parse(typeof data === 'string' ? data : String(data));
    } catch {
      return;
    }
    const parsed = PeerServerMessage.safeParse(json);
    if (!parsed.success) return;
    const message = parsed.data;
    switch (message.type) {
      case 'peer_snapshot': {
        const first = !this.joined;
        this.joined = true;
        this.attempt = 0;
        if (first) this.o.onStatus({ kind: 'open' });
        this.o.onMessage(message);
        if (first && message.room.status !== 'ended') {
          for (const entry of this.o.outbox.list()) this.send(sayFrame(entry));
        }
        return;
      }
      case 'peer_ack':
        this.o.outbox.remove(message.clientId);
        this.o.onMessage(message);
        return;
      case 'peer_error':
        if (!this.joined && FATAL_BEFORE_JOIN.has(message.code)) {
          this.o.onMessage(message);
          this.finish({ kind: 'failed', code: message.code, message: message.message });
          return;
        }
        if (message.clientId) this.o.outbox.remove(message.clientId);
        this.o.onMessage(message);
        return;
      default:
        this.o.onMessage(message);
    }
  }

  private send(message: PeerClientMessage): void {
    try {
      this.socket?.send(JSON.stringify(message));
    } catch {
      // A socket closing under us; the outbox keeps lines for the next connection.
    }
  }

  private scheduleRetry(): void {
    const delay = backoffDelay(this.attempt, this.o.random);
    this.attempt += 1;
    this.o.onStatus({ kind: 'waiting', attempt: this.attempt, retryAt: this.o.now() + delay });
    this.retryTimer = this.o.setTimer(() => {
      this.retryTimer = null;
      this.connect();
    }, delay);
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) this.o.clearTimer(this.retryTimer);
    this.retryTimer = null;
  }

  private finish(status: ConnectionStatus): void {
    if (this.done) return;
    this.done = true;
    this.joined = false;
    this.clearRetry();
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000, 'bye');
    this.o.onStatus(status);
  }
}

function sayFrame(entry: PeerOutboxEntry): PeerClientMessage {
  const frame: PeerClientMessage = { type: 'peer_say', clientId: entry.clientId, text: entry.text };
  if (entry.kind) frame.kind = entry.kind;
  if (entry.pointId) frame.pointId = entry.pointId;
  return frame;
}
