import { randomUUID } from 'node:crypto';
import {
  CommandForwarding,
  RoomFanout,
  RoomLeases,
  SharedActiveCounts,
  SharedSocketCaps,
} from '@mlsd/cluster';
import { type AsyncDb, FencedError } from '@mlsd/db';
import type { RoomMode, Seat, SeatView, ServerEvent } from '@mlsd/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { Redis } from 'ioredis';
import { AppError } from '../errors.ts';
import type { RoomClaim, RoomSharing, Rooms, SeatRoom } from '../rooms/registry.ts';
import { LiveFrames } from './live-frames.ts';
import type { SeatReply, SeatRequest } from './messages.ts';
import { OwnedRoom } from './owned-room.ts';
import { OwnerSeats } from './owner-seats.ts';
import { type LinkContext, SeatLink } from './seat-link.ts';

/** Timings of the sharing; the defaults keep a dead owner's rooms answering again within ~4 s. */
export interface ClusterTimings {
  /** A dead owner's lease expires this long after its last renewal. */
  leaseTtlMs: number;
  /**
   * A forwarded command with no answer after this is refused as retryable. Longer than the lease
   * TTL on purpose: when the owner died, its lease runs out first and the seat, re-seated on the
   * next owner, sends the command there itself; only an owner that lives but hangs times out.
   */
  forwardTimeoutMs: number;
  /** How often rooms no instance runs (their owner died with no seat watching) are adopted. */
  orphanSweepMs: number;
}

export const DEFAULT_CLUSTER_TIMINGS: ClusterTimings = {
  leaseTtlMs: 3_000,
  forwardTimeoutMs: 5_000,
  orphanSweepMs: 2_000,
};

/** How often the owner drops seats whose instance stopped touching them. */
const SEAT_SWEEP_MS = 5_000;

const REDIS_AWAY =
  'the servers cannot reach Redis (REDIS_URL) to agree which one runs this interview; try again in a moment';

const TAKEN_MEANWHILE =
  'another server took this interview over while this one was claiming it; try again in a moment';

/**
 * This instance's part in a cluster of instances sharing rooms through Redis (issue 15): one
 * client, a random instance id per start, the leases it holds, the fan-out of its rooms' events,
 * forwarding of seat commands to owners, the live channel and the shared socket caps.
 */
export class Cluster implements RoomSharing {
  readonly instanceId = randomUUID();
  readonly redis: Redis;
  readonly leases: RoomLeases;
  readonly fanout: RoomFanout;
  readonly caps: SharedSocketCaps;
  readonly #forwarding: CommandForwarding<SeatRequest, SeatReply>;
  readonly #live: LiveFrames;
  readonly #owners: OwnerSeats;
  readonly #store: AsyncDb;
  readonly #log: FastifyBaseLogger;
  readonly #timings: ClusterTimings;
  readonly #link: LinkContext;
  #rooms: Rooms | null = null;
  #timers: NodeJS.Timeout[] = [];
  readonly #activeCounts: SharedActiveCounts[] = [];
  #connections = 0;
  #sweeping = false;
  /** Running rooms the last sweep found without an owner. */
  #orphans = new Set<string>();

