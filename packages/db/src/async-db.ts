import { createDb, type Db } from './create-db.ts';
import { createPgDb, type PgDb } from './create-pg-db.ts';
import type { ObserverLinks } from './observer-links.ts';
import type { PeerStore } from './peer-store.ts';
import type { ReportShares } from './report-shares.ts';
import { type PruneOptions, type PruneResult, pruneEndedSessions } from './retention.ts';
import type { RoomFencing } from './room-store.ts';
import type { SessionStore } from './session-store.ts';
import type { StudyStore } from './study-store.ts';
import type { WriteCheck } from './write-check.ts';

/** Every method of `T` with its result in a Promise: what a store looks like behind a network. */
export type Async<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : T[K];
};

/**
 * What the server needs from a database, one shape for both backends: `createPgDb` returns it as
 * it is (PostgreSQL is asynchronous anyway), `asyncDb` wraps the synchronous SQLite `Db` in it. A
 * server written against this type switches backend by the URL it opens, nothing else.
 */
export interface AsyncDb {
  sessions: Async<SessionStore>;
  peers: Async<PeerStore>;
  observers: Async<ObserverLinks>;
  shares: Async<ReportShares>;
  study: Async<StudyStore>;
  /** Lease-token fencing of rooms on a database several instances share; null on SQLite. */
  fences: RoomFencing | null;
  /** The SQLite file, for the free-disk check; null on PostgreSQL (and for `:memory:`). */
  file: string | null;
  ping(): Promise<boolean>;
  checkWrite(): Promise<WriteCheck>;
  /** `pruneEndedSessions` on this database. */
  prune(options: PruneOptions): Promise<PruneResult>;
  close(): Promise<void>;
}

// PgDb must stay a drop-in AsyncDb: a method missing from a Pg class, or typed apart, fails here.
const pgIsAsyncDb = (db: PgDb): AsyncDb => db;
void pgIsAsyncDb;

/** Calls the object's own methods (private fields work), a throw turned into a rejection. */
function promising<T extends object>(target: T): Async<T> {
  return new Proxy(target, {
    get(object, key) {
      const value: unknown = Reflect.get(object, key, object);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => value.apply(object, args);
    },
  }) as unknown as Async<T>;
}

/** The synchronous SQLite `Db` as an `AsyncDb`: the same connection, every result in a Promise. */
export function asyncDb(db: Db): AsyncDb {
  return {
    sessions: promising(db.sessions),
    peers: promising(db.peers),
    observers: promising(db.observers),
    shares: promising(db.shares),
    study: promising(db.study),
    fences: null,
    file: db.sqlite.memory ? null : db.sqlite.name,
    ping: async () => db.ping(),
    checkWrite: async () => db.checkWrite(),
    prune: async (options) => pruneEndedSessions(db, options),
    close: async () => db.close(),
  };
}

/** PostgreSQL for a postgres:// or postgresql:// URL, otherwise the SQLite file at that path. */
export async function openAsyncDb(location: string): Promise<AsyncDb> {
  return /^postgres(ql)?:\/\//i.test(location) ? createPgDb(location) : asyncDb(createDb(location));
}
