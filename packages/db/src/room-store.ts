import type { ServerEvent, Turn } from '@mlsd/protocol';
import type { CommitResult, RoomChange } from './types.ts';

/**
 * The storage contract of a room: solo sessions (`SessionStore`) and peer rooms (`PeerStore`) keep
 * their own tables (a peer room's answer key must never reach a solo route), but promise the same
 * things about commands, numbered events and the transcript. The server's reconnect and resume
 * logic relies on exactly these promises, so every backend is held to them by one suite,
 * `test/room-store-contract.ts` (see the README to add one).
 *
 * `New` is what `create` takes, `Record` what `get` returns (the new room plus its state), `Change`
 * the store's commit payload: the common `RoomChange` plus fields of its own record.
 */
export interface RoomStore<New extends { id: string }, Record extends New, Change extends RoomChange> {
  /** Stores a new room with no events, commands or turns. Throws when the id is taken. */
  create(room: New): void;

  /** The room with its current state; undefined for an unknown id. */
  get(id: string): Record | undefined;

  /** Ids of the rooms whose interview is running (their clocks re-arm after a restart); any order. */
  activeIds(): string[];

  /** The room's `turn` events' turns, in event order; turn ids are "0", "1", ... in that order. */
  transcript(id: string): Turn[];

  /** The highest event number stored for the room; 0 with none (or for an unknown id). */
  lastSeq(id: string): number;

  /** Exactly the stored events numbered above `afterSeq`, in order, as `commit` returned them. */
  eventsAfter(id: string, afterSeq: number): ServerEvent[];

  /** Whether a command with this client id was committed in this room (ids are per room). */
  hasCommand(roomId: string, clientId: string): boolean;

  /**
   * Applies one change atomically: all of it or, when any part throws, none of it. A `command`
   * whose client id the room already has makes the whole change a no-op (`duplicate: true`, no
   * events, no state change). Events are numbered from `lastSeq + 1` with no gap, also against
   * another store instance writing the same database; turns get the next transcript ids. A change
   * to an unknown room throws or leaves nothing behind. Returns the stored events.
   */
  commit(roomId: string, change: Change, fence?: RoomFence): CommitResult;
}

/**
 * `RoomStore` for a backend that talks to a server (PostgreSQL): the same methods with the same
 * promises, each result in a Promise. The contract suite awaits every call, so it holds both kinds.
 */
export interface AsyncRoomStore<New extends { id: string }, Record extends New, Change extends RoomChange> {
  create(room: New): Promise<void>;
  get(id: string): Promise<Record | undefined>;
  activeIds(): Promise<string[]>;
  transcript(id: string): Promise<Turn[]>;
  lastSeq(id: string): Promise<number>;
  eventsAfter(id: string, afterSeq: number): Promise<ServerEvent[]>;
  hasCommand(roomId: string, clientId: string): Promise<boolean>;
  /**
   * With `fence`, the commit is refused (`FencedError`, code FENCED, nothing stored) when a higher
   * token has committed to the room or claimed it; otherwise the token is recorded as the highest.
   */
  commit(roomId: string, change: Change, fence?: RoomFence): Promise<CommitResult>;
}

/**
 * The fencing token of the room's owner (issue 15): the lease's token, higher for every later
 * owner. A backend that several instances share refuses a commit carrying a lower token than one
 * already seen, so an owner deposed while it could not reach Redis cannot write next to the new
 * one. SQLite ignores it (one process writes a SQLite file).
 */
export interface RoomFence {
  readonly token: number;
}

/** How an owner fences its rooms on a shared database (PostgreSQL); null on SQLite. */
export interface RoomFencing {
  /** The highest token that has claimed or committed to the room; 0 for none. */
  highest(roomId: string): Promise<number>;
  /**
   * Records `token` as the room's highest (throws `FencedError` when a higher one is there) and
   * makes this process's commits of the room carry it; `onFenced` is called when one is refused.
   */
  hold(roomId: string, token: number, onFenced: () => void): Promise<void>;
  /** This process's commits of the room stop carrying `token` (the room left this process). */
  drop(roomId: string, token: number): void;
}
