import { ClusterError, type FanoutSubscription, type ForwardedReply } from '@mlsd/cluster';
import type { Command, RoomMode, Seat, SeatView, ServerEvent, ServerMessage } from '@mlsd/protocol';
import type { FastifyBaseLogger } from 'fastify';
import { projectForView } from '../rooms/projection.ts';
import type { Refusal } from '../rooms/refusals.ts';
import { ELSEWHERE, type SeatRoom } from '../rooms/registry.ts';
import type { Room } from '../rooms/room.ts';
import type { SeatSocket } from '../rooms/seat-hub.ts';
import type { SeatReply, SeatRequest } from './messages.ts';

/** How often a seat on a non-owner instance checks who runs its room (the failover's reaction time). */
export const OWNER_CHECK_MS = 300;
/** Every this many checks, the seat tells the owner it is still open. */
const TOUCH_EVERY = 10;
/** A join keeps trying this long (a dead owner's lease must expire first) before it gives up. */
const JOIN_PATIENCE_MS = 15_000;

/** What a seat link needs from its instance's cluster. */
export interface LinkContext {
  readonly log: FastifyBaseLogger;
  newConnId(): string;
  /** Takes the room here (loading it from the store) unless another instance runs it. */
  claimAndLoad(id: string): Promise<Room | typeof ELSEWHERE | undefined>;
  release(room: Room): void;
  holder(id: string): Promise<{ instanceId: string; token: number } | null>;
  forward(id: string, request: SeatRequest): Promise<ForwardedReply<SeatReply>>;
  listen(conn: string, deliver: (message: ServerMessage) => void): () => void;
  subscribe(
    id: string,
    mode: RoomMode,
    after: number,
    onEvent: (event: ServerEvent) => void,
    onGap: () => void,
  ): FanoutSubscription;
}

const MOVED = 'moved';

const retry = (message: string): Refusal => ({ code: 'UNAVAILABLE', message });
const OWNER_SILENT = retry(
  'the server running this interview did not answer in time; it may have stored your message. Send it again with the same id (it is never stored twice).',
);
const TAKING_OVER = retry(
  'the server running this interview stopped and another one is taking it over; send that again in a few seconds.',
);
const NO_REDIS = retry(
  'the servers cannot reach each other through Redis right now; send that again in a few seconds.',
);

/**
 * One seat's way into its room when instances share rooms. While this instance runs the room the
 * seat sits in it directly; while another one does, the seat joins there through command
 * forwarding, gets numbered events from the fan-out stream after its snapshot's seq, and other
 * frames on its instance's live channel. It watches who runs the room: when the owner's lease is
 * gone it takes the room over from the database here; when another instance took it, it joins
 * there. Each switch starts with a fresh snapshot, which clients apply like a lobby's start.
 */
export class SeatLink implements SeatRoom {
  readonly id: string;
  readonly #mode: RoomMode;
  readonly #seat: Seat;
  readonly #view: SeatView;
  readonly #context: LinkContext;
  readonly #conn: string;
  #socket: SeatSocket | null = null;
  #local: Room | null = null;
  #token: number | null = null;
  #subscription: FanoutSubscription | null = null;
  #unlisten: (() => void) | null = null;
  #monitor: NodeJS.Timeout | undefined;
  #checks = 0;
  #checking = false;
  /** Commands waiting on an owner's answer, woken when the seat is re-seated. */
  readonly #onSwitched = new Set<() => void>();
  #switching: Promise<void> | null = null;
  #left = false;

  constructor(id: string, mode: RoomMode, grant: { seat: Seat; view: SeatView }, context: LinkContext) {
    this.id = id;
    this.#mode = mode;
    this.#seat = grant.seat;
    this.#view = grant.view;
    this.#context = context;
    this.#conn = context.newConnId();
  }

  async join(socket: SeatSocket): Promise<void> {
    this.#socket = socket;
    try {
      await this.#attach();
    } catch (error) {
      this.#context.log.warn({ err: error, roomId: this.id }, 'a seat could not reach its room');
      socket.send({
        type: 'error',
        code: 'UNAVAILABLE',
        message:
          'the server running this interview cannot be reached right now; reconnecting (nothing you sent was lost).',
      });
      this.#detachRemote();
      socket.moved?.();
    }
  }

