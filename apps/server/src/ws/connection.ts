import type { ClientMessage, ErrorCode, ServerMessage } from '@mlsd/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';
import type { Clock } from '../clock.ts';
import { DEFAULT_HARDENING, type SocketLimits } from '../hardening.ts';
import type { LiveSession, Refusal, Subscriber } from '../live/live-session.ts';
import type { SessionRuntime } from '../live/runtime.ts';
import { sendCapped } from './backpressure.ts';
import { FrameIntake } from './frame-intake.ts';
import { parseFrame } from './frames.ts';

const HELLO_FIRST = 'say hello first: {"type":"hello","sessionId":"…","token":"…","lastSeq":0}';
const UNAUTHORIZED = 'unknown session or wrong token; start a new session from the home page';

/**
 * One socket. Listeners are attached in the constructor, synchronously, and every frame goes
 * through one queue: frames that arrive while `hello` is still loading the session wait their
 * turn instead of being dropped.
 */
export class Connection implements Subscriber {
  readonly #socket: WebSocket;
  readonly #runtime: SessionRuntime;
  readonly #log: FastifyBaseLogger;
  readonly #intake: FrameIntake;
  readonly #maxBuffered: number;
  #live: LiveSession | null = null;
  #closed = false;

  constructor(
    socket: WebSocket,
    runtime: SessionRuntime,
    clock: Clock,
    log: FastifyBaseLogger,
    limits: SocketLimits = DEFAULT_HARDENING,
  ) {
    this.#socket = socket;
    this.#runtime = runtime;
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

  send(message: ServerMessage): void {
    if (sendCapped(this.#socket, JSON.stringify(message), this.#maxBuffered) === 'dropped') {
      this.#log.warn('websocket peer stopped reading; dropped it (it will resume from its last seq)');
    }
  }

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
    const live = this.#live;
    if (!live) {
      this.#error('NOT_JOINED', HELLO_FIRST, 'clientId' in message ? message.clientId : undefined);
      return;
    }
    this.#refused(await this.#dispatch(live, message), 'clientId' in message ? message.clientId : undefined);
  }

  #dispatch(live: LiveSession, message: Exclude<ClientMessage, { type: 'hello' }>): Promise<Refusal | null> {
    switch (message.type) {
      case 'answer':
        return live.answer(this, message.clientId, message.text);
      case 'next_step':
      case 'end':
        return live.command(this, message.type, message.clientId);
      case 'notes':
        return live.notes(message.text);
    }
  }

  #refused(refusal: Refusal | null, clientId: string | undefined): void {
    if (refusal) this.#error(refusal.code, refusal.message, clientId);
  }

  async #hello(message: Extract<ClientMessage, { type: 'hello' }>): Promise<void> {
    if (this.#live) {
      this.#error(
        'ALREADY_JOINED',
        `this connection already joined session ${this.#live.id}; open a new one for another`,
      );
      return;
    }
    const live = await this.#runtime.join(message.sessionId, message.token);
    if (!live) {
      this.#error('UNAUTHORIZED', UNAUTHORIZED);
      return;
    }
    await live.join(this, message.lastSeq);
    this.#live = live;
    if (this.#closed) this.#onClose();
  }

  #onClose(): void {
    this.#closed = true;
    const live = this.#live;
    if (!live) return;
    live.leave(this);
    this.#runtime.release(live);
  }
}
