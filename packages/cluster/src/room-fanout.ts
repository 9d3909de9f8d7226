import type { Redis } from 'ioredis';
import { ClusterError } from './errors.ts';
import {
  type FanoutEvent,
  type FanoutSubscription,
  type SubscribeOptions,
  Subscription,
} from './fanout-subscription.ts';
import { clusterKeys, DEFAULT_PREFIX } from './keys.ts';
import { blockingConnection } from './redis-options.ts';

export type { FanoutEvent, FanoutSubscription, SubscribeOptions };

// The stream entry id is "<seq>-0", so Redis itself refuses a seq at or below the last one
// published: a repeat cannot enter the stream. With a fence, only the lease holder may publish.
const PUBLISH = `
if ARGV[4] ~= '' and redis.call('GET', KEYS[2]) ~= ARGV[4] then return -1 end
local added = redis.pcall('XADD', KEYS[1], 'MAXLEN', '~', ARGV[3], ARGV[1] .. '-0', 'p', ARGV[2])
if type(added) == 'table' and added.err then
  if string.find(added.err, 'equal or smaller', 1, true) then return 0 end
  return redis.error_reply(added.err)
end
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1`;

export interface RoomFanoutOptions {
  prefix?: string;
  /** Entries kept per room stream (approximately: Redis trims whole nodes). Older ones come from `readMissing`. */
  maxLen?: number;
  /** A room stream nobody publishes to for this long is dropped. */
  idleTtlMs?: number;
  /** The longest one blocking read waits before it looks again (new subscriptions wake it early). */
  blockMs?: number;
}

/** A room's events from its owner to seats on every instance, in seq order without gaps or repeats. */
export class RoomFanout {
  readonly #redis: Redis;
  readonly #reader: Redis;
  readonly #keys;
  readonly #maxLen: number;
  readonly #idleTtlMs: number;
  readonly #blockMs: number;
  /** Per room: the highest seq handed to its subscriptions (the blocking read's cursor) and them. */
  readonly #rooms = new Map<string, { cursor: number; subs: Set<Subscription> }>();
  #closed = false;
  #generation = 0;
  #seenGeneration = 0;
  #readerId: number | undefined;
  #wakeLoop: (() => void) | undefined;
  readonly #loop: Promise<void>;

