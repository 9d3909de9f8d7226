import { DAY_MS, type Db, describePrune, pruneEndedSessions } from '@mlsd/db';

/** How often a long-running server prunes again; sessions only cross the line by the day. */
const PRUNE_EVERY_MS = 6 * 60 * 60 * 1000;

export interface RetentionLog {
  info(message: string): void;
  error(message: string): void;
}

/** Prunes once: ended sessions older than `days`. A failure is logged; the server keeps running. */
export function pruneOnce(db: Db, days: number, now: number, log: RetentionLog): void {
  try {
    const result = pruneEndedSessions(db, { endedBefore: now - days * DAY_MS });
    if (result.sessions.length > 0) log.info(`retention (${days} days): ${describePrune(result)}`);
  } catch (error) {
    log.error(`retention (${days} days): pruning failed: ${(error as Error).message}`);
  }
}

/**
 * With `MLSD_RETENTION_DAYS` set: prunes at start and then every few hours. Returns the stop
 * function (the timer is unref'd, so it never keeps the process alive on its own).
 */
export function startRetention(db: Db, days: number, now: () => number, log: RetentionLog): () => void {
  pruneOnce(db, days, now(), log);
  const timer = setInterval(() => pruneOnce(db, days, now(), log), PRUNE_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
