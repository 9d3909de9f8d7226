import {
  CANDIDATE_ONLY,
  INTERVIEWER_ONLY,
  type PeerClientMessage,
  type PeerErrorCode,
  type PeerSeat,
  type PeerServerMessage,
} from '@mlsd/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';
import type { Clock } from '../clock.ts';
import { DEFAULT_HARDENING, type SocketLimits } from '../hardening.ts';
import { sendCapped } from '../ws/backpressure.ts';
import { FrameIntake } from '../ws/frame-intake.ts';
import { parsePeerFrame } from './peer-frames.ts';
import type { PeerRefusal, PeerRoom, PeerSubscriber } from './peer-room.ts';
import type { PeerRuntime } from './peer-runtime.ts';
import { projectForSeat } from './projection.ts';
import { EXPIRED_MESSAGE, UNAUTHORIZED_MESSAGE } from './seats.ts';

const HELLO_FIRST = 'say hello first: {"type":"peer_hello","roomId":"…","token":"…"}';

/**
 * One peer socket. Its seat is fixed by the token in `peer_hello`; every later frame acts as that
 * seat whatever it claims. Listeners attach synchronously and frames run through one queue, so
 * frames sent during the hello wait instead of being dropped.
 */
export class PeerConnection implements PeerSubscriber {
  readonly #socket: WebSocket;
  readonly #runtime: PeerRuntime;
  readonly #log: FastifyBaseLogger;
  readonly #intake: FrameIntake;
  readonly #maxBuffered: number;
  #room: PeerRoom | null = null;
  #seat: PeerSeat | null = null;
  #closed = false;

  constructor(
    socket: WebSocket,
    runtime: PeerRuntime,
    clock: Clock,
    log: FastifyBaseLogger,
    limits: SocketLimits = DEFAULT_HARDENING,
  ) {
    this.#socket = socket;
    this.#runtime = runtime;
    this.#log = log;
    // The pad saves while the candidate types; a flood is refused, not queued.
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
    socket.on('error', (error) => log.debug({ err: error }, 'peer websocket error'));
  }

  get seat(): PeerSeat {
    // Frames go out only after the hello set the seat; the candidate's is the safe default.
    return this.#seat ?? 'candidate';
  }

  /** Every frame to this socket passes the seat's projection, even ones the room already projected. */
  send(message: PeerServerMessage): void {
    const projected = projectForSeat(this.seat, message);
    if (!projected) return;
    if (sendCapped(this.#socket, JSON.stringify(projected), this.#maxBuffered) === 'dropped') {
      this.#log.warn('peer socket stopped reading; dropped it (it gets a fresh snapshot when it rejoins)');
    }
  }

  #error(code: PeerErrorCode, message: string, clientId?: string): void {
    this.send(
      clientId === undefined
        ? { type: 'peer_error', code, message }
        : { type: 'peer_error', code, message, clientId },
    );
  }

  async #handle(text: string): Promise<void> {
    const parsed = parsePeerFrame(text);
    if (!parsed.ok) {
      this.send(parsed.error);
      return;
    }
    const message = parsed.message;
    const clientId = 'clientId' in message ? message.clientId : undefined;
    if (message.type === 'peer_hello') {
      await this.#hello(message);
      return;
    }
    const room = this.#room;
    if (!room || this.#seat === null) {
      this.#error('NOT_JOINED', HELLO_FIRST, clientId);
      return;
    }
    if (INTERVIEWER_ONLY.has(message.type) && this.#seat !== 'interviewer') {
      this.#error('FORBIDDEN', 'only the interviewer can do that', clientId);
      return;
    }
    if (CANDIDATE_ONLY.has(message.type) && this.#seat !== 'candidate') {
      this.#error('FORBIDDEN', 'only the candidate can do that', clientId);
      return;
    }
    const refusal = await this.#dispatch(room, message);
    if (refusal) this.#error(refusal.code, refusal.message, clientId);
  }

  #dispatch(
    room: PeerRoom,
    message: Exclude<PeerClientMessage, { type: 'peer_hello' }>,
  ): Promise<PeerRefusal | null> {
    switch (message.type) {
      case 'peer_say':
        return room.say(this, message);
      case 'peer_pad':
        return room.pad(this, message.text);
      case 'peer_timer':
        return room.timer(this, message);
      case 'peer_mark':
        return room.mark(this, message.pointId, message.verdict);
      case 'peer_rate':
        return room.rate(this, message.step, message.score, message.comment);
      case 'peer_private_notes':
        return room.privateNotes(this, message.text);
      case 'peer_swap':
        return room.linkNext(this, message.clientId, () => this.#runtime.swapRoomOf(room.record));
    }
  }

  async #hello(message: Extract<PeerClientMessage, { type: 'peer_hello' }>): Promise<void> {
    if (this.#room) {
      this.#error('ALREADY_JOINED', 'this connection already joined a room; open a new one for another');
      return;
    }
    const joined = await this.#runtime.join(message.roomId, message.token);
    if (!joined.ok) {
      if (joined.reason === 'expired') this.#error('ROOM_EXPIRED', EXPIRED_MESSAGE);
      else this.#error('UNAUTHORIZED', UNAUTHORIZED_MESSAGE);
      return;
    }
    this.#seat = joined.seat;
    await joined.room.join(this);
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
      .then(() => this.#runtime.release(room))
      .catch((error: unknown) => this.#log.error({ err: error }, 'leaving a peer room failed'));
  }
}
