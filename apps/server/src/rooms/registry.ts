import type { ObserverLinks } from '@mlsd/db';
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
  grant(id: string, token: string, now: number): SeatGrant | null;
  /** Whether room `id` is of this kind. */
  has(id: string): boolean;
  /** Loads room `id` from the store into a live room (not yet resumed). */
  open(id: string): Room;
  /** Rooms whose clock was running when the server stopped. */
  activeIds(): string[];
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
  readonly #observers: ObserverLinks;
  readonly #clock: Clock;
  readonly #log: FastifyBaseLogger;
  readonly #live = new Map<string, { room: Room; kind: RoomKind }>();
  #closed = false;

  constructor(kinds: RoomKind[], observers: ObserverLinks, clock: Clock, log: FastifyBaseLogger) {
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
    const { grant, kind } = this.#grant(id, token);
    if (!grant.ok) return grant;
    const room = await this.load(id, kind ?? undefined);
    if (!room) return { ok: false, refusal: UNAUTHORIZED };
    return { ok: true, room, seat: grant.seat, view: grant.view };
  }

  /** The seat a token holds in room `id`: a seat token of the room, or one of its observer links. */
  grant(id: string, token: string): SeatGrant {
    return this.#grant(id, token).grant;
  }

  /** The grant and the kind of room it was found in (so a join does not look the room up again). */
  #grant(id: string, token: string): { grant: SeatGrant; kind: RoomKind | null } {
    const now = this.#clock.now();
    for (const kind of this.#kinds) {
      const grant = kind.grant(id, token, now);
      if (grant === null) continue;
      if (grant.ok) return { grant, kind };
      const link = this.#observers.byTokenHash(hashToken(token));
      if (link?.roomId === id) return { grant: { ok: true, seat: 'observer', view: link.view }, kind };
      return { grant, kind };
    }
    return { grant: { ok: false, refusal: UNAUTHORIZED }, kind: null };
  }

  /** The live room `id`, loaded and resumed if it was not in memory; undefined for an unknown id. */
  async load(id: string, known?: RoomKind): Promise<Room | undefined> {
    const existing = this.#live.get(id);
    if (existing) return existing.room;
    const kind = known ?? this.#kinds.find((k) => k.has(id));
    if (!kind) return undefined;
    const room = this.#open(kind, id);
    await room.resume();
    return room;
  }

  /** The live room `id` if it is in memory. */
  peek(id: string): Room | undefined {
    return this.#live.get(id)?.room;
  }

  /** Registers a room a kind just created (it is started by its kind, not resumed). */
  adopt(kind: RoomKind, id: string): Room {
    return this.#open(kind, id);
  }

  /** Loads every room whose clock was running and re-arms it. */
  async resumeAll(): Promise<void> {
    for (const kind of this.#kinds) {
      for (const id of kind.activeIds()) {
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
    await this.idle();
    this.#live.clear();
  }

  #open(kind: RoomKind, id: string): Room {
    if (this.#closed) throw new AppError('UNAVAILABLE', 'the server is shutting down; try again in a moment');
    const room = kind.open(id);
    this.#live.set(id, { room, kind });
    return room;
  }
}
