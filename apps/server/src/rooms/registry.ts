import type { AsyncDb } from '@mlsd/db';
import type { RoomMode, Seat, SeatView } from '@mlsd/protocol';
import type { FastifyBaseLogger } from 'fastify';
import { hashToken } from '../auth.ts';
import type { Clock } from '../clock.ts';
import { AppError } from '../errors.ts';
import type { Refusal } from './refusals.ts';
import type { Room } from './room.ts';

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

export type Joined = { ok: true; room: Room; seat: Seat; view: SeatView } | { ok: false; refusal: Refusal };

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
  readonly #live = new Map<string, { room: Room; kind: RoomKind }>();
  /** Rooms being read from the store: a second join waits for the same load, not a second room. */
  readonly #loading = new Map<string, Promise<Room | undefined>>();
  #closed = false;

  constructor(kinds: RoomKind[], observers: AsyncDb['observers'], clock: Clock, log: FastifyBaseLogger) {
    this.#kinds = kinds;
    this.#observers = observers;
    this.#clock = clock;
    this.#log = log;
  }

  /**
   * The room and seat a token opens, loading and resuming the room if needed. Unknown rooms and
   * wrong tokens get the same refusal, so a caller learns nothing from the difference.
   */
  async join(id: string, token: string): Promise<Joined> {
    const { grant, kind } = await this.#grant(id, token);
    if (!grant.ok) return grant;
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
    const existing = this.#live.get(id);
    if (existing) return existing.room;
    let loading = this.#loading.get(id);
    if (!loading) {
      loading = this.#loadAndResume(id, known).finally(() => this.#loading.delete(id));
      this.#loading.set(id, loading);
    }
    return loading;
  }

  async #loadAndResume(id: string, known: RoomKind | undefined): Promise<Room | undefined> {
    const kind = known ?? (await this.#kindOf(id));
    if (!kind) return undefined;
    const room = await this.#open(kind, id);
    await room.resume();
    return room;
  }

  async #kindOf(id: string): Promise<RoomKind | undefined> {
    for (const kind of this.#kinds) if (await kind.has(id)) return kind;
    return undefined;
  }

  /** The live room `id` if it is in memory. */
  peek(id: string): Room | undefined {
    return this.#live.get(id)?.room;
  }

  /** Registers a room a kind just created (it is started by its kind, not resumed). */
  adopt(kind: RoomKind, id: string): Promise<Room> {
    return this.#open(kind, id);
  }

  /** Loads every room whose clock was running and re-arms it. */
  async resumeAll(): Promise<void> {
    for (const kind of this.#kinds) {
      for (const id of await kind.activeIds()) {
        try {
          await this.load(id, kind);
        } catch (error) {
          this.#log.error({ err: error, roomId: id }, 'cannot resume room; its clock stays stopped');
        }
      }
    }
  }

  /** Drops a room from memory once nobody watches it and its clock is not running. */
  release(room: Room): void {
    const entry = this.#live.get(room.id);
    if (!entry || entry.room !== room) return;
    if (room.subscriberCount > 0 || entry.kind.keepsAlive(room)) return;
    room.dispose();
    this.#live.delete(room.id);
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

  /** Reads room `id` and registers it; the registry checks `#live` again after the read. */
  async #open(kind: RoomKind, id: string): Promise<Room> {
    if (this.#closed) throw shuttingDown();
    const room = await kind.open(id);
    if (this.#closed) {
      room.dispose();
      throw shuttingDown();
    }
    const raced = this.#live.get(id);
    if (raced) {
      room.dispose();
      return raced.room;
    }
    this.#live.set(id, { room, kind });
    return room;
  }
}

function shuttingDown(): AppError {
  return new AppError('UNAVAILABLE', 'the server is shutting down; try again in a moment');
}
