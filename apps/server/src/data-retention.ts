import { type AsyncDb, DAY_MS, type Db, describePrune, type PruneResult, pruneEndedSessions } from '@mlsd/db';

/** How often a long-running server prunes again; sessions only cross the line by the day. */
const PRUNE_EVERY_MS = 6 * 60 * 60 * 1000;

export interface RetentionLog {
  info(message: string): void;
  error(message: string): void;
}

/**
 * Prunes once: ended sessions older than `days`. A failure is logged; the server keeps running.
 * A SQLite `Db` prunes before this returns; an `AsyncDb` (either backend) when the promise settles.
 */
export function pruneOnce(db: Db | AsyncDb, days: number, now: number, log: RetentionLog): Promise<void> {
  const options = { endedBefore: now - days * DAY_MS };
  const done = (result: PruneResult) => {
    if (result.sessions.length > 0) log.info(`retention (${days} days): ${describePrune(result)}`);
  };
  const failed = (error: unknown) => {
    log.error(`retention (${days} days): pruning failed: ${(error as Error).message}`);
  };
  if (!('prune' in db)) {
    try {
      done(pruneEndedSessions(db, options));
    } catch (error) {
      failed(error);
    }
    return Promise.resolve();
  }
  return db.prune(options).then(done, failed);
}

/**
 * With `MLSD_RETENTION_DAYS` set: prunes at start and then every few hours. Returns the stop
 * function (the timer is unref'd, so it never keeps the process alive on its own).
 */
export function startRetention(
  db: Db | AsyncDb,
  days: number,
  now: () => number,
  log: RetentionLog,
): () => void {
  void pruneOnce(db, days, now(), log);
  const timer = setInterval(() => void pruneOnce(db, days, now(), log), PRUNE_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
