import {
  type ClientMessage,
  type DrawingScene,
  type PointVerdict,
  ServerMessage,
  type StepId,
  type TimerAction,
} from '@mlsd/protocol';
import { ReconnectingSocket, type SocketOptions } from '../reconnecting-socket.ts';
import type { OutboxEntry } from '../storage.ts';

/** A transcript line waiting for its ack; an interviewer's line may say what it is. */
export interface PeerOutboxEntry extends OutboxEntry {
  kind?: 'answer' | 'opening' | 'probe' | 'curveball';
  pointId?: string;
}

export interface PeerConnectionOptions extends SocketOptions<ServerMessage> {
  roomId: string;
  token: string;
}

/** Refusals of the hello after which retrying cannot help. */
const FATAL_BEFORE_JOIN = new Set(['UNAUTHORIZED', 'ROOM_EXPIRED']);

/**
 * One seat's live connection to a peer room: hello with the seat's token, a fresh snapshot after
 * every reconnect, unacknowledged lines resent with their client ids, backoff between attempts.
 * It stays open after the interview ends: ratings, the report and the seat swap still need it.
 */
export class PeerConnection extends ReconnectingSocket<ServerMessage, ClientMessage, PeerOutboxEntry> {
  private readonly roomId: string;
  private readonly token: string;

  constructor(options: PeerConnectionOptions) {
    super(options, { schema: ServerMessage, fatalBeforeJoin: FATAL_BEFORE_JOIN });
    this.roomId = options.roomId;
    this.token = options.token;
  }

  /** Queues a transcript line; sent now if joined, else after the next snapshot. */
  say(text: string, extra: Pick<PeerOutboxEntry, 'kind' | 'pointId'> = {}): PeerOutboxEntry {
    return this.queue(text, extra);
  }

  pad(text: string): boolean {
    return this.sendIfJoined({ type: 'notes', text });
  }

  /** The candidate's whole whiteboard (last write wins). */
  drawing(scene: DrawingScene): boolean {
    return this.sendIfJoined({ type: 'drawing', scene });
  }

  /** A clock control; returns its client id, or null when not connected. */
  timer(action: TimerAction, minutes?: number): string | null {
    return this.sendWithId((clientId) =>
      minutes === undefined
        ? { type: 'timer', clientId, action }
        : { type: 'timer', clientId, action, minutes },
    );
  }

  mark(pointId: string, verdict: PointVerdict | null): boolean {
    return this.sendIfJoined({ type: 'mark', pointId, verdict });
  }

  rate(step: StepId, score: number | null, comment: string): boolean {
    return this.sendIfJoined({ type: 'rate', step, score, comment });
  }

  privateNotes(text: string): boolean {
    return this.sendIfJoined({ type: 'private_notes', text });
  }

  swap(): string | null {
    return this.sendWithId((clientId) => ({ type: 'swap', clientId }));
  }

  protected hello(): ClientMessage {
    return { type: 'hello', roomId: this.roomId, token: this.token };
  }

  protected entryFrame(entry: PeerOutboxEntry): ClientMessage {
    const frame: ClientMessage = { type: 'say', clientId: entry.clientId, text: entry.text };
    if (entry.kind) frame.kind = entry.kind;
    if (entry.pointId) frame.pointId = entry.pointId;
    return frame;
  }

  protected receive(message: ServerMessage): void {
    switch (message.type) {
      case 'snapshot': {
        const first = this.markJoined();
        if (first) this.o.onStatus({ kind: 'open' });
        this.o.onMessage(message);
        if (first && message.room.status !== 'ended') this.flushOutbox();
        return;
      }
      case 'ack':
        this.acked(message);
        return;
      case 'error':
        this.refused(message);
        return;
      default:
        this.o.onMessage(message);
    }
  }
}
