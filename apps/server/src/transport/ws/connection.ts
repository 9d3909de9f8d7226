import {
  type ClientMessage,
  CloseCode,
  type ErrorCode,
  type ErrorMessage,
  RETRYABLE_CODES,
  type Seat,
  type SeatView,
  type ServerMessage,
} from '@mlsd/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';
import type { Clock } from '../../clock.ts';
import { DEFAULT_HARDENING, type SocketLimits } from '../../hardening.ts';
import type { Rooms, SeatRoom } from '../../rooms/registry.ts';
import type { SeatSocket } from '../../rooms/seat-hub.ts';
import { sendCapped } from './backpressure.ts';
import { DeltaBatch } from './delta-batch.ts';
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
  readonly #maxHelloAttempts: number;
  readonly #deltas = new DeltaBatch((message) => this.#write(message));
  #failedHellos = 0;
  #helloTimer: NodeJS.Timeout | undefined;
  #room: SeatRoom | null = null;
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
    this.#maxHelloAttempts = limits.maxHelloAttempts;
    // A socket that never joins holds memory and a place under the caps for nothing; real time on
    // purpose (the network's, not the interview's clock).
    const seconds = limits.helloTimeoutMs / 1000;
    this.#helloTimer = setTimeout(() => {
      socket.close(CloseCode.policyViolation, `no hello within ${seconds} s; reconnect and send hello first`);
    }, limits.helloTimeoutMs);
    this.#helloTimer.unref();
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
    if (message.type === 'turn_delta') {
      this.#deltas.delta(message);
      return;
    }
    this.#deltas.flush();
    this.#write(message);
  }

  /** The room now runs on another instance: 1012 makes the client reconnect (and land there). */
  moved(): void {
    this.#room = null;
    this.#socket.close(CloseCode.restart, 'this interview moved to another server; reconnecting');
  }

  #write(message: ServerMessage): void {
    if (sendCapped(this.#socket, JSON.stringify(message), this.#maxBuffered) === 'dropped') {
      this.#log.warn('websocket peer stopped reading; dropped it (it will resume from its last seq)');
    }
  }

  /** Errors before the hello go out under the candidate view's projection, like every other frame. */
  #error(code: ErrorCode, message: string, clientId?: string): void {
    const frame: ErrorMessage = { type: 'error', code, message };
    if (clientId !== undefined) frame.clientId = clientId;
    // A "not now" refusal says so, so clients keep the frame and resend it (same client id) later.
    if (RETRYABLE_CODES.has(code)) frame.retryable = true;
    this.send(frame);
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
    if (this.#failedHellos >= this.#maxHelloAttempts) {
      // Each try costs a token hash and a lookup; past a handful it is guessing, not a typo.
      this.#socket.close(
        CloseCode.policyViolation,
        `too many failed hello attempts (${this.#maxHelloAttempts}); check the link and reconnect`,
      );
      return;
    }
    const joined = await this.#rooms.join(message.roomId, message.token);
    if (!joined.ok) {
      this.#failedHellos += 1;
      this.#error(joined.refusal.code, joined.refusal.message);
      return;
    }
    // The token is good: the deadline is met even if loading the room takes a while.
    clearTimeout(this.#helloTimer);
    this.#seat = joined.seat;
    this.#view = joined.view;
    await joined.room.join(this);
    this.#room = joined.room;
    if (this.#closed) this.#onClose();
  }

  #onClose(): void {
    this.#closed = true;
    this.#deltas.close();
    clearTimeout(this.#helloTimer);
    const room = this.#room;
    if (!room) return;
    this.#room = null;
    room
      .leave(this)
      .then(() => this.#rooms.release(room))
      .catch((error: unknown) => this.#log.error({ err: error }, 'leaving a room failed'));
  }
}
