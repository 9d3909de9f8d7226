import { ClusterError, type RoomFanout, type RoomLease } from '@mlsd/cluster';
import type { ServerEvent } from '@mlsd/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { RoomClaim } from '../rooms/registry.ts';
import type { Room } from '../rooms/room.ts';

/** A new owner republishes at most this many stored events; seats further behind read the store. */
const CATCH_UP_LIMIT = 1_000;

/**
 * A room this instance holds the lease of: every commit's events go to the fan-out stream, one
 * after another in seq order, fenced by the lease (a deposed owner's publish is refused). When
 * the lease is lost the room is stopped at once through `lost`.
 */
export class OwnedRoom implements RoomClaim {
  readonly #lease: RoomLease;
  readonly #fanout: RoomFanout;
  readonly #instanceId: string;
  readonly #eventsAfter: (after: number) => Promise<ServerEvent[]>;
  readonly #log: FastifyBaseLogger;
  #tail: Promise<void> = Promise.resolve();
  #lost: (() => void) | null = null;

  constructor(
    lease: RoomLease,
    fanout: RoomFanout,
    instanceId: string,
    eventsAfter: (after: number) => Promise<ServerEvent[]>,
    log: FastifyBaseLogger,
  ) {
    this.#lease = lease;
    this.#fanout = fanout;
    this.#instanceId = instanceId;
    this.#eventsAfter = eventsAfter;
    this.#log = log;
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

  release(): void {
    void this.#lease.release().catch(() => undefined);
  }

  /** Queues a batch behind every earlier one, so the stream gets seqs in order. */
  #publish(roomId: string, batch: () => Promise<readonly ServerEvent[]>): void {
    const fence = { instanceId: this.#instanceId, token: this.#lease.token };
    this.#tail = this.#tail.then(async () => {
      try {
        for (const event of await batch()) {
          await this.#fanout.publish(roomId, { seq: event.seq, payload: JSON.stringify(event) }, fence);
        }
      } catch (error) {
        if (error instanceof ClusterError && error.code === 'LEASE_LOST') {
          this.#lost?.();
          return;
        }
        // Stored but not published: subscribers see the gap at the next seq and read the store.
        this.#log.warn({ err: error, roomId }, 'could not publish room events to Redis');
      }
    });
  }
}
