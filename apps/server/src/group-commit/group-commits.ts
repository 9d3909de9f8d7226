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
  /** Outer transactions (one fsync each with synchronous=FULL). */
  groups: number;
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
 * resolves only after the outer transaction has committed: commit-before-ack is unchanged, an
 * acknowledgement still means the data is on disk.
 */
export interface GroupCommitOptions {
  /**
   * 0 (the default): a group is the commits of one event-loop turn. More: a group stays open
   * this many ms after its first commit, so more commits share its fsync (each waits that long).
   */
  windowMs?: number;
}

export function groupCommits(
  store: AsyncDb,
  db: Db,
  options: GroupCommitOptions = {},
): { store: AsyncDb; stats: GroupCommitStats } {
  const windowMs = options.windowMs ?? 0;
  const stats: GroupCommitStats = { groups: 0, commits: 0, largest: 0 };
  let queue: Pending[] = [];
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    const group = queue;
    queue = [];
    const outcomes: ({ ok: true; value: CommitResult } | { ok: false; error: unknown })[] = [];
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
    }
    stats.groups += 1;
    stats.commits += group.length;
    stats.largest = Math.max(stats.largest, group.length);
    group.forEach((pending, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok) pending.resolve(outcome.value);
      else pending.reject(outcome?.error);
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
