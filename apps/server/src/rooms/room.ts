import {
  type Command,
  type DrawingScene,
  mayCommand,
  type Presence,
  type RoomClock,
  type RoomMode,
  type RoomView,
  type ServerEvent,
  type ServerMessage,
  type SnapshotMessage,
  type Turn,
} from '@mlsd/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock.ts';
import { AppError } from '../errors.ts';
import { DeadlineTimer } from './deadline-timer.ts';
import { ENDED, forbidden, type Refusal } from './refusals.ts';
import { SeatHub, type SeatSocket } from './seat-hub.ts';
import { SerialQueue } from './serial.ts';
import { DEFAULT_MAX_TURNS, turnLimitRefusal } from './turn-cap.ts';

const MOVED = 'this interview moved to another server instance; reconnect and send that again';

/** What a room reads back from its store: the log of numbered events and the applied client ids. */
export interface RoomLog {
  transcript(id: string): Promise<Turn[]>;
  lastSeq(id: string): Promise<number>;
  hasCommand(id: string, clientId: string): Promise<boolean>;
}

export interface RoomDeps {
  log: RoomLog;
  clock: Clock;
  logger: FastifyBaseLogger;
  /** Turns the room may hold before new lines are refused; default `DEFAULT_MAX_TURNS`. */
  maxTurns?: number;
}

/**
 * Who asks the questions in a room: the engine (offline or a language model) for a solo mock, a
 * person for a peer mock. The room hands it each allowed command, inside the room's queue, and
 * everything the policy changes goes out through the `RoomHost` it was given.
 */
export interface InterviewerPolicy {
  readonly mode: RoomMode;
  readonly ended: boolean;
  /** The room as an interviewer view sees it (the room projects it for candidate views). */
  view(now: number): RoomView;
  clock(now: number): RoomClock | null;
  notes(): string;
  /** The candidate's whiteboard; null until they draw. */
  drawing(): DrawingScene | null;
  /** Frames for an interviewer view after its snapshot (the console). */
  afterSnapshot?(socket: SeatSocket): ServerMessage[];
  /** An allowed command from a seat, run inside the room's queue. */
  command(socket: SeatSocket, command: Command): Promise<Refusal | null> | Refusal | null;
  /** The next time the clock needs a tick; null when nothing waits. */
  deadline(): number | null;
  tick(now: number): Promise<void> | void;
  /** After a load: store what a restart interrupted and re-arm the clock. */
  resume(): Promise<void> | void;
  /**
   * A model reply can keep the queue busy for seconds; such a room lets seats join at once and
   * gives them the drafts written so far. That is safe because a snapshot reads memory only, and
   * each change, once its commit has resolved, updates that memory and publishes in one
   * synchronous block: a join falls before a change (and receives its events) or after it.
   */
  readonly joinsOutsideQueue?: boolean;
  catchUp?(): ServerMessage[];
  dispose?(): void;
}

/** What a policy may do to its room. */
export interface RoomHost {
  readonly id: string;
  readonly transcript: readonly Turn[];
  /** Seq of the newest stored event (0: none yet). */
  readonly lastSeq: number;
  readonly presence: Presence;
  readonly hasInterviewerView: boolean;
  /** Appends committed events to the transcript and sends each to every seat, projected. */
  publish(events: readonly ServerEvent[]): void;
  /** Sends a frame that is not stored, projected per seat; `to` picks the seats (all by default). */
  broadcast(
    message: ServerMessage | ((socket: SeatSocket) => ServerMessage),
    to?: (socket: SeatSocket) => boolean,
  ): void;
  toInterviewerViews(message: ServerMessage): void;
  send(socket: SeatSocket, message: ServerMessage): void;
  ack(socket: SeatSocket, clientId: string, duplicate: boolean): void;
  /** A command after the end: a resend of one already applied is acknowledged again, anything else refused. */
  duplicateOrEnded(socket: SeatSocket, clientId: string | undefined): Promise<Refusal | null>;
  /** A fresh snapshot for every seat, when the room changed too much for events (a lobby starts). */
  resnapshot(): void;
  /** Re-arms the room's one timer for the policy's next deadline. */
  schedule(): void;
  /** Runs `job` after every earlier job of the room. */
  run<T>(job: () => T | Promise<T>): Promise<T>;
}

