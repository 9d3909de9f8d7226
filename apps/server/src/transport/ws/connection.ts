import type { ClientMessage, ErrorCode, Seat, SeatView, ServerMessage } from '@mlsd/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';
import type { Clock } from '../../clock.ts';
import { DEFAULT_HARDENING, type SocketLimits } from '../../hardening.ts';
import type { Rooms } from '../../rooms/registry.ts';
import type { Room } from '../../rooms/room.ts';
import type { SeatSocket } from '../../rooms/seat-hub.ts';
import { sendCapped } from './backpressure.ts';
import { FrameIntake } from './frame-intake.ts';
import { parseFrame } from './frames.ts';

const HELLO_FIRST = 'say hello first: {"type":"hello","roomId":"…","token":"…","lastSeq":0}';

/**
 * One socket, any seat of any room. Its seat and view are fixed by the token in `hello`; every
 * later frame acts as that seat whatever it claims. Listeners attach synchronously and frames run
 * through one queue, so frames sent while `hello` is still loading the room wait their turn.
 */
export class Connection implements SeatSocket {
  readonly #socket: WebSocket;
  readonly #rooms: Rooms;
  readonly #log: FastifyBaseLogger;
  readonly #intake: FrameIntake;
  readonly #maxBuffered: number;
  #room: Room | null = null;
  #seat: Seat = 'observer';
  #view: SeatView = 'candidate';
  #closed = false;

  constructor(
    socket: WebSocket,
    rooms: Rooms,
    clock: Clock,
    log: FastifyBaseLogger,
    limits: SocketLimits = DEFAULT_HARDENING,
  ) {
    this.#socket = socket;
    this.#rooms = rooms;
    this.#log = log;
    // Generous enough for a notes pad saving on every pause; a flood is refused, not queued.
    this.#intake = new FrameIntake(
      clock,
      limits.socketRate,
      log,
      (code, text) => this.#error(code, text),
      (text) => this.#handle(text),
    );
    this.#maxBuffered = limits.maxBufferedBytes;
    socket.on('message', (data, isBinary) => this.#intake.take(data, isBinary));
    socket.on('close', () => this.#onClose());
    socket.on('error', (error) => log.debug({ err: error }, 'websocket error'));
  }

  /** Until the hello says otherwise, a socket is treated as the least trusted seat. */
  get seat(): Seat {
    return this.#seat;
  }

  get view(): SeatView {
    return this.#view;
  }

  /** Frames reach here already projected for this socket's view by the room's seat hub. */
  send(message: ServerMessage): void {
    if (sendCapped(this.#socket, JSON.stringify(message), this.#maxBuffered) === 'dropped') {
      this.#log.warn('websocket peer stopped reading; dropped it (it will resume from its last seq)');
    }
  }

  /** Errors before the hello go out under the candidate view's projection, like every other frame. */
  #error(code: ErrorCode, message: string, clientId?: string): void {
    this.send(
      clientId === undefined ? { type: 'error', code, message } : { type: 'error', code, message, clientId },
    );
  }

  async #handle(text: string): Promise<void> {
    const parsed = parseFrame(text);
    if (!parsed.ok) {
      this.send(parsed.error);
      return;
    }
    const message = parsed.message;
    if (message.type === 'hello') {
      await this.#hello(message);
      return;
    }
    const clientId = 'clientId' in message ? message.clientId : undefined;
    const room = this.#room;
    if (!room) {
      this.#error('NOT_JOINED', HELLO_FIRST, clientId);
      return;
    }
    const refusal = await room.handle(this, message);
    if (refusal) this.#error(refusal.code, refusal.message, clientId);
  }

  async #hello(message: Extract<ClientMessage, { type: 'hello' }>): Promise<void> {
    if (this.#room) {
      this.#error(
        'ALREADY_JOINED',
        `this connection already joined room ${this.#room.id}; open a new one for another`,
      );
      return;
    }
    const joined = await this.#rooms.join(message.roomId, message.token);
    if (!joined.ok) {
      this.#error(joined.refusal.code, joined.refusal.message);
      return;
    }
    this.#seat = joined.seat;
    this.#view = joined.view;
    await joined.room.join(this, message.lastSeq);
    this.#room = joined.room;
    if (this.#closed) this.#onClose();
  }

  #onClose(): void {
    this.#closed = true;
    const room = this.#room;
    if (!room) return;
    this.#room = null;
    room
      .leave(this)
      .then(() => this.#rooms.release(room))
      .catch((error: unknown) => this.#log.error({ err: error }, 'leaving a room failed'));
  }
}
