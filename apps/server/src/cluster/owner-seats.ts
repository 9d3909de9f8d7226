import type { Seat, SeatView, ServerMessage } from '@mlsd/protocol';
import type { Room } from '../rooms/room.ts';
import type { SeatSocket } from '../rooms/seat-hub.ts';
import { isNumbered, type LiveFrame, type SeatReply, type SeatRequest } from './messages.ts';

/** A seat that stops saying it is open for this long is dropped (its instance died). */
const FORGET_AFTER_MS = 15_000;

/**
 * On the instance that runs a room, a seat connected to another instance. It sits in the room's
 * seat hub like a local socket, so presence, acknowledgements and drafts reach it projected for
 * its view; numbered events are left to the fan-out stream, which delivers them in seq order.
 */
class RemoteSeat implements SeatSocket {
  touchedAt = Date.now();
  /** Frames sent while the join runs go back in the join's reply, not on the live channel. */
  #joining: ServerMessage[] | null = [];

  constructor(
    readonly conn: string,
    readonly seat: Seat,
    readonly view: SeatView,
    private readonly live: (frame: LiveFrame) => void,
    private readonly onMoved: (seat: RemoteSeat) => void,
  ) {}

  send(message: ServerMessage): void {
    if (isNumbered(message)) return;
    if (this.#joining) this.#joining.push(message);
    else this.live({ conn: this.conn, message });
  }

  /** The frames of the join; from now on frames go out live. */
  joined(): ServerMessage[] {
    const frames = this.#joining ?? [];
    this.#joining = null;
    return frames;
  }

  moved(): void {
    this.onMoved(this);
  }
}

/** The remote seats of the rooms this instance runs, and the requests their instances send. */
export class OwnerSeats {
  readonly #byRoom = new Map<string, Map<string, RemoteSeat>>();
  readonly #live: (frame: LiveFrame) => void;
  readonly #release: (room: Room) => void;

  /** `live` sends a frame to the connection's instance; `release` lets a room nobody watches go. */
  constructor(live: (frame: LiveFrame) => void, release: (room: Room) => void) {
    this.#live = live;
    this.#release = release;
  }

  /** Runs one request against `room`, which this instance runs. */
  async handle(room: Room, request: SeatRequest): Promise<SeatReply> {
    switch (request.kind) {
      case 'join': {
        const earlier = this.#seats(room.id).get(request.conn);
        if (earlier) await this.#leave(room, earlier);
        const seat = new RemoteSeat(request.conn, request.seat, request.view, this.#live, (moved) =>
          this.#forget(room.id, moved),
        );
        this.#seats(room.id).set(seat.conn, seat);
        await room.join(seat);
        return { kind: 'joined', frames: seat.joined() };
      }
      case 'command': {
        const seat = this.#byRoom.get(room.id)?.get(request.conn);
        if (!seat) return { kind: 'rejoin' };
        seat.touchedAt = Date.now();
        return { kind: 'done', refusal: await room.handle(seat, request.command) };
      }
      case 'leave': {
        const seat = this.#byRoom.get(room.id)?.get(request.conn);
        if (seat) await this.#leave(room, seat);
        return { kind: 'ok' };
      }
      case 'touch': {
        const seats = this.#byRoom.get(room.id);
        const now = Date.now();
        let unknown = false;
        for (const conn of request.conns) {
          const seat = seats?.get(conn);
          if (seat) seat.touchedAt = now;
          else unknown = true;
        }
        return unknown ? { kind: 'rejoin' } : { kind: 'ok' };
      }
    }
  }

  /** Drops the seats whose instance stopped touching them (it died with its sockets). */
  async sweep(peek: (roomId: string) => Room | undefined): Promise<void> {
    const stale = Date.now() - FORGET_AFTER_MS;
    for (const [roomId, seats] of this.#byRoom) {
      const room = peek(roomId);
      for (const seat of [...seats.values()]) {
        if (seat.touchedAt >= stale) continue;
        if (room) await this.#leave(room, seat);
        else this.#forget(roomId, seat);
      }
    }
  }

  async #leave(room: Room, seat: RemoteSeat): Promise<void> {
    this.#forget(room.id, seat);
    await room.leave(seat);
    this.#release(room);
  }

  #seats(roomId: string): Map<string, RemoteSeat> {
    let seats = this.#byRoom.get(roomId);
    if (!seats) {
      seats = new Map();
      this.#byRoom.set(roomId, seats);
    }
    return seats;
  }

  #forget(roomId: string, seat: RemoteSeat): void {
    const seats = this.#byRoom.get(roomId);
    if (seats?.get(seat.conn) !== seat) return;
    seats.delete(seat.conn);
    if (seats.size === 0) this.#byRoom.delete(roomId);
  }
}