  async leave(socket: SeatSocket): Promise<void> {
    this.#left = true;
    clearInterval(this.#monitor);
    const local = this.#local;
    this.#detachRemote();
    if (local) {
      await local.leave(socket);
      this.#context.release(local);
    } else if (this.#token !== null) {
      await this.#context.forward(this.id, { kind: 'leave', conn: this.#conn }).catch(() => undefined);
    }
  }

  async handle(socket: SeatSocket, command: Command, resent = false): Promise<Refusal | null> {
    if (this.#switching) await this.#switching;
    const local = this.#local;
    if (local) return local.handle(socket, command);
    const outcome = await this.#forward(command);
    if (outcome !== MOVED) return outcome;
    // Sent again where the room runs now; its client id makes it count once whatever the old
    // owner did with it.
    return resent ? TAKING_OVER : this.handle(socket, command, true);
  }

  /** The owner's answer to a command, or MOVED when the seat was re-seated meanwhile. */
  async #forward(command: Command): Promise<Refusal | null | typeof MOVED> {
    let wake: (() => void) | undefined;
    // A dead owner never answers: once the seat is re-seated, waiting out the timeout is pointless.
    const switched = new Promise<typeof MOVED>((resolve) => {
      wake = () => resolve(MOVED);
      this.#onSwitched.add(wake);
    });
    let reply: ForwardedReply<SeatReply>;
    try {
      const sent = this.#context.forward(this.id, { kind: 'command', conn: this.#conn, command });
      sent.catch(() => undefined);
      const first = await Promise.race([sent, switched]);
      if (first === MOVED) return MOVED;
      reply = first;
    } catch (error) {
      if (!(error instanceof ClusterError)) return NO_REDIS;
      if (error.code === 'TIMEOUT') return OWNER_SILENT;
      // NO_OWNER: the owner's lease is gone; take the room over (or join whoever did) at once.
      await this.#switch();
      return MOVED;
    } finally {
      if (wake) this.#onSwitched.delete(wake);
    }
    if (!reply.ok) {
      // NOT_OWNER: the holder is between two owners; look again.
      await this.#switch();
      return MOVED;
    }
    if (reply.reply.kind === 'rejoin') {
      await this.#switch(true);
      return MOVED;
    }
    return reply.reply.kind === 'done' ? reply.reply.refusal : null;
  }

  /** Seats this connection wherever the room runs, taking it over when nobody runs it. */
  async #attach(): Promise<void> {
    const socket = this.#socket;
    if (!socket) return;
    const giveUp = Date.now() + JOIN_PATIENCE_MS;
    while (!this.#left) {
      const claimed = await this.#context.claimAndLoad(this.id);
      if (claimed === undefined) throw new Error(`room ${this.id} is gone from the store`);
      if (claimed !== ELSEWHERE) {
        this.#local = claimed;
        await claimed.join(socket);
        // The socket closed while it was being seated: undo the seat its leave could not see.
        if (this.#left) {
          await claimed.leave(socket);
          this.#context.release(claimed);
        }
        return;
      }
      if (await this.#joinRemote(socket)) return;
      if (Date.now() > giveUp) throw new Error(`room ${this.id}: its owner did not let this seat in`);
      await sleep(200);
    }
  }

  /** Joins on the owner; false when there is none (any more) or it did not answer. */
  async #joinRemote(socket: SeatSocket): Promise<boolean> {
    const holder = await this.#context.holder(this.id);
    if (!holder) return false;
    // Frames the owner sends right after the join may overtake its reply: hold them until then.
    const early: ServerMessage[] = [];
    let joined = false;
    this.#unlisten?.();
    this.#unlisten = this.#context.listen(this.#conn, (message) => {
      if (joined) socket.send(message);
      else early.push(message);
    });
    let reply: ForwardedReply<SeatReply>;
    // A dead owner never answers the join: stop waiting as soon as its lease is gone.
    const change = this.#ownerChange(holder.token);
    try {
      const sent = this.#context.forward(this.id, {
        kind: 'join',
        conn: this.#conn,
        seat: this.#seat,
        view: this.#view,
      });
      sent.catch(() => undefined);
      const first = await Promise.race([sent, change.changed]);
      if (first === MOVED) return false;
      reply = first;
    } catch (error) {
      if (error instanceof ClusterError) return false;
      throw error;
    } finally {
      change.stop();
    }
    if (!reply.ok || reply.reply.kind !== 'joined') return false;
    const frames = reply.reply.frames;
    const snapshot = frames.find((frame) => frame.type === 'snapshot');
    if (snapshot?.type !== 'snapshot') return false;
    this.#token = holder.token;
    for (const frame of frames) socket.send(frame);
    this.#subscription = this.#context.subscribe(
      this.id,
      this.#mode,
      snapshot.lastSeq,
      (event) => {
        const projected = projectForView(this.#view, event);
        if (projected) socket.send(projected);
      },
      () => void this.#switch(true),
    );
    joined = true;
    for (const message of early) socket.send(message);
    if (this.#left) {
      this.#detachRemote();
      await this.#context.forward(this.id, { kind: 'leave', conn: this.#conn }).catch(() => undefined);
      return true;
    }
    this.#startMonitor();
    return true;
  }

  /** Resolves with MOVED once the room's holder is no longer the one with `token`. */
  #ownerChange(token: number): { changed: Promise<typeof MOVED>; stop: () => void } {
    let timer: NodeJS.Timeout | undefined;
    const changed = new Promise<typeof MOVED>((resolve) => {
      timer = setInterval(() => {
        void this.#context.holder(this.id).then(
          (holder) => {
            if (holder?.token !== token) resolve(MOVED);
          },
          () => undefined,
        );
      }, OWNER_CHECK_MS);
      timer.unref();
    });
    return { changed, stop: () => clearInterval(timer) };
  }

  #startMonitor(): void {
    clearInterval(this.#monitor);
    this.#monitor = setInterval(() => void this.#check(), OWNER_CHECK_MS);
    this.#monitor.unref();
  }

  /** Who runs the room now? Nobody: take it over. Someone new: join there. */
  async #check(): Promise<void> {
    // One check at a time: while Redis hangs, checks must not pile up behind each other.
    if (this.#checking || this.#switching || this.#left || this.#local) return;
    this.#checking = true;
    try {
      await this.#checkOnce();
    } finally {
      this.#checking = false;
    }
  }

  async #checkOnce(): Promise<void> {
    this.#checks += 1;
    let holder: { instanceId: string; token: number } | null;
    try {
      holder = await this.#context.holder(this.id);
    } catch {
      return; // Redis away: nothing can be taken over meanwhile; look again later.
    }
    if (!holder || holder.token !== this.#token) {
      await this.#switch();
      return;
    }
    // Not awaited: a dead owner answers nothing until the forwarding timeout, and the checks must
    // go on meanwhile, or the seat would notice the owner's lease running out only after it.
    if (this.#checks % TOUCH_EVERY === 0) void this.#touch();
  }

  async #touch(): Promise<void> {
    const token = this.#token;
    const reply = await this.#context
      .forward(this.id, { kind: 'touch', conns: [this.#conn] })
      .catch(() => undefined);
    // The owner forgot this seat (it took the room over since): join it again.
    if (reply?.ok && reply.reply.kind === 'rejoin' && this.#token === token) await this.#switch(true);
  }

  /** Re-seats the connection (one switch at a time); `force` even if the owner did not change. */
  #switch(force = false): Promise<void> {
    if (this.#switching) return this.#switching;
    const run = async () => {
      if (this.#left || this.#local) return;
      if (!force) {
        const holder = await this.#context.holder(this.id).catch(() => undefined);
        if (holder === undefined || (holder && holder.token === this.#token)) return;
      }
      clearInterval(this.#monitor);
      this.#detachRemote();
      this.#token = null;
      // Commands still waiting on the old owner are sent again once the seat sits anew.
      for (const wake of [...this.#onSwitched]) wake();
      try {
        await this.#attach();
      } catch (error) {
        this.#context.log.warn({ err: error, roomId: this.id }, 'a seat lost its room');
        this.#socket?.moved?.();
      }
    };
    this.#switching = run().finally(() => {
      this.#switching = null;
    });
    return this.#switching;
  }

  #detachRemote(): void {
    this.#subscription?.close();
    this.#subscription = null;
    this.#unlisten?.();
    this.#unlisten = null;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
