import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { ClusterError } from './errors.ts';
import { clusterKeys, DEFAULT_PREFIX } from './keys.ts';
import { blockingConnection } from './redis-options.ts';
import type { RoomLeases } from './room-leases.ts';

/** What the owner answers: its own reply, or NOT_OWNER when the room is not (or no longer) run here. */
export type ForwardedReply<R> = { ok: true; reply: R } | { ok: false; code: 'NOT_OWNER'; message: string };

export interface CommandForwardingOptions<C, R> {
  /** This instance's leases: who owns a room, and this instance's id. */
  leases: RoomLeases;
  /** Runs a seat command on a room this instance owns; `undefined` when it does not run the room. */
  handle: (roomId: string, command: C) => Promise<R | undefined>;
  prefix?: string;
  /** How long `send` waits for the owner's reply by default. */
  timeoutMs?: number;
  /** The longest the inbox read blocks before it looks again. */
  blockMs?: number;
  /** A forwarded command whose handler threw (the sender then times out); logged by default. */
  onHandlerError?: (error: unknown, roomId: string) => void;
}

interface Request<C> {
  id: string;
  roomId: string;
  command: C;
  replyTo: string;
  /** Wall-clock ms after which the sender has given up; the owner then drops the request. */
  deadline: number;
}

/**
 * Seat commands from any instance to the instance that owns the room, and the owner's reply
 * back: requests go to a Redis list per owner instance (the inbox), replies to a pub/sub
 * channel per sending instance. Commands and replies are JSON.
 */
export class CommandForwarding<C, R> {
  readonly #redis: Redis;
  readonly #inboxReader: Redis;
  readonly #replySubscriber: Redis;
  readonly #keys;
  readonly #options: CommandForwardingOptions<C, R>;
  readonly #timeoutMs: number;
  readonly #blockMs: number;
  readonly #pending = new Map<
    string,
    { resolve: (reply: ForwardedReply<R>) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }
  >();
  #closed = false;
  #loop: Promise<void> | undefined;

  constructor(redis: Redis, options: CommandForwardingOptions<C, R>) {
    this.#redis = redis;
    this.#options = options;
    this.#keys = clusterKeys(options.prefix ?? DEFAULT_PREFIX);
    this.#timeoutMs = options.timeoutMs ?? 5_000;
    this.#blockMs = options.blockMs ?? 1_000;
    this.#inboxReader = blockingConnection(redis);
    this.#inboxReader.on('error', () => {});
    this.#replySubscriber = redis.duplicate();
    this.#replySubscriber.on('error', () => {});
    this.#replySubscriber.on('message', (_channel: string, message: string) => this.#onReply(message));
  }

  get #instanceId(): string {
    return this.#options.leases.instanceId;
  }

  /** Subscribes to replies and starts serving the inbox. */
  async start(): Promise<void> {
    await this.#replySubscriber.subscribe(this.#keys.replies(this.#instanceId));
    this.#loop = this.#serve();
  }

  /**
   * Sends a seat command to the room's owner (run here when this instance owns it) and returns
   * its reply. Throws NO_OWNER when no instance holds the room, TIMEOUT when the owner did not
   * answer in time (it may still have run the command: resend with the same client id).
   */
  async send(roomId: string, command: C, timeoutMs = this.#timeoutMs): Promise<ForwardedReply<R>> {
    if (this.#closed) throw new ClusterError('CLOSED', 'command forwarding is closed');
    const holder = await this.#options.leases.holder(roomId);
    if (!holder) throw new ClusterError('NO_OWNER', `room ${roomId} is not running on any instance`);
    if (holder.instanceId === this.#instanceId) return this.#run(roomId, command);
    const request: Request<C> = {
      id: randomUUID(),
      roomId,
      command,
      replyTo: this.#instanceId,
      deadline: Date.now() + timeoutMs,
    };
    const replied = new Promise<ForwardedReply<R>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(request.id);
        reject(
          new ClusterError(
            'TIMEOUT',
            `room ${roomId}: its owner (instance ${holder.instanceId}) did not answer within ${timeoutMs} ms`,
          ),
        );
      }, timeoutMs);
      this.#pending.set(request.id, { resolve, reject, timer });
    });
    // Rejected by a timeout or close() maybe before it is returned (while the push below is in
    // flight): marked as handled here, so that is never an unhandled rejection; the caller still
    // gets the rejection from the promise returned.
    replied.catch(() => undefined);
    const inbox = this.#keys.inbox(holder.instanceId);
    // The inbox expires, so requests to an instance that died do not pile up.
    await this.#redis
      .multi()
      .rpush(inbox, JSON.stringify(request))
      .pexpire(inbox, Math.max(timeoutMs * 2, 10_000))
      .exec();
    return replied;
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const [id, pending] of this.#pending) {
      clearTimeout(pending.timer);
      this.#pending.delete(id);
      pending.reject(new ClusterError('CLOSED', 'command forwarding closed before the owner answered'));
    }
    this.#inboxReader.disconnect();
    this.#replySubscriber.disconnect();
    await this.#loop;
  }

  async #run(roomId: string, command: C): Promise<ForwardedReply<R>> {
    const reply = await this.#options.handle(roomId, command);
    return reply === undefined
      ? {
          ok: false,
          code: 'NOT_OWNER',
          message: `room ${roomId} is not running on instance ${this.#instanceId}`,
        }
      : { ok: true, reply };
  }

  async #serve(): Promise<void> {
    const inbox = this.#keys.inbox(this.#instanceId);
    while (!this.#closed) {
      let popped: [string, string] | null;
      try {
        popped = await this.#inboxReader.blpop(inbox, this.#blockMs / 1000);
      } catch {
        if (!this.#closed) await new Promise((resolve) => setTimeout(resolve, 200));
        continue;
      }
      const request = popped ? parseJson<Request<C>>(popped[1]) : undefined;
      // Handled concurrently: the room's own serial queue orders commands, not this loop.
      if (request) void this.#answer(request);
    }
  }

  async #answer(request: Request<C>): Promise<void> {
    if (Date.now() > request.deadline) return;
    let reply: ForwardedReply<R>;
    try {
      reply = await this.#run(request.roomId, request.command);
    } catch (error) {
      // A handler that throws is a bug on the owner; the sender sees the timeout, not a crash here.
      (this.#options.onHandlerError ?? logHandlerError)(error, request.roomId);
      return;
    }
    await this.#redis
      .publish(this.#keys.replies(request.replyTo), JSON.stringify({ id: request.id, reply }))
      .catch(() => {});
  }

  #onReply(message: string): void {
    const parsed = parseJson<{ id: string; reply: ForwardedReply<R> }>(message);
    if (!parsed) return;
    const { id, reply } = parsed;
    const pending = this.#pending.get(id);
    if (!pending) return;
    this.#pending.delete(id);
    clearTimeout(pending.timer);
    pending.resolve(reply);
  }
}

function logHandlerError(error: unknown, roomId: string): void {
  console.error(`forwarded command for room ${roomId} failed:`, error);
}

/** Another deployment's or version's junk on our keys is dropped, not allowed to stop the loop. */
function parseJson<T>(text: string): T | undefined {
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}
