import { type ClientMessage, type DrawingScene, ServerMessage } from '@mlsd/protocol';
import {
  type ConnectionStatus,
  ReconnectingSocket,
  type SocketLike,
  type SocketOptions,
} from './reconnecting-socket.ts';
import type { OutboxEntry } from './storage.ts';

export type { ConnectionStatus, SocketLike };

export interface RoomConnectionOptions extends SocketOptions<ServerMessage> {
  sessionId: string;
  token: string;
}

/** Errors after which retrying cannot help: the seat's key is wrong or the room is gone. */
const FATAL_BEFORE_JOIN = new Set(['UNAUTHORIZED', 'NOT_JOINED', 'ROOM_EXPIRED']);

/**
 * One seat's live connection (or an observer's, with an empty outbox): says hello with the last seq seen, passes on each event once,
 * resends unacknowledged answers (same client id) after every snapshot, and reconnects with
 * exponential backoff until stopped, the session ends, or the server refuses the seat.
 */
export class RoomConnection extends ReconnectingSocket<ServerMessage, ClientMessage> {
  private lastSeq = 0;
  private readonly sessionId: string;
  private readonly token: string;

  constructor(options: RoomConnectionOptions) {
    super(options, { schema: ServerMessage, fatalBeforeJoin: FATAL_BEFORE_JOIN });
    this.sessionId = options.sessionId;
    this.token = options.token;
  }

  get seq(): number {
    return this.lastSeq;
  }

  /** Queues an answer; it is sent now if joined, else after the next snapshot. */
  sendAnswer(text: string): OutboxEntry {
    return this.queue(text);
  }

  /** A solo candidate's clock control; only while joined, returns the client id or null. */
  sendControl(type: 'pause' | 'resume' | 'next_step' | 'end'): string | null {
    return this.sendWithId((clientId) => ({ type: 'timer', action: type, clientId }));
  }

  sendNotes(text: string): boolean {
    return this.sendIfJoined({ type: 'notes', text });
  }

  /** The whole whiteboard (last write wins); false when not joined, so the caller keeps it. */
  sendDrawing(scene: DrawingScene): boolean {
    return this.sendIfJoined({ type: 'drawing', scene });
  }

  protected hello(): ClientMessage {
    return { type: 'hello', roomId: this.sessionId, token: this.token, lastSeq: this.lastSeq };
  }

  protected entryFrame(entry: OutboxEntry): ClientMessage {
    return { type: 'say', clientId: entry.clientId, text: entry.text };
  }

  protected receive(message: ServerMessage): void {
    switch (message.type) {
      case 'snapshot':
        this.markJoined();
        this.lastSeq = Math.max(this.lastSeq, message.lastSeq);
        this.o.onStatus({ kind: 'open' });
        this.o.onMessage(message);
        if (message.room.status === 'ended') {
          this.finish({ kind: 'stopped' });
          return;
        }
        this.flushOutbox();
        return;
      case 'ack':
        this.acked(message);
        return;
      case 'error':
        this.refused(message);
        return;
      case 'turn':
      case 'step':
      case 'warning':
      case 'ended':
        if (message.seq <= this.lastSeq) return;
        this.lastSeq = message.seq;
        this.o.onMessage(message);
        if (message.type === 'ended') this.finish({ kind: 'stopped' });
        return;
      default:
        // Drafts and room state (presence, the pad, the clock, an interviewer view's console) are
        // not numbered: they pass straight through, and a reconnect gets them fresh.
        if (this.isJoined) this.o.onMessage(message);
    }
  }
}