  constructor(redis: Redis, options: RoomFanoutOptions = {}) {
    this.#redis = redis;
    this.#keys = clusterKeys(options.prefix ?? DEFAULT_PREFIX);
    this.#maxLen = options.maxLen ?? 10_000;
    this.#idleTtlMs = options.idleTtlMs ?? 24 * 3_600_000;
    this.#blockMs = options.blockMs ?? 5_000;
    // A blocking read holds its connection, so reads get their own.
    this.#reader = blockingConnection(redis);
    this.#reader.on('error', () => {});
    this.#reader.on('ready', () => {
      this.#readerId = undefined;
    });
    this.#loop = this.#run();
  }

  /**
   * Publishes a committed event. 'duplicate' when that seq (or a later one) is already published;
   * with `fence` (the lease's holder and token) it throws LEASE_LOST unless that lease still holds.
   */
  async publish(
    roomId: string,
    event: FanoutEvent,
    fence?: { instanceId: string; token: number },
  ): Promise<'published' | 'duplicate'> {
    if (!Number.isSafeInteger(event.seq) || event.seq < 1) throw new Error(`bad seq ${event.seq}`);
    const result = await this.#redis.eval(
      PUBLISH,
      2,
      this.#keys.events(roomId),
      this.#keys.lease(roomId),
      event.seq,
      event.payload,
      this.#maxLen,
      fence ? `${fence.instanceId}:${fence.token}` : '',
      this.#idleTtlMs,
    );
    if (result === -1)
      throw new ClusterError('LEASE_LOST', `room ${roomId}: this instance no longer holds its lease`);
    return result === 1 ? 'published' : 'duplicate';
  }

  /** The highest seq published for the room (0 for none): a new owner publishes what is missing after it. */
  async lastPublished(roomId: string): Promise<number> {
    const [last] = await this.#redis.xrevrange(this.#keys.events(roomId), '+', '-', 'COUNT', 1);
    return last ? seqOf(last[0]) : 0;
  }

  /** Drops the room's stream (the room ended and its seats have the final events). */
  async drop(roomId: string): Promise<void> {
    await this.#redis.del(this.#keys.events(roomId));
  }

  subscribe(roomId: string, options: SubscribeOptions): FanoutSubscription {
    if (this.#closed) throw new ClusterError('CLOSED', 'the fan-out is closed');
    let room = this.#rooms.get(roomId);
    if (!room) {
      room = { cursor: options.after, subs: new Set() };
      this.#rooms.set(roomId, room);
    }
    const entry = room;
    const sub = new Subscription(roomId, options, () => {
      entry.subs.delete(sub);
      if (entry.subs.size === 0 && this.#rooms.get(roomId) === entry) this.#rooms.delete(roomId);
    });
    room.subs.add(sub);
    // What the blocking read has already passed, this subscriber reads for itself.
    if (options.after < room.cursor) {
      const upTo = room.cursor;
      sub.enqueue(async () => {
        const entries = await this.#redis.xrange(
          this.#keys.events(roomId),
          `(${options.after}-0`,
          `${upTo}-0`,
        );
        return parseEntries(entries);
      });
    }
    this.#wake();
    return sub;
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const room of this.#rooms.values()) for (const sub of room.subs) sub.close();
    this.#rooms.clear();
    this.#wakeLoop?.();
    this.#reader.disconnect();
    await this.#loop;
  }

  /** Makes the blocking read start over with the current rooms, retrying until it has. */
  #wake(): void {
    const generation = ++this.#generation;
    this.#wakeLoop?.();
    void (async () => {
      for (let tries = 0; tries < 100 && this.#seenGeneration < generation && !this.#closed; tries += 1) {
        if (this.#readerId !== undefined) {
          await this.#redis.client('UNBLOCK', this.#readerId).catch(() => {});
        }
        await sleep(20);
      }
    })();
  }

  async #run(): Promise<void> {
    while (!this.#closed) {
      this.#seenGeneration = this.#generation;
      const rooms = [...this.#rooms.entries()];
      if (rooms.length === 0) {
        await new Promise<void>((resolve) => {
          this.#wakeLoop = resolve;
          if (this.#seenGeneration !== this.#generation || this.#closed) resolve();
        });
        this.#wakeLoop = undefined;
        continue;
      }
      let reply: [string, [string, string[]][]][] | null;
      try {
        this.#readerId ??= Number(await this.#reader.client('ID'));
        if (this.#seenGeneration !== this.#generation) continue;
        reply = (await this.#reader.xread(
          'COUNT',
          1000,
          'BLOCK',
          this.#blockMs,
          'STREAMS',
          ...rooms.map(([roomId]) => this.#keys.events(roomId)),
          ...rooms.map(([, room]) => `${room.cursor}-0`),
        )) as [string, [string, string[]][]][] | null;
      } catch {
        if (!this.#closed) await sleep(200);
        continue;
      }
      for (const [key, entries] of reply ?? []) {
        const found = rooms.find(([roomId]) => this.#keys.events(roomId) === key);
        if (!found) continue;
        const [roomId, room] = found;
        if (this.#rooms.get(roomId) !== room) continue;
        const events = parseEntries(entries).filter((event) => event.seq > room.cursor);
        const last = events.at(-1);
        if (!last) continue;
        room.cursor = last.seq;
        for (const sub of room.subs) sub.enqueue(async () => events);
      }
    }
  }
}

function seqOf(id: string): number {
  return Number(id.slice(0, id.indexOf('-')));
}

function parseEntries(entries: [string, string[]][]): FanoutEvent[] {
  return entries.map(([id, fields]) => {
    const at = fields.indexOf('p');
    return { seq: seqOf(id), payload: at >= 0 ? (fields[at + 1] ?? '') : '' };
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
