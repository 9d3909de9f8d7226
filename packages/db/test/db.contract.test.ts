import { afterAll, describe, it } from 'vitest';
import { asyncSqliteDbBackend, type DbBackend, pgDbBackend, sqliteDbBackend } from './db-backends.ts';
import { runLinksContract } from './links-contract.ts';
import { startPgTestServer } from './pg-test-server.ts';
import { runRetentionContract } from './retention-contract.ts';
import { runSessionHistoryContract } from './session-history-contract.ts';
import { runWriteCheckContract } from './write-check-contract.ts';

// The data the server reads besides the room stores (history, links, retention, write check), one
// definition for SQLite (`createDb`) and PostgreSQL (`createPgDb`); see db-backends.ts.
const suites = [runSessionHistoryContract, runLinksContract, runRetentionContract, runWriteCheckContract];
const run = (name: string, backend: DbBackend) => {
  for (const suite of suites) suite(name, backend);
};

run('SQLite', sqliteDbBackend);
run('SQLite through asyncDb', asyncSqliteDbBackend);

// PostgreSQL runs against a throwaway server this file starts (see pg-test-server.ts).
const pg = await startPgTestServer();
if ('server' in pg) {
  afterAll(() => pg.server.stop());
  run('PostgreSQL', pgDbBackend(pg.server));
} else {
  describe('data contracts: PostgreSQL', () => {
    it.skip(`history, links, retention and write check (skipped: ${pg.skipped})`, () => {});
  });
}