/**
 * One interview in memory, solo or peer: the serial queue every change runs through, the seats
 * and their projections, publishing, the one deadline timer, acknowledgements and de-duplication.
 * What differs between a solo and a peer mock is the interviewer policy it is given.
 */
export class Room implements RoomHost {
  readonly id: string;
  readonly #deps: RoomDeps;
  readonly #seats: SeatHub;
  readonly #queue = new SerialQueue();
  readonly #timer: DeadlineTimer;
  readonly #transcript: Turn[];
  #lastSeq: number;
  #policy: InterviewerPolicy | null = null;
  #disposed = false;
  /** Set when another instance took the room over: queued work must not write any more. */
  #stopped = false;
  #onPublish: ((events: readonly ServerEvent[]) => void) | null = null;

  /** Room `id` with its stored transcript read back (the policy is attached next). */
  static async load(id: string, deps: RoomDeps, serverInterviews: boolean): Promise<Room> {
    const [transcript, lastSeq] = await Promise.all([deps.log.transcript(id), deps.log.lastSeq(id)]);
    return new Room(id, deps, serverInterviews, { transcript, lastSeq });
  }

  constructor(
    id: string,
    deps: RoomDeps,
    serverInterviews: boolean,
    stored: { transcript: Turn[]; lastSeq: number },
  ) {
    this.id = id;
    this.#deps = deps;
    this.#seats = new SeatHub(serverInterviews);
    this.#transcript = stored.transcript;
    this.#lastSeq = stored.lastSeq;
    this.#timer = new DeadlineTimer(deps.clock, (error) =>
      deps.logger.error({ err: error, roomId: id }, 'room timer failed'),
    );
  }

  /** Set once, right after construction (the policy needs the room as its host). */
  attach(policy: InterviewerPolicy): void {
    this.#policy = policy;
  }

  get policy(): InterviewerPolicy {
    if (!this.#policy) throw new Error(`room ${this.id} has no interviewer policy`);
    return this.#policy;
  }

  get transcript(): readonly Turn[] {
    return this.#transcript;
  }

  get lastSeq(): number {
    return this.#lastSeq;
  }

  get subscriberCount(): number {
    return this.#seats.size;
  }

  get presence(): Presence {
    return this.#seats.presence;
  }

  get hasInterviewerView(): boolean {
    return this.#seats.hasInterviewerView;
  }

  get ended(): boolean {
    return this.policy.ended;
  }

  run<T>(job: () => T | Promise<T>): Promise<T> {
    return this.#queue.run(() => {
      if (this.#stopped) throw new AppError('UNAVAILABLE', MOVED);
      return job();
    });
  }

  idle(): Promise<void> {
    return this.#queue.idle();
  }

  resume(): Promise<void> {
    return this.run(() => this.policy.resume());
  }

  /**
   * The snapshot, then live frames: no gap, no overlap (see #subscribe). Everyone learns who is here.
   */
  join(socket: SeatSocket): Promise<void> {
    const policy = this.policy;
    if (policy.joinsOutsideQueue) {
      this.#subscribe(socket);
      for (const frame of policy.catchUp?.() ?? []) this.#seats.send(socket, frame);
      return Promise.resolve();
    }
    return this.run(() => this.#subscribe(socket));
  }

  leave(socket: SeatSocket): Promise<void> {
    return this.run(() => {
      if (this.#seats.delete(socket)) this.#announcePresence();
    });
  }

  /** A command from a seat: refused unless the seat may send it, else handed to the policy in order. */
  handle(socket: SeatSocket, command: Command): Promise<Refusal | null> {
    const policy = this.policy;
    if (!mayCommand(policy.mode, socket.seat, command.type))
      return Promise.resolve(forbidden(policy.mode, socket.seat, command.type));
    return this.run(async () => (await this.#overTurnCap(command)) ?? policy.command(socket, command));
  }

  /** Called with the events of every commit, after the seats got them (cluster/: the fan-out). */
  onPublish(listener: (events: readonly ServerEvent[]) => void): void {
    this.#onPublish = listener;
  }

  /**
   * The room is no longer this process's to run (its lease was lost): stop the timer and model
   * work, refuse the work still queued (it would write next to the new owner), and tell every
   * seat to reconnect, which reaches the instance that runs the room now.
   */
  stop(): void {
    this.#stopped = true;
    this.dispose();
    for (const socket of this.#seats.sockets()) {
      this.#seats.delete(socket);
      socket.moved?.();
    }
  }

  /** Stops the timer and aborts model work; queued work still finishes (await `idle()`). */
  dispose(): void {
    this.#disposed = true;
    this.#timer.clear();
    this.#policy?.dispose?.();
  }

  // RoomHost -------------------------------------------------------------------------------

  publish(events: readonly ServerEvent[]): void {
    for (const event of events) {
      if (event.type === 'turn') this.#transcript.push(event.turn);
      this.#lastSeq = Math.max(this.#lastSeq, event.seq);
      this.#seats.broadcast(event);
    }
    if (events.length > 0) this.#onPublish?.(events);
  }

  broadcast(
    message: ServerMessage | ((socket: SeatSocket) => ServerMessage),
    to?: (socket: SeatSocket) => boolean,
  ): void {
    this.#seats.broadcast(message, to);
  }

  toInterviewerViews(message: ServerMessage): void {
    this.#seats.toInterviewerViews(message);
  }

  send(socket: SeatSocket, message: ServerMessage): void {
    this.#seats.send(socket, message);
  }

  ack(socket: SeatSocket, clientId: string, duplicate: boolean): void {
    this.#seats.send(socket, { type: 'ack', clientId, duplicate });
  }

  async duplicateOrEnded(socket: SeatSocket, clientId: string | undefined): Promise<Refusal | null> {
    if (clientId === undefined || !(await this.#deps.log.hasCommand(this.id, clientId))) return ENDED;
    this.ack(socket, clientId, true);
    return null;
  }

  resnapshot(): void {
    this.#seats.broadcast((socket) => this.#snapshot(socket));
  }

  schedule(): void {
    if (this.#disposed) {
      this.#timer.clear();
      return;
    }
    this.#timer.arm(this.policy.deadline(), () =>
      this.run(async () => {
        await this.policy.tick(this.#deps.clock.now());
        return this.policy.deadline();
      }),
    );
  }

  // ----------------------------------------------------------------------------------------

  /**
   * A new line in a room that holds as many turns as it may is refused; a resend of a line already
   * stored is still acknowledged by the policy (as a duplicate), and an ended room still says so.
   */
  async #overTurnCap(command: Command): Promise<Refusal | null> {
    if (command.type !== 'say' || this.policy.ended) return null;
    const max = this.#deps.maxTurns ?? DEFAULT_MAX_TURNS;
    if (this.#transcript.length < max || (await this.#deps.log.hasCommand(this.id, command.clientId)))
      return null;
    return turnLimitRefusal(max);
  }

  /**
   * The snapshot holds every event up to its `lastSeq` (the transcript, the step and the clock), so
   * replaying stored events after the client's `lastSeq` sent the transcript twice (the whole of it
   * for `lastSeq: 0`). Only events after the snapshot's own `lastSeq` follow, live: the snapshot is
   * taken from memory, which a change updates in the same synchronous block as it publishes (after
   * its commit resolved), so every event newer than the snapshot reaches this seat live. The client's
   * `lastSeq` therefore changes nothing here; clients drop numbered events at or below the snapshot's.
   */
  #subscribe(socket: SeatSocket): void {
    this.#seats.send(socket, this.#snapshot(socket));
    for (const frame of this.#afterSnapshot(socket)) this.#seats.send(socket, frame);
    this.#seats.add(socket);
    this.#announcePresence();
  }

  #afterSnapshot(socket: SeatSocket): ServerMessage[] {
    return socket.view === 'interviewer' ? (this.policy.afterSnapshot?.(socket) ?? []) : [];
  }

  #announcePresence(): void {
    this.#seats.broadcast({ type: 'presence', presence: this.#seats.presence });
  }

  #snapshot(socket: SeatSocket): SnapshotMessage {
    const now = this.#deps.clock.now();
    const policy = this.policy;
    return {
      type: 'snapshot',
      seat: socket.seat,
      view: socket.view,
      room: policy.view(now),
      presence: this.#seats.presence,
      clock: policy.clock(now),
      transcript: [...this.#transcript],
      notes: policy.notes(),
      drawing: policy.drawing(),
      lastSeq: this.#lastSeq,
    };
  }
}
