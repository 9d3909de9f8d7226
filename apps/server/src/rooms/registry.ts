import type { AsyncDb } from '@mlsd/db';
import type { Command, RoomMode, Seat, SeatView } from '@mlsd/protocol';
import type { FastifyBaseLogger } from 'fastify';
import { hashToken } from '../auth.ts';
import type { Clock } from '../clock.ts';
import { AppError } from '../errors.ts';
import type { Refusal } from './refusals.ts';
import type { Room } from './room.ts';
import type { SeatSocket } from './seat-hub.ts';

/** The seat a token holds in a room of one kind, or why it holds none. */
export type SeatGrant = { ok: true; seat: Seat; view: SeatView } | { ok: false; refusal: Refusal };

/** One kind of room (solo or peer): how its seats are checked and its rooms loaded. */
export interface RoomKind {
  readonly mode: RoomMode;
  /** The seat `token` holds in room `id`; null when this kind has no room `id`. */
  grant(id: string, token: string, now: number): Promise<SeatGrant | null>;
  /** Whether room `id` is of this kind. */
  has(id: string): Promise<boolean>;
  /** Loads room `id` from the store into a live room (not yet resumed). */
  open(id: string): Promise<Room>;
  /** Rooms whose clock was running when the server stopped. */
  activeIds(): Promise<string[]>;
  /** A room nobody watches stays in memory while this holds (its clock runs). */
  keepsAlive(room: Room): boolean;
}

/** What a connected seat talks to: a live room here, or (cluster/) a room another instance runs. */
export interface SeatRoom {
  readonly id: string;
  join(socket: SeatSocket): Promise<void>;
  leave(socket: SeatSocket): Promise<void>;
  handle(socket: SeatSocket, command: Command): Promise<Refusal | null>;
}

export type Joined =
  | { ok: true; room: SeatRoom; seat: Seat; view: SeatView }
  | { ok: false; refusal: Refusal };

/** This instance's hold on a room that several instances share (cluster/). */
export interface RoomClaim {
  /** The room was read under this claim: publish its events and stop it if the claim is lost. */
  opened(room: Room, lost: () => void): Promise<void>;
  /** The room left memory here: let another instance take it at once. */
  release(): void;
}

/** How instances share rooms (cluster/); without it this process runs every room it is asked for. */
export interface RoomSharing {
  /** Takes room `id` for this instance; null while another instance runs it. */
  claim(id: string, mode: RoomMode): Promise<RoomClaim | null>;
  /** The seat's link to room `id` when another instance runs it (or may, after a failover). */
  remoteSeat(id: string, mode: RoomMode, grant: { seat: Seat; view: SeatView }): SeatRoom;
}

/** A room another instance runs: `load` leaves it to that instance. */
export const ELSEWHERE = 'elsewhere';

/** One answer for an unknown room and a wrong token, whatever the kind of room. */
export const UNAUTHORIZED: Refusal = {
  code: 'UNAUTHORIZED',
  message:
    'unknown session or wrong token: this link does not open a room here, or it is incomplete. Ask for the link again, or start a new interview from the home page.',
};

/**
 * Every live room of this process, solo and peer alike: opened when a seat joins or a restart
 * resumes it, dropped when nobody watches and its clock is not running.
 */
export class Rooms {
  readonly #kinds: RoomKind[];
  readonly #observers: AsyncDb['observers'];
  readonly #clock: Clock;
  readonly #log: FastifyBaseLogger;
  readonly #live = new Map<string, { room: Room; kind: RoomKind; claim: RoomClaim | null }>();
  /** Rooms being read from the store: a second join waits for the same load, not a second room. */
  readonly #loading = new Map<string, Promise<Room | typeof ELSEWHERE | undefined>>();
  #sharing: RoomSharing | null = null;
  #closed = false;
  /** Told the number of live rooms each time one opens (the reading pool starts on demand from it). */
  readonly #openedListeners: ((liveRooms: number) => void)[] = [];

  constructor(kinds: RoomKind[], observers: AsyncDb['observers'], clock: Clock, log: FastifyBaseLogger) {
    this.#kinds = kinds;
    this.#observers = observers;
    this.#clock = clock;
    this.#log = log;
  }

  /** Set once, before the first join, when instances share rooms through Redis (cluster/). */
  share(sharing: RoomSharing): void {
    this.#sharing = sharing;
  }

  /**
   * The room and seat a token opens, loading and resuming the room if needed. Unknown rooms and
   * wrong tokens get the same refusal, so a caller learns nothing from the difference. When
   * instances share rooms, the seat gets a link that follows the room wherever it runs.
   */
  async join(id: string, token: string): Promise<Joined> {
    const { grant, kind } = await this.#grant(id, token);
    if (!grant.ok) return grant;
    if (this.#sharing && kind) {
      return {
        ok: true,
        room: this.#sharing.remoteSeat(id, kind.mode, grant),
        seat: grant.seat,
        view: grant.view,
      };
    }
    const room = await this.load(id, kind ?? undefined);
    if (!room) return { ok: false, refusal: UNAUTHORIZED };
    return { ok: true, room, seat: grant.seat, view: grant.view };
  }

  /** The seat a token holds in room `id`: a seat token of the room, or one of its observer links. */
  async grant(id: string, token: string): Promise<SeatGrant> {
    return (await this.#grant(id, token)).grant;
  }

  /** The grant and the kind of room it was found in (so a join does not look the room up again). */
  async #grant(id: string, token: string): Promise<{ grant: SeatGrant; kind: RoomKind | null }> {
    const now = this.#clock.now();
    for (const kind of this.#kinds) {
      const grant = await kind.grant(id, token, now);
      if (grant === null) continue;
      if (grant.ok) return { grant, kind };
      const link = await this.#observers.byTokenHash(hashToken(token));
      if (link?.roomId === id) return { grant: { ok: true, seat: 'observer', view: link.view }, kind };
      return { grant, kind };
    }
    return { grant: { ok: false, refusal: UNAUTHORIZED }, kind: null };
  }

