import { backoffDelay } from './backoff.ts';
import { newClientId } from './client-id.ts';
import { gaveUpText, RETRY_WINDOW_MS, SendRetries } from './send-retries.ts';
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

/** What every live connection is given, whatever protocol it speaks. */
export interface SocketOptions<In> {
  url: string;
  createSocket: (url: string) => SocketLike;
  outbox: Outbox;
  /**
   * Every valid frame. An `error` frame reaches it with `retryable: true` only while this connection
   * keeps its entry queued and resends it; when it gives up, a final refusal follows without it.
   */
  onMessage: (message: In) => void;
  onStatus: (status: ConnectionStatus) => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (id: unknown) => void;
  now?: () => number;
  random?: () => number;
  newId?: () => string;
  /** How long entries refused as retryable are resent before giving up (default 30 s). */
  retryWindowMs?: number;
}

/** How a protocol's server frames are read, and which hello refusals end the connection. */
export interface SocketProtocol<In> {
  schema: { safeParse(json: unknown): { success: true; data: In } | { success: false } };
  fatalBeforeJoin: ReadonlySet<string>;
}

/** A server refusal: of the hello (`code`), or of one frame (`clientId`). */
interface Refusal {
  code: string;
  message: string;
  clientId?: string | undefined;
  retryable?: boolean | undefined;
}

/**
 * A seat's socket: connects, says the protocol's hello on open, reads valid frames, keeps
 * unacknowledged entries in the outbox, and reconnects with exponential backoff until stopped.
 * Subclasses decide what a frame means (`receive`) and how an outbox entry is sent (`entryFrame`).
 */
export abstract class ReconnectingSocket<In, Out, Entry extends OutboxEntry = OutboxEntry> {
  private socket: SocketLike | null = null;
  private joined = false;
  private done = false;
  private attempt = 0;
  private retryTimer: unknown = null;
  protected readonly o: Required<SocketOptions<In>>;
  private readonly retries: SendRetries<In & Refusal>;

  constructor(
    options: SocketOptions<In>,
    private readonly protocol: SocketProtocol<In>,
  ) {
    this.o = {
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
      now: Date.now,
      random: Math.random,
      newId: newClientId,
      retryWindowMs: RETRY_WINDOW_MS,
      ...options,
    };
    this.retries = new SendRetries(this.o, this.o.retryWindowMs, {
      resend: (clientId) => this.resendQueued(clientId),
      giveUp: (_clientId, last) => this.o.onMessage(this.gaveUpFrame(last)),
    });
  }

  /** The first frame on every new socket. */
  protected abstract hello(): Out;
  /** The frame that sends (or resends) an outbox entry. */
  protected abstract entryFrame(entry: Entry): Out;
  /** One valid server frame. */
  protected abstract receive(message: In): void;

  get isJoined(): boolean {
    return this.joined;
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

  /** Sends an entry again with its original client id, so the server stores it at most once. */
  resend(entry: Entry): void {
    this.retries.settle(entry.clientId);
    this.o.outbox.add(entry);
    if (this.joined) this.send(this.entryFrame(entry));
  }

  /** The candidate dropped an unsent entry: it leaves the outbox and is not resent. */
  discard(clientId: string): void {
    this.retries.settle(clientId);
    this.o.outbox.remove(clientId);
  }

  /** A new outbox entry, sent now if joined, else after the next snapshot. */
  protected queue(text: string, extra: Partial<Omit<Entry, keyof OutboxEntry>> = {}): Entry {
    const queued = { clientId: this.o.newId(), text, createdAt: this.o.now(), ...extra } as Entry;
    this.resend(queued);
    return queued;
  }

  /** Marks the seat joined (a snapshot arrived); true when it was not joined before. */
  protected markJoined(): boolean {
    const first = !this.joined;
    this.joined = true;
    this.attempt = 0;
    return first;
  }

  /** Resends every unacknowledged entry, oldest first. */
  protected flushOutbox(): void {
    this.retries.cancelWaits();
    for (const entry of this.o.outbox.list()) this.send(this.entryFrame(entry as Entry));
  }

  /** An ack: the entry is stored, so it leaves the outbox. */
  protected acked(message: In & { clientId: string }): void {
    this.retries.settle(message.clientId);
    this.o.outbox.remove(message.clientId);
    this.o.onMessage(message);
  }

  /** An error: fatal before joining for some codes; a refused entry leaves the outbox. */
  protected refused(message: In & Refusal): void {
    if (!this.joined && this.protocol.fatalBeforeJoin.has(message.code)) {
      this.o.onMessage(message);
      this.finish({ kind: 'failed', code: message.code, message: message.message });
      return;
    }
    const clientId = message.clientId;
    const queued = clientId !== undefined && this.o.outbox.list().some((e) => e.clientId === clientId);
    if (queued && message.retryable === true) {
      // "Not now": the entry stays queued and goes again (same client id) until the window closes.
      if (this.retries.hasGivenUp(clientId)) {
        this.o.onMessage(this.gaveUpFrame(message));
      } else {
        this.retries.refused(clientId, message);
        this.o.onMessage(message);
      }
      return;
    }
    if (queued) {
      // A refused entry was not stored; resending it unchanged would be refused again.
      this.retries.settle(clientId);
      this.o.outbox.remove(clientId);
    }
    // Nothing here resends it, so it must not be shown as being retried.
    this.o.onMessage(message.retryable ? { ...message, retryable: false } : message);
  }

  /** The refusal shown once an entry's retries ran out; the entry stays in the outbox. */
  private gaveUpFrame(last: In & Refusal): In & Refusal {
    return { ...last, retryable: false, message: gaveUpText(this.o.retryWindowMs) };
  }

  /** A retry's resend: only while joined (a reconnect's snapshot resends everything anyway). */
  private resendQueued(clientId: string): void {
    const entry = this.o.outbox.list().find((e) => e.clientId === clientId);
    if (entry && this.joined) this.send(this.entryFrame(entry as Entry));
  }

  /** Only while joined; false otherwise. */
  protected sendIfJoined(message: Out): boolean {
    if (!this.joined) return false;
    this.send(message);
    return true;
  }

  /** Only while joined: sends a frame with a fresh client id and returns it, else null. */
  protected sendWithId(build: (clientId: string) => Out): string | null {
    if (!this.joined) return null;
    const clientId = this.o.newId();
    this.send(build(clientId));
    return clientId;
  }

  protected finish(status: ConnectionStatus): void {
    if (this.done) return;
    this.done = true;
    this.joined = false;
    this.clearRetry();
    this.retries.stopAll();
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000, 'bye');
    this.o.onStatus(status);
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
    socket.onopen = () => this.send(this.hello());
    socket.onmessage = (ev) => {
      if (this.socket === socket) this.parse(ev.data);
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

  private parse(data: unknown): void {
    let json: unknown;
    try {
      json = JSON.parse(typeof data === 'string' ? data : String(data));
    } catch {
      return;
    }
    const parsed = this.protocol.schema.safeParse(json);
    if (parsed.success) this.receive(parsed.data);
  }

  private send(message: Out): void {
    try {
      this.socket?.send(JSON.stringify(message));
    } catch {
      // A socket closing under us; the outbox keeps entries for the next connection.
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
}
