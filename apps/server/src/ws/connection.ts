import type { ClientMessage, ErrorCode, ServerMessage } from '@mlsd/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import type { Clock } from '../clock.ts';
import { DEFAULT_HARDENING, type SocketLimits } from '../hardening.ts';
import type { LiveSession, Refusal, Subscriber } from '../live/live-session.ts';
import type { SessionRuntime } from '../live/runtime.ts';
import { SerialQueue } from '../live/serial.ts';
import { sendCapped } from './backpressure.ts';
import { parseFrame } from './frames.ts';
import { TokenBucket } from './token-bucket.ts';

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
  readonly #queue = new SerialQueue();
  readonly #bucket: TokenBucket;
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
    this.#bucket = new TokenBucket(clock, limits.socketRate);
    this.#maxBuffered = limits.maxBufferedBytes;
    socket.on('message', (data, isBinary) => this.#onFrame(data, isBinary));
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

  #onFrame(data: RawData, isBinary: boolean): void {
    if (!this.#bucket.take()) {
      this.#error(
        'RATE_LIMITED',
        'too many messages too fast; this one was dropped. Wait a second and send it again.',
      );
      return;
    }
    this.#queue
      .run(() => this.#handle(data, isBinary))
      .catch((error: unknown) => {
        this.#log.error({ err: error }, 'websocket frame failed');
        this.#error('INTERNAL', 'the server could not handle that message and stored nothing; send it again');
      });
  }

  async #handle(data: RawData, isBinary: boolean): Promise<void> {
    if (isBinary) {
      this.#error('BAD_MESSAGE', 'binary frames are not accepted; send JSON text frames');
      return;
    }
    const parsed = parseFrame(rawToString(data));
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

function rawToString(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
