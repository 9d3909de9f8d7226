import type Database from 'better-sqlite3';

/** Whether the database can take a write right now, and if not, why (in words for an operator). */
export type WriteCheck = { ok: true } | { ok: false; detail: string };

/** Thrown inside the probe's transaction so that better-sqlite3 rolls it back. */
const ROLLBACK = Symbol('rollback');

/**
 * A real write that is never kept: an immediate transaction (the write lock) inserting a row into
 * `sessions`, then rolled back. `select 1` passes on a file that has turned read-only (remounted,
 * permissions, `query_only`), while every answer would then fail to commit; this does not.
 * It cannot see a full disk (a rolled-back change never reaches the file), so the server checks
 * free space separately.
 */
export function writeChecker(sqlite: Database.Database): () => WriteCheck {
  let probe: Database.Transaction<() => void> | null = null;
  return () => {
    if (!sqlite.open) return { ok: false, detail: 'the database connection is closed' };
    try {
      probe ??= sqlite.transaction(() => {
        sqlite
          .prepare(
            `insert into sessions (id, token_hash, case_id, case_title, duration_minutes, interviewer, seed, engine_state, created_at)
             values ('~health-probe', '', '', '', 0, 'offline', 0, 'null', 0)`,
          )
          .run();
        throw ROLLBACK;
      });
      probe.immediate();
    } catch (error) {
      if (error === ROLLBACK) return { ok: true };
      const { code, message } = error as { code?: string; message?: string };
      return {
        ok: false,
        detail: `the database cannot write: ${message ?? String(error)}${code ? ` (${code})` : ''}`,
      };
    }
    return { ok: false, detail: 'the write check did not run' };
  };
}
