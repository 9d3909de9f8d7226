import { open } from 'node:fs/promises';
import type { AsyncDb, Db, SessionStore } from '@mlsd/db';

type SessionChange = Parameters<SessionStore['commit']>[1];
type CommitResult = ReturnType<SessionStore['commit']>;

interface Pending {
  sessionId: string;
  change: SessionChange;
  resolve: (result: CommitResult) => void;
  reject: (error: unknown) => void;
}

/** What the server's group commits did, for the benchmark and tests. */
export interface GroupCommitStats {
  /** Outer transactions (one fsync each, on the main thread or off it). */
  groups: number;
  /** fsyncs of the write-ahead log made off the main thread (0 when `syncOffThread` is off). */
  walSyncs: number;
  /** Session commits inside them. */
  commits: number;
  /** The largest group. */
  largest: number;
}

/**
 * The SQLite store with the solo rooms' commits grouped: every commit that arrives in one turn
 * of the event loop (the socket frames and timers of one poll) goes into one outer transaction,
 * so one fsync makes them all durable instead of one fsync each. Each session's commit runs
 * inside it as its own savepoint (better-sqlite3 nests transactions that way), so one that fails
 * is rolled back alone and its caller gets the error while the others commit. A caller's promise
 * resolves only after the group is durable (its COMMIT's fsync, or the log's fsync off the main
 * thread that started after it): commit-before-ack is unchanged, an acknowledgement still means
 * the data is on disk.
 */
export interface GroupCommitOptions {
  /**
   * 0 (the default): a group is the commits of one event-loop turn. More: a group stays open
   * this many ms after its first commit, so more commits share its fsync (each waits that long).
   */
  windowMs?: number;
  /**
   * true (the default, for a database file in WAL mode): a group commits with synchronous=NORMAL,
   * which writes the log without waiting for the disk, and its callers are resolved after an
   * fsync of the log run on libuv's thread pool, so the main thread never blocks on the disk.
   * false: the group's COMMIT fsyncs on the main thread (synchronous=FULL), as every other write.
   */
  syncOffThread?: boolean;
  /** Makes the log durable (tests inject a failing one); default: fsync of the `-wal` file. */
  syncLog?: (walPath: string) => Promise<void>;
}

/** fsync of the write-ahead log through its own descriptor (fsync works on a read-only one). */
async function fsyncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Durability off the main thread, in order: a caller waits for an fsync that started after its
 * group committed; groups that commit while one runs share the next. Waiters resolve in the
 * order their groups committed, so a session's acknowledgements never overtake each other.
 */
function logSyncer(walPath: string, syncLog: (path: string) => Promise<void>, stats: GroupCommitStats) {
  let waiting: (() => void)[] = [];
  let failed: ((error: unknown) => void)[] = [];
  let running = false;
  const run = () => {
    running = true;
    const resolveAll = waiting;
    const rejectAll = failed;
    waiting = [];
    failed = [];
    stats.walSyncs += 1;
    syncLog(walPath).then(
      () => {
        for (const resolve of resolveAll) resolve();
        next();
      },
      (error: unknown) => {
        for (const reject of rejectAll) reject(error);
        next();
      },
    );
  };
  const next = () => {
    running = false;
    if (waiting.length > 0) run();
  };
  return (): Promise<void> =>
    new Promise((resolve, reject) => {
      waiting.push(resolve);
      failed.push(reject);
      if (!running) run();
    });
}

export function groupCommits(
  store: AsyncDb,
  db: Db,
  options: GroupCommitOptions = {},
): { store: AsyncDb; stats: GroupCommitStats } {
  const windowMs = options.windowMs ?? 0;
  const stats: GroupCommitStats = { groups: 0, commits: 0, largest: 0, walSyncs: 0 };
  const inWal = String(db.sqlite.pragma('journal_mode', { simple: true })).toLowerCase() === 'wal';
  const syncOffThread = (options.syncOffThread ?? true) && inWal && !db.sqlite.memory;
  let syncLog = syncOffThread
    ? logSyncer(`${db.sqlite.name}-wal`, options.syncLog ?? fsyncFile, stats)
    : null;
  let queue: Pending[] = [];
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    const group = queue;
    queue = [];
    const outcomes: ({ ok: true; value: CommitResult } | { ok: false; error: unknown })[] = [];
    // NORMAL for this group's COMMIT only (the log is synced below, off the main thread); every
    // other write of the app still commits with FULL.
    if (syncLog) db.sqlite.pragma('synchronous = NORMAL');
    try {
      db.sqlite
        .transaction(() => {
          for (const { sessionId, change } of group) {
            try {
              outcomes.push({ ok: true, value: db.sessions.commit(sessionId, change) });
            } catch (error) {
              outcomes.push({ ok: false, error });
            }
          }
        })
        .immediate();
    } catch (error) {
      // The outer commit failed (a full disk, an I/O error): nothing of this group is stored.
      for (const pending of group) pending.reject(error);
      return;
    } finally {
      if (syncLog) db.sqlite.pragma('synchronous = FULL');
    }
    stats.groups += 1;
    stats.commits += group.length;
    stats.largest = Math.max(stats.largest, group.length);
    const settle = () =>
      group.forEach((pending, index) => {
        const outcome = outcomes[index];
        if (outcome?.ok) pending.resolve(outcome.value);
        else pending.reject(outcome?.error);
      });
    if (!syncLog) return settle();
    // A log that could not be made durable acknowledges nothing: the callers get the error (the
    // rows are committed, so a resent frame is answered as a duplicate, never stored twice). A
    // disk that failed an fsync is not trusted again: later groups commit with FULL on the main
    // thread, where SQLite itself turns a failed sync into a failed COMMIT that stores nothing.
    syncLog().then(settle, (error: unknown) => {
      syncLog = null;
      for (const pending of group) pending.reject(error);
    });
  };

  const commit = (sessionId: string, change: SessionChange): Promise<CommitResult> =>
    new Promise((resolve, reject) => {
      queue.push({ sessionId, change, resolve, reject });
      if (!scheduled) {
        scheduled = true;
        // After this poll's I/O callbacks: every frame read in it has queued its commit by then.
        if (windowMs > 0) setTimeout(flush, windowMs);
        else setImmediate(flush);
      }
    });

  const sessions = new Proxy(store.sessions, {
    get(target, key, receiver) {
      if (key === 'commit') return commit;
      return Reflect.get(target, key, receiver);
    },
  });
  return { store: { ...store, sessions }, stats };
}
