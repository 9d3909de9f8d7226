import { ClusterError, type RoomFanout, type RoomLease } from '@mlsd/cluster';
import type { RoomFencing } from '@mlsd/db';
import type { ServerEvent } from '@mlsd/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { RoomClaim } from '../rooms/registry.ts';
import type { Room } from '../rooms/room.ts';

/** A new owner republishes at most this many stored events; seats further behind read the store. */
const CATCH_UP_LIMIT = 1_000;

/**
 * A room this instance holds the lease of: every commit's events go to the fan-out stream, one
 * after another in seq order, fenced by the lease (a deposed owner's publish is refused). The room
 * is stopped at once through `lost` when another instance took the lease, or (with `fencing`, on
 * PostgreSQL) when the database refused a commit because a later owner claimed the room. With
 * `fencing` a lease that Redis cannot renew does not stop the room: the database's fence keeps a
 * deposed owner from writing, so a Redis outage leaves rooms answering on their owners.
 */
export class OwnedRoom implements RoomClaim {
  readonly #lease: RoomLease;
  readonly #fanout: RoomFanout;
  readonly #instanceId: string;
  readonly #eventsAfter: (after: number) => Promise<ServerEvent[]>;
  readonly #log: FastifyBaseLogger;
  readonly #fencing: RoomFencing | null;
  #tail: Promise<void> = Promise.resolve();
  #lost: (() => void) | null = null;

  constructor(
    lease: RoomLease,
    fanout: RoomFanout,
    instanceId: string,
    eventsAfter: (after: number) => Promise<ServerEvent[]>,
    log: FastifyBaseLogger,
    fencing: RoomFencing | null,
  ) {
    this.#lease = lease;
    this.#fanout = fanout;
    this.#instanceId = instanceId;
    this.#eventsAfter = eventsAfter;
    this.#log = log;
    this.#fencing = fencing;
  }

  get token(): number {
    return this.#lease.token;
  }

  /**
   * Before the room commits anything here: what the previous owner stored but did not publish
   * (it died between the two) goes out first, so no seat waits on a seq that never comes.
   */
  opened(room: Room, lost: () => void): Promise<void> {
    this.#lost = lost;
    this.#lease.onLost((reason) => {
      this.#log.warn({ roomId: room.id, reason }, 'lost the lease of a room');
      this.#fencing?.drop(room.id, this.#lease.token);
      lost();
    });
    if (!this.#lease.held) {
      lost();
      return Promise.resolve();
    }
    // Queued first, so it reaches the stream before anything this owner commits.
    const stored = room.lastSeq;
    this.#publish(room.id, async () => {
      const published = await this.#fanout.lastPublished(room.id);
      if (published >= stored) return [];
      const events = await this.#eventsAfter(Math.max(published, stored - CATCH_UP_LIMIT));
      return events.filter((event) => event.seq <= stored);
    });
    room.onPublish((events) => this.#publish(room.id, () => Promise.resolve(events)));
    return Promise.resolve();
  }

  /** The database refused a commit under this lease's token: a later owner runs the room now. */
  fenced(): void {
    this.#log.warn(
      { roomId: this.#lease.roomId, token: this.#lease.token },
      'the database refused a commit: another instance took this room over; the room stopped here',
    );
    // Compare-and-set on our own value: it cannot remove the next owner's lease.
    void this.#lease.release().catch(() => undefined);
    this.#lost?.();
  }

  release(): void {
    this.#fencing?.drop(this.#lease.roomId, this.#lease.token);
    void this.#lease.release().catch(() => undefined);
  }

  /** Queues a batch behind every earlier one, so the stream gets seqs in order. */
  #publish(roomId: string, batch: () => Promise<readonly ServerEvent[]>): void {
    const fence = { instanceId: this.#instanceId, token: this.#lease.token };
    this.#tail = this.#tail.then(async () => {
      try {
        for (const event of await batch()) {
          const entry = { seq: event.seq, payload: JSON.stringify(event) };
          try {
            await this.#fanout.publish(roomId, entry, fence);
          } catch (error) {
            // After an outage the lease key may have expired with nobody taking it: renewing sets it
            // again (and ends the lease as taken if someone did), then the event goes out.
            if (!isLeaseLost(error) || !this.#fencing || !(await this.#lease.renew())) throw error;
            await this.#fanout.publish(roomId, entry, fence);
          }
        }
      } catch (error) {
        if (isLeaseLost(error)) {
          // Without fencing, a lease Redis does not show as ours means the room must stop now.
          // With it, the stop comes from `onLost` (taken) or the database's refusal.
          if (!this.#fencing) this.#lost?.();
          return;
        }
        // Stored but not published: subscribers see the gap at the next seq and read the store.
        this.#log.warn({ err: error, roomId }, 'could not publish room events to Redis');
      }
    });
  }
}

function isLeaseLost(error: unknown): boolean {
  return error instanceof ClusterError && error.code === 'LEASE_LOST';
}
