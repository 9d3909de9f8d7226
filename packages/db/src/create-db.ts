import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { ObserverLinks } from './observer-links.ts';
import { PeerStore } from './peer-store.ts';
import { ReportShares } from './report-shares.ts';
import * as schema from './schema.ts';
import { SessionStore } from './session-store.ts';
import { StudyStore } from './study-store.ts';
import { type WriteCheck, writeChecker } from './write-check.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations', import.meta.url));

export type Orm = BetterSQLite3Database<typeof schema>;

export interface Db {
  /** The raw connection, for pragmas and health checks. */
  sqlite: Database.Database;
  orm: Orm;
  sessions: SessionStore;
  /** Peer rooms, on the same connection (as `PgDb.peers`). */
  peers: PeerStore;
  /** Read-only watch links of solo sessions and peer rooms. */
  observers: ObserverLinks;
  /** Read-only links to solo reports. */
  shares: ReportShares;
  /** Drill attempts and spaced-review cards. */
  study: StudyStore;
  /** Runs a trivial query; false when the file has become unusable. */
  ping(): boolean;
  /** A write in a rolled-back transaction: false (with why) when no commit could succeed now. */
  checkWrite(): WriteCheck;
  close(): void;
}

export interface CreateDbOptions {
  /** How long a writer waits for a lock held by another connection, in ms. */
  busyTimeoutMs?: number;
}

/** Opens (or creates) the database file, applies pragmas and pending migrations. No singleton: call once per app. */
export function createDb(path: string, options: CreateDbOptions = {}): Db {
  const sqlite = new Database(path);
  try {
    sqlite.pragma('journal_mode = WAL');
    // better-sqlite3 leaves SQLite's default, which under WAL is commonly built as NORMAL: a commit
    // can be lost on power failure. The server acknowledges a candidate message only after its
    // commit, so an acknowledged message must survive a crash: FULL fsyncs the WAL on every commit.
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    const orm = drizzle(sqlite, { schema });
    migrate(orm, { migrationsFolder: MIGRATIONS_DIR });
    const sessions = new SessionStore(orm, sqlite);
    const ping = sqlite.prepare('select 1 as ok');
    return {
      sqlite,
      orm,
      sessions,
      peers: new PeerStore(sqlite),
      observers: new ObserverLinks(sqlite),
      shares: new ReportShares(sqlite),
      study: new StudyStore(sqlite),
      checkWrite: writeChecker(sqlite),
      ping() {
        try {
          return sqlite.open && (ping.get() as { ok: number }).ok === 1;
        } catch {
          return false;
        }
      },
      close() {
        if (sqlite.open) sqlite.close();
      },
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
