import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { PgOrm } from './pg-commit.ts';
import { PgRoomFences } from './pg-fence.ts';
import { PgObserverLinks } from './pg-observer-links.ts';
import { PgPeerStore } from './pg-peer-store.ts';
import { PgReportShares } from './pg-report-shares.ts';
import { prunePgEndedSessions } from './pg-retention.ts';
import * as pgSchema from './pg-schema.ts';
import { PgSessionStore } from './pg-session-store.ts';
import { PgStudyStore } from './pg-study-store.ts';
import { checkPgWrite } from './pg-write-check.ts';
import type { PruneOptions, PruneResult } from './retention.ts';
import type { WriteCheck } from './write-check.ts';

export const PG_MIGRATIONS_DIR = fileURLToPath(new URL('../migrations-pg', import.meta.url));

/** Any constant: the key of the advisory lock under which one instance at a time migrates. */
const MIGRATION_LOCK = 0x6d6c7364; // 'mlsd'

export interface PgDb {
  pool: pg.Pool;
  orm: PgOrm;
  sessions: PgSessionStore;
  peers: PgPeerStore;
  /** Read-only watch links of solo sessions and peer rooms. */
  observers: PgObserverLinks;
  /** Read-only links to solo reports. */
  shares: PgReportShares;
  /** Drill attempts and spaced-review cards. */
  study: PgStudyStore;
  /** The lease tokens this process's rooms commit under, refused once a later owner took a room. */
  fences: PgRoomFences;
  /** No file: always null (the SQLite `AsyncDb` has its path here, for the free-disk check). */
  file: null;
  /** Runs a trivial query; false when the server cannot be reached. */
  ping(): Promise<boolean>;
  /** A write in a rolled-back transaction: false (with why) when no commit could succeed now. */
  checkWrite(): Promise<WriteCheck>;
  /** `pruneEndedSessions` on PostgreSQL (see `prunePgEndedSessions`). */
  prune(options: PruneOptions): Promise<PruneResult>;
  /** Ends every connection of the pool; idempotent. */
  close(): Promise<void>;
}

export interface CreatePgDbOptions {
  /** Connections in the pool at most (node-postgres's default is 10). */
  maxConnections?: number;
  /**
   * An idle connection that fails (the server restarted, the network dropped) is reported here;
   * the pool replaces it and the next query says what is wrong. Without a listener node-postgres
   * would throw it out of the event loop and end the process.
   */
  onIdleError?: (error: Error) => void;
}

/**
 * Connects a pool to `url` (postgres://...), applies the pending migrations of migrations-pg, and
 * opens the stores. No singleton: call once per app, `close()` on shutdown.
 */
export async function createPgDb(url: string, options: CreatePgDbOptions = {}): Promise<PgDb> {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections });
  pool.on('error', (error) => options.onIdleError?.(error));
  // The pool listens only to idle clients: one lent out (a commit's transaction) whose server
  // goes away would throw out of the event loop and end the process. Its query fails anyway,
  // which is how the caller learns of it; this listener only keeps the process alive.
  pool.on('connect', (client) => client.on('error', () => undefined));
  try {
    await migrateLocked(pool);
    const orm = drizzle({ client: pool, schema: pgSchema });
    let closed = false;
    const fences = new PgRoomFences(orm);
    return {
      pool,
      orm,
      sessions: new PgSessionStore(orm, fences),
      peers: new PgPeerStore(orm, fences),
      fences,
      observers: new PgObserverLinks(orm),
      shares: new PgReportShares(orm),
      study: new PgStudyStore(orm),
      file: null,
      checkWrite: () => checkPgWrite(pool, () => closed),
      prune: (options) => prunePgEndedSessions({ pool }, options),
      async ping() {
        try {
          return !closed && (await pool.query('select 1 as ok')).rows[0]?.ok === 1;
        } catch {
          return false;
        }
      },
      async close() {
        if (closed) return;
        closed = true;
        await pool.end();
      },
    };
  } catch (error) {
    await pool.end();
    throw error;
  }
}

/**
 * Several instances may start at once against one database: drizzle's migrator does not guard
 * against that, so the migrations run under a session advisory lock, one instance after another
 * (the later ones find nothing left to apply).
 */
async function migrateLocked(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await migrate(drizzle({ client }), { migrationsFolder: PG_MIGRATIONS_DIR });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
