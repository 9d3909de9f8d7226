import type pg from 'pg';
import type { WriteCheck } from './write-check.ts';

/** How long the check waits for a connection and for its statements before saying no. */
const CHECK_TIMEOUT_MS = 5_000;

/**
 * `checkWrite` on PostgreSQL: the same probe row inserted into `sessions` in a transaction that is
 * then rolled back. `select 1` passes on a server that only reads (a hot standby after a failover,
 * `default_transaction_read_only`, a role without insert rights) while every answer would fail to
 * commit; this does not. Bounded in time: node-postgres waits for a connection forever by default,
 * and a health check that hangs says nothing.
 */
export async function checkPgWrite(pool: pg.Pool, isClosed: () => boolean): Promise<WriteCheck> {
  if (isClosed()) return { ok: false, detail: 'the database connection is closed' };
  let timer: NodeJS.Timeout | undefined;
  const connecting = pool.connect();
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), CHECK_TIMEOUT_MS);
  });
  try {
    const client = await Promise.race([connecting, timeout]);
    if (client === 'timeout') {
      // A connection that arrives later goes straight back to the pool.
      connecting.then((late) => late.release()).catch(() => {});
      return { ok: false, detail: `the database cannot write: no connection within ${CHECK_TIMEOUT_MS} ms` };
    }
    let failed: Error | undefined;
    try {
      await client.query('begin');
      await client.query(`set local statement_timeout = ${CHECK_TIMEOUT_MS}`);
      await client.query(
        `insert into sessions (id, token_hash, case_id, case_title, duration_minutes, interviewer, seed, engine_state, created_at)
         values ('~health-probe', '', '', '', 0, 'offline', 0, 'null', 0)`,
      );
      return { ok: true };
    } catch (error) {
      failed = error as Error;
      throw error;
    } finally {
      await client.query('rollback').catch(() => {});
      // A connection that failed may be broken: the pool drops it rather than lending it again.
      client.release(failed);
    }
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    return {
      ok: false,
      detail: `the database cannot write: ${message ?? String(error)}${code ? ` (${code})` : ''}`,
    };
  } finally {
    clearTimeout(timer);
  }
}