  constructor(
    redis: Redis,
    options: {
      store: AsyncDb;
      log: FastifyBaseLogger;
      sockets: { perAddress: number; total: number };
      timings?: Partial<ClusterTimings>;
    },
  ) {
    this.redis = redis;
    this.#store = options.store;
    this.#log = options.log;
    this.#timings = { ...DEFAULT_CLUSTER_TIMINGS, ...options.timings };
    this.leases = new RoomLeases(redis, {
      instanceId: this.instanceId,
      ttlMs: this.#timings.leaseTtlMs,
      // The database refuses a deposed owner's commits, so a Redis outage need not stop the rooms.
      holdThroughOutage: this.#store.fences !== null,
    });
    this.fanout = new RoomFanout(redis, { blockMs: 2_000 });
    this.caps = new SharedSocketCaps(redis, { instanceId: this.instanceId, ...options.sockets });
    this.#live = new LiveFrames(redis, this.instanceId);
    this.#owners = new OwnerSeats(
      (frame) => this.#live.send(frame),
      (room) => this.#registry().release(room),
    );
    this.#forwarding = new CommandForwarding<SeatRequest, SeatReply>(redis, {
      leases: this.leases,
      timeoutMs: this.#timings.forwardTimeoutMs,
      handle: async (roomId, request) => {
        const room = this.#rooms?.peek(roomId);
        return room ? this.#owners.handle(room, request) : undefined;
      },
      onHandlerError: (error, roomId) =>
        this.#log.error({ err: error, roomId }, 'a forwarded seat request failed'),
    });
    this.#link = {
      log: this.#log,
      newConnId: () => `${this.instanceId}/${++this.#connections}`,
      claimAndLoad: (id) => this.#registry().claimAndLoad(id),
      release: (room) => this.#registry().release(room),
      holder: (id) => this.leases.holder(id),
      forward: (id, request) => this.#forwarding.send(id, request),
      listen: (conn, deliver) => this.#live.listen(conn, deliver),
      subscribe: (id, mode, after, onEvent, onGap) =>
        this.fanout.subscribe(id, {
          after,
          onEvent: (event) => onEvent(JSON.parse(event.payload) as ServerEvent),
          readMissing: async (roomId, from, before) =>
            (await this.#eventsAfter(mode, roomId, from))
              .filter((event) => event.seq < before)
              .map((event) => ({ seq: event.seq, payload: JSON.stringify(event) })),
          onError: (error) => {
            this.#log.warn({ err: error, roomId: id }, 'a seat missed room events; it resyncs');
            onGap();
          },
        }),
    };
  }

  /** Starts serving forwarded requests and live frames, and adopting orphaned rooms. */
  async start(rooms: Rooms): Promise<void> {
    this.#rooms = rooms;
    rooms.share(this);
    await this.#live.start();
    await this.#forwarding.start();
    const every = (ms: number, job: () => Promise<void>) => {
      const timer = setInterval(() => void job().catch(() => undefined), ms);
      timer.unref();
      this.#timers.push(timer);
    };
    every(SEAT_SWEEP_MS, () => this.#owners.sweep((id) => rooms.peek(id)));
    every(this.#timings.orphanSweepMs, async () => {
      // Without Redis nothing can be claimed; trying would only fill the log.
      if (this.#sweeping || this.redis.status !== 'ready') return;
      this.#sweeping = true;
      try {
        await this.#adoptOrphans(rooms);
      } finally {
        this.#sweeping = false;
      }
    });
  }

  /**
   * Takes the room's lease, then (on PostgreSQL) records its token as the room's fence before the
   * room is read: from then on a previous owner's commits are refused, and one it committed just
   * before is in what this owner reads.
   */
  async claim(id: string, mode: RoomMode): Promise<RoomClaim | null> {
    const fencing = this.#store.fences;
    const floor = fencing ? await fencing.highest(id) : 0;
    let lease: Awaited<ReturnType<RoomLeases['acquire']>>;
    try {
      lease = await this.leases.acquire(id, floor);
    } catch (error) {
      throw new AppError('UNAVAILABLE', REDIS_AWAY, { cause: error });
    }
    if (!lease) return null;
    const owned = new OwnedRoom(
      lease,
      this.fanout,
      this.instanceId,
      (after) => this.#eventsAfter(mode, id, after),
      this.#log,
      fencing,
    );
    if (fencing) {
      try {
        await fencing.hold(id, lease.token, () => owned.fenced());
      } catch (error) {
        void lease.release().catch(() => undefined);
        if (error instanceof FencedError)
          throw new AppError('UNAVAILABLE', TAKEN_MEANWHILE, { cause: error });
        throw error;
      }
    }
    return owned;
  }

  /**
   * Running things of one kind per address (`name`, e.g. solo interviews), counted across the
   * instances for a per-address cap; `local` is what this instance runs now.
   */
  activeCounts(name: string, local: () => ReadonlyMap<string, number>): SharedActiveCounts {
    const counts = new SharedActiveCounts(this.redis, { instanceId: this.instanceId, name, local });
    this.#activeCounts.push(counts);
    return counts;
  }

  remoteSeat(id: string, mode: RoomMode, grant: { seat: Seat; view: SeatView }): SeatRoom {
    return new SeatLink(id, mode, grant, this.#link);
  }

  /**
   * After the rooms closed (their timers stopped, in-flight commits done): stop serving, hand
   * every held room over at once (releasing its lease), forget this instance's sockets.
   */
  async close(): Promise<void> {
    for (const timer of this.#timers) clearInterval(timer);
    await this.#forwarding.close().catch(() => undefined);
    this.#live.close();
    await this.fanout.close().catch(() => undefined);
    await this.leases.close().catch(() => undefined);
    await this.caps.close().catch(() => undefined);
    for (const counts of this.#activeCounts) await counts.close().catch(() => undefined);
  }

  /**
   * Takes over the running rooms nobody holds. Only those found without an owner by two sweeps in
   * a row: a room just created is stored a moment before its creator claims it, and a sweep that
   * fell in between must not take it from under its creator.
   */
  async #adoptOrphans(rooms: Rooms): Promise<void> {
    const seen = new Set<string>();
    await rooms.resumeAll(async (id) => {
      if (rooms.peek(id) || (await this.leases.holder(id))) return false;
      seen.add(id);
      return this.#orphans.has(id);
    });
    this.#orphans = seen;
  }

  #eventsAfter(mode: RoomMode, id: string, after: number): Promise<ServerEvent[]> {
    return mode === 'solo'
      ? this.#store.sessions.eventsAfter(id, after)
      : this.#store.peers.eventsAfter(id, after);
  }

  #registry(): Rooms {
    if (!this.#rooms) throw new Error('the cluster is not started');
    return this.#rooms;
  }
}