  /** The live room `id`, loaded and resumed if it was not in memory; undefined for an unknown id. */
  async load(id: string, known?: RoomKind): Promise<Room | undefined> {
    const room = await this.claimAndLoad(id, known);
    return room === ELSEWHERE ? undefined : room;
  }

  /**
   * Like `load`, but when instances share rooms it first takes the room's lease: `ELSEWHERE` while
   * another instance runs it. A room taken over after its owner died resumes from the store, as
   * after a restart: its clock re-arms and an acknowledged message still waiting is answered.
   */
  async claimAndLoad(id: string, known?: RoomKind): Promise<Room | typeof ELSEWHERE | undefined> {
    const existing = this.#live.get(id);
    if (existing) return existing.room;
    let loading = this.#loading.get(id);
    if (!loading) {
      loading = this.#loadAndResume(id, known).finally(() => this.#loading.delete(id));
      this.#loading.set(id, loading);
    }
    return loading;
  }

  async #loadAndResume(
    id: string,
    known: RoomKind | undefined,
  ): Promise<Room | typeof ELSEWHERE | undefined> {
    const kind = known ?? (await this.#kindOf(id));
    if (!kind) return undefined;
    const room = await this.#open(kind, id);
    if (room === ELSEWHERE) return ELSEWHERE;
    await room.resume();
    return room;
  }

  async #kindOf(id: string): Promise<RoomKind | undefined> {
    for (const kind of this.#kinds) if (await kind.has(id)) return kind;
    return undefined;
  }

  /** Rooms in memory on this instance, solo and peer: its own share of the live sessions. */
  get liveCount(): number {
    return this.#live.size;
  }

  /** Calls `listener` with `liveCount` after every room that enters memory here. */
  onRoomOpened(listener: (liveRooms: number) => void): void {
    this.#openedListeners.push(listener);
  }

  /** The live room `id` if it is in memory. */
  peek(id: string): Room | undefined {
    return this.#live.get(id)?.room;
  }

  /** Registers a room a kind just created (it is started by its kind, not resumed). */
  async adopt(kind: RoomKind, id: string): Promise<Room> {
    const room = await this.#open(kind, id);
    if (room === ELSEWHERE) {
      throw new AppError('UNAVAILABLE', 'another server instance took this new room; try again in a moment');
    }
    return room;
  }

  /**
   * Loads every room whose clock was running and re-arms it (those `pick` accepts, if given). When
   * instances share rooms, only those no instance runs: the cluster calls this now and then to
   * adopt orphans.
   */
  async resumeAll(pick?: (id: string) => boolean | Promise<boolean>): Promise<void> {
    for (const kind of this.#kinds) {
      for (const id of await kind.activeIds()) {
        if (this.#closed) return;
        if (pick && !(await pick(id))) continue;
        try {
          await this.claimAndLoad(id, kind);
        } catch (error) {
          this.#log.error({ err: error, roomId: id }, 'cannot resume room; its clock stays stopped');
        }
      }
    }
  }

  /** Drops a room from memory once nobody watches it and its clock is not running. */
  release(room: SeatRoom): void {
    const entry = this.#live.get(room.id);
    if (!entry || entry.room !== room) return;
    if (entry.room.subscriberCount > 0 || entry.kind.keepsAlive(entry.room)) return;
    entry.room.dispose();
    this.#live.delete(room.id);
    entry.claim?.release();
  }

  /** The room's lease was lost (cluster/): it stops at once and leaves memory; its seats reconnect. */
  #lost(room: Room): void {
    const entry = this.#live.get(room.id);
    if (entry?.room !== room) return;
    this.#live.delete(room.id);
    room.stop();
    this.#log.warn({ roomId: room.id }, 'room lease lost; the room stopped here');
  }

  /** Waits for every queued change (tests use it to let a timer's work finish). */
  async idle(): Promise<void> {
    await Promise.all([...this.#live.values()].map(({ room }) => room.idle()));
  }

  /** Stops every timer and waits for in-flight work, before the database closes. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const { room } of this.#live.values()) room.dispose();
    // A room still being read from the store is refused by #open once it is read.
    await Promise.allSettled(this.#loading.values());
    await this.idle();
    this.#live.clear();
  }

  /**
   * Reads room `id` and registers it; the registry checks `#live` again after the read. When
   * instances share rooms, the lease comes first: the store is read only by the room's owner.
   */
  async #open(kind: RoomKind, id: string): Promise<Room | typeof ELSEWHERE> {
    if (this.#closed) throw shuttingDown();
    const claim = this.#sharing ? await this.#sharing.claim(id, kind.mode) : null;
    if (this.#sharing && !claim) return ELSEWHERE;
    let room: Room;
    try {
      room = await kind.open(id);
    } catch (error) {
      claim?.release();
      throw error;
    }
    if (this.#closed) {
      room.dispose();
      claim?.release();
      throw shuttingDown();
    }
    const raced = this.#live.get(id);
    if (raced) {
      room.dispose();
      return raced.room;
    }
    this.#live.set(id, { room, kind, claim });
    for (const listener of this.#openedListeners) listener(this.#live.size);
    if (claim) await claim.opened(room, () => this.#lost(room));
    return room;
  }
}

function shuttingDown(): AppError {
  return new AppError('UNAVAILABLE', 'the server is shutting down; try again in a moment');
}
