import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BackendFigures, measureBackend } from '../apps/server/test/bench/pg-commit-load.ts';
import { fixed, loadNote } from '../apps/server/test/bench/stats.ts';
import { startPgTestServer } from '../packages/db/test/pg-test-server.ts';

/**
 * Commit cost per turn on PostgreSQL against SQLite (issue 15): the real app in this process
 * (real rubrics, the offline interviewer), sessions driven over a real socket, one answer at a
 * time, measured the same way on every backend. Turn time runs from sending the answer to the
 * interviewer's reply; commit time is the time the room waits on the store's `commit` during
 * that turn (the answer before its ack, then the reply with the engine state).
 *
 * - SQLite: a file in a temp dir, WAL with synchronous=FULL; group commits off, since one answer
 *   at a time makes every group a group of one anyway and this way each commit is timed whole.
 * - PostgreSQL, durable: a throwaway cluster on the same disk with PostgreSQL's defaults (fsync
 *   on, synchronous commit), over TCP on 127.0.0.1: what a commit costs in a real deployment
 *   without the network between the app and the database.
 * - PostgreSQL, fsync off: the cluster the tests use; the difference to the durable row is the
 *   flush, the rest is round trips and the server's work.
 */
const SESSIONS = 5;
const TURNS_PER_SESSION = 60;

export async function run(): Promise<BackendFigures[]> {
  console.log(`(${loadNote()} at the start; ${SESSIONS} sessions × ${TURNS_PER_SESSION} answers each)\n`);
  const dir = mkdtempSync(join(tmpdir(), 'mlsd-pg-commit-'));
  const rows: BackendFigures[] = [];
  try {
    rows.push(
      await measureBackend(
        'SQLite (WAL, synchronous=FULL)',
        join(dir, 'mlsd.sqlite'),
        SESSIONS,
        TURNS_PER_SESSION,
      ),
    );
    for (const durable of [true, false]) {
      const label = durable ? 'PostgreSQL (fsync on, synchronous_commit on)' : 'PostgreSQL (fsync off)';
      const started = await startPgTestServer({ durable });
      if (!('server' in started)) {
        console.log(`${label}: skipped (${started.skipped})`);
        continue;
      }
      try {
        const database = await started.server.createDatabase();
        rows.push(await measureBackend(label, database.url, SESSIONS, TURNS_PER_SESSION));
        await database.drop();
      } finally {
        await started.server.stop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    '| backend | turns | turn p50 ms | turn p99 ms | commit time per turn p50 ms | p99 ms | commits per turn | commit share of turn time |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const row of rows) {
    console.log(
      `| ${row.backend} | ${row.turns} | ${fixed(row.turnP50)} | ${fixed(row.turnP99)} | ${fixed(row.commitP50, 2)} | ` +
        `${fixed(row.commitP99, 2)} | ${fixed(row.commitsPerTurn, 1)} | ${fixed(row.share * 100)}% |`,
    );
  }
  return rows;
}
