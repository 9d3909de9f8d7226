import { type ClientMessage, ServerMessage } from '@mlsd/protocol';
import { backoffDelay } from './backoff.ts';
import { newClientId } from './client-id.ts';
import type { Outbox, OutboxEntry } from './storage.ts';

/** The part of the browser WebSocket this client uses; tests pass a fake. */
export interface SocketLike {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export type ConnectionStatus =
  | { kind: 'connecting'; attempt: number }
  | { kind: 'open' }
  | { kind: 'waiting'; attempt: number; retryAt: number }
  | { kind: 'failed'; code: string; message: string }
  | { kind: 'stopped' };

export interface RoomConnectionOptions {
  url: string;
  sessionId: string;
  token: string;
  createSocket: (url: string) => SocketLike;
  outbox: Outbox;
  onMessage: (message: ServerMessage) => void;
  onStatus: (status: ConnectionStatus) => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (id: unknown) => void;
  now?: () => number;
  random?: () => number;
  newId?: () => string;
}

/** Errors after which retrying cannot help: the seat's key is wrong or the session is gone. */
const FATAL_BEFORE_JOIN = new Set(['UNAUTHORIZED', 'NOT_JOINED']);

/**
 * One seat's live connection: says hello with the last seq seen, passes on each event once,
 * resends unacknowledged answers (same client id) after every snapshot, and reconnects with
 * exponential backoff until stopped, the session ends, or the server refuses the seat.
 */
export class RoomConnection {
  private socket: SocketLike | null = null;
  private joined = false;
  private done = false;
  private attempt = 0;
  private timer: unknown = null;
  private lastSeq = 0;
  private readonly o: Required<RoomConnectionOptions>;

  constructor(options: RoomConnectionOptions) {
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

  get seq(): number {
    return this.lastSeq;
  }

  start(): void {
    if (!this.socket && !this.done) this.connect();
  }

  /** Closes for good (leaving the page). */
  stop(): void {
    this.finish({ kind: 'stopped' });
  }

  /** Skips the rest of a backoff wait, e.g. when the browser comes back online. */
  retryNow(): void {
    if (this.done || this.socket) return;
    this.clearRetry();
    this.connect();
  }

  /** Queues an answer; it is sent now if joined, else after the next snapshot. */
  sendAnswer(text: string): OutboxEntry {
    const entry: OutboxEntry = { clientId: this.o.newId(), text, createdAt: this.o.now() };
    this.resend(entry);
    return entry;
  }

  /** Sends an entry again with its original client id, so the server stores it at most once. */
  resend(entry: OutboxEntry): void {
    this.o.outbox.add(entry);
    if (this.joined) this.send({ type: 'answer', clientId: entry.clientId, text: entry.text });
  }

  /** `next_step` or `end`; only while joined, returns the client id or null. */
  sendControl(type: 'next_step' | 'end'): string | null {
    if (!this.joined) return null;
    const clientId = this.o.newId();
    this.send({ type, clientId });
    return clientId;
  }

  sendNotes(text: string): boolean {
    if (!this.joined) return false;
    this.send({ type: 'notes', text });
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
    socket.onopen = () => {
      this.send({ type: 'hello', sessionId: this.o.sessionId, token: this.o.token, lastSeq: this.lastSeq });
    };
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
    const parsed = ServerMessage.safeParse(json);
    if (!parsed.success) return;
    const message = parsed.data;
    switch (message.type) {
      case 'snapshot':
        this.joined = true;
        this.attempt = 0;
        this.lastSeq = Math.max(this.lastSeq, message.lastSeq);
        this.o.onStatus({ kind: 'open' });
        this.o.onMessage(message);
        if (message.session.status === 'ended') {
          this.finish({ kind: 'stopped' });
          return;
        }
        for (const entry of this.o.outbox.list()) {
          this.send({ type: 'answer', clientId: entry.clientId, text: entry.text });
        }
        return;
      case 'ack':
        this.o.outbox.remove(message.clientId);
        this.o.onMessage(message);
        return;
      case 'error':
        if (!this.joined && FATAL_BEFORE_JOIN.has(message.code)) {
          this.o.onMessage(message);
          this.finish({ kind: 'failed', code: message.code, message: message.message });
          return;
        }
        // A refused answer was not stored; resending it unchanged would be refused again.
        if (message.clientId) this.o.outbox.remove(message.clientId);
        this.o.onMessage(message);
        return;
      case 'turn_delta':
      case 'turn_discard':
        // Drafts are not numbered: they pass straight through, and a reconnect forgets them.
        if (this.joined) this.o.onMessage(message);
        return;
      default:
        if (message.seq <= this.lastSeq) return;
        this.lastSeq = message.seq;
        this.o.onMessage(message);
        if (message.type === 'ended') this.finish({ kind: 'stopped' });
    }
  }

  private send(message: ClientMessage): void {
    try {
      this.socket?.send(JSON.stringify(message));
    } catch {
      // A socket closing under us; the outbox keeps answers for the next connection.
    }
  }

  private scheduleRetry(): void {
    const delay = backoffDelay(this.attempt, this.o.random);
    this.attempt += 1;
    this.o.onStatus({ kind: 'waiting', attempt: this.attempt, retryAt: this.o.now() + delay });
    this.timer = this.o.setTimer(() => {
      this.timer = null;
      this.connect();
    }, delay);
  }

  private clearRetry(): void {
    if (this.timer !== null) this.o.clearTimer(this.timer);
    this.timer = null;
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
