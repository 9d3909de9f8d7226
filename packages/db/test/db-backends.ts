import { afterEach, beforeEach } from 'vitest';
import {
  type AsyncDb,
  asyncDb,
  createDb,
  createPgDb,
  type Db,
  type PruneOptions,
  type PruneResult,
  pruneEndedSessions,
  type WriteCheck,
} from '../src/index.ts';
import type { PgTestServer } from './pg-test-server.ts';
import { sqliteFile } from './room-store-backends.ts';
import type { StorePlace } from './room-store-contract.ts';

// A whole database as the data contracts (history, links, retention, write check) see it, on
// either backend: the synchronous SQLite `Db`, or an `AsyncDb` (PostgreSQL's `PgDb`, SQLite's
// through `asyncDb`). Every call is awaited, so one suite holds both, as the room-store contract
// does for the stores.

type Awaitable<T> = T | Promise<T>;

/** The synchronous SQLite `Db` or an `AsyncDb` (`createPgDb`'s, or SQLite's wrapped by `asyncDb`). */
export interface AnyDb {
  sessions: Db['sessions'] | AsyncDb['sessions'];
  peers: Db['peers'] | AsyncDb['peers'];
  observers: Db['observers'] | AsyncDb['observers'];
  shares: Db['shares'] | AsyncDb['shares'];
  ping(): Awaitable<boolean>;
  checkWrite(): Awaitable<WriteCheck>;
  prune(options: PruneOptions): Awaitable<PruneResult>;
  /** Rows of `table` whose `column` is `value`: a look under the interface, for what it cannot read. */
  countRows(table: string, column: string, value: string): Awaitable<number>;
  /** From now on this connection can read but not write (a read-only remount, a standby). */
  refuseWrites(): Awaitable<void>;
  close(): Awaitable<void>;
}

export interface DbBackend {
  place(): Awaitable<StorePlace>;
  open(location: string): Awaitable<AnyDb>;
}

export const sqliteDbBackend: DbBackend = {
  place: sqliteFile,
  open(file) {
    const db = createDb(file);
    return {
      sessions: db.sessions,
      peers: db.peers,
      observers: db.observers,
      shares: db.shares,
      ping: () => db.ping(),
      checkWrite: () => db.checkWrite(),
      prune: (options) => pruneEndedSessions(db, options),
      countRows: (table, column, value) =>
        (
          db.sqlite.prepare(`select count(*) as n from ${table} where ${column} = ?`).get(value) as {
            n: number;
          }
        ).n,
      refuseWrites: () => {
        db.sqlite.pragma('query_only = ON');
      },
      close: () => db.close(),
    };
  },
};

/** SQLite wrapped by `asyncDb`: the adapter that lets the server treat both backends alike. */
export const asyncSqliteDbBackend: DbBackend = {
  place: sqliteFile,
  open(file) {
    const db = createDb(file);
    return {
      ...asyncDb(db),
      countRows: (table, column, value) =>
        (
          db.sqlite.prepare(`select count(*) as n from ${table} where ${column} = ?`).get(value) as {
            n: number;
          }
        ).n,
      refuseWrites: () => {
        db.sqlite.pragma('query_only = ON');
      },
    };
  },
};

export function pgDbBackend(server: PgTestServer): DbBackend {
  return {
    async place() {
      const { url, drop } = await server.createDatabase();
      return { location: url, remove: drop };
    },
    async open(url) {
      // One connection, so that `refuseWrites` (a session setting) holds for every later query;
      // every suite runs its calls one after another, so one is enough.
      const db = await createPgDb(url, { maxConnections: 1 });
      return {
        sessions: db.sessions,
        peers: db.peers,
        observers: db.observers,
        shares: db.shares,
        ping: () => db.ping(),
        checkWrite: () => db.checkWrite(),
        prune: (options) => db.prune(options),
        countRows: async (table, column, value) =>
          (await db.pool.query(`select count(*)::int as n from ${table} where ${column} = $1`, [value]))
            .rows[0].n,
        refuseWrites: async () => {
          await db.pool.query('set default_transaction_read_only = on');
        },
        close: () => db.close(),
      };
    },
  };
}

/**
 * A fresh database per test on `backend`, every connection opened through `open` closed and the
 * database removed after it. Call inside a `describe`.
 */
export function useDb(backend: DbBackend): { open(): Promise<AnyDb> } {
  let place: StorePlace | undefined;
  let opened: AnyDb[] = [];
  beforeEach(async () => {
    place = await backend.place();
  });
  afterEach(async () => {
    for (const db of opened) await db.close();
    opened = [];
    await place?.remove();
  });
  return {
    async open() {
      const db = await backend.open(place!.location);
      opened.push(db);
      return db;
    },
  };
}

/** Settles with what `call` returns or throws, whether it throws at once or returns a rejected Promise. */
export const attempt = <T>(call: () => Awaitable<T>): Promise<T> => Promise.resolve().then(call);
