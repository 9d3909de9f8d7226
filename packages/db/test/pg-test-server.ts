import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stopOnExit } from '@mlsd/testkit/stop-on-exit';
import pg from 'pg';

/**
 * A throwaway PostgreSQL server for the tests: a new cluster in a temp dir (trust auth, listening
 * on 127.0.0.1 at a free port and on a socket in that dir), stopped and removed by `stop()` or,
 * at the latest, when the test process exits. Without PostgreSQL binaries the tests that need it
 * are skipped with the reason, unless MLSD_REQUIRE_PG=1 (as in CI), which makes that a failure.
 */
export interface PgTestServer {
  /** A new, empty database; its postgres:// URL and how to drop it. */
  createDatabase(): Promise<{ url: string; drop(): Promise<void> }>;
  stop(): Promise<void>;
}

export type PgTestServerOrSkip = { server: PgTestServer } | { skipped: string };

const STEP_TIMEOUT_MS = 60_000;

/** Where initdb, pg_ctl and postgres are: Debian keeps them in /usr/lib/postgresql/<ver>/bin. */
export function findPgBin(): string | undefined {
  const candidates: string[] = [];
  if (process.env.MLSD_PG_BIN) candidates.push(process.env.MLSD_PG_BIN);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => join(debian, version, 'bin')));
  }
  candidates.push(...(process.env.PATH ?? '').split(':').filter(Boolean));
  return candidates.find((dir) =>
    ['initdb', 'pg_ctl', 'postgres'].every((bin) => existsSync(join(dir, bin))),
  );
}

/**
 * Starts a cluster, or says why it cannot (and throws instead when MLSD_REQUIRE_PG=1). `bin`
 * overrides the search for the binaries (null: as if none were installed). `durable` keeps
 * PostgreSQL's own defaults (fsync, synchronous commit), for benchmarks that compare commit cost.
 */
export async function startPgTestServer(
  options: { bin?: string | null; durable?: boolean } = {},
): Promise<PgTestServerOrSkip> {
  const required = process.env.MLSD_REQUIRE_PG === '1';
  const skip = (reason: string): PgTestServerOrSkip => {
    if (required) throw new Error(`MLSD_REQUIRE_PG=1 but PostgreSQL cannot run: ${reason}`);
    console.warn(`[pg tests skipped] ${reason} (install postgresql, or set MLSD_PG_BIN to its bin dir)`);
    return { skipped: reason };
  };
  const bin = options.bin === undefined ? findPgBin() : (options.bin ?? undefined);
  if (!bin) return skip('no initdb/pg_ctl/postgres found in MLSD_PG_BIN, /usr/lib/postgresql/*/bin or PATH');
  // PostgreSQL refuses to run as root: as root, run it as the `postgres` system user.
  const asRoot = process.getuid?.() === 0;
  let owner: { uid: number; gid: number } | undefined;
  if (asRoot) {
    const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
    const [uid, gid] = [id('-u'), id('-g')];
    if (uid.status !== 0 || gid.status !== 0) return skip('running as root and there is no postgres user');
    owner = { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  }
  const run = (cmd: string, args: string[]): SpawnSyncReturns<string> =>
    asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], {
          encoding: 'utf8',
          timeout: STEP_TIMEOUT_MS,
        })
      : spawnSync(join(bin, cmd), args, { encoding: 'utf8', timeout: STEP_TIMEOUT_MS });

  const dir = mkdtempSync(join(tmpdir(), 'mlsd-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  if (owner) chownSync(dir, owner.uid, owner.gid);
  let started = false;
  const stopSync = () => {
    if (started) run('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w', '-t', '30']);
    started = false;
    rmSync(dir, { recursive: true, force: true });
  };
  const unwatch = stopOnExit(stopSync);
  const fail = (step: string, result: SpawnSyncReturns<string>): never => {
    const serverLog = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : '';
    stopSync();
    throw new Error(
      `PostgreSQL test server: ${step} failed (${result.error?.message ?? `exit ${result.status}`}):\n${result.stderr}${serverLog}`,
    );
  };

  const init = run('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--no-sync',
    '--locale=C',
  ]);
  if (init.status !== 0) fail('initdb', init);
  const port = await freePort();
  // Durability off unless asked for: a throwaway cluster; the contract checks semantics, not fsync.
  const fast = options.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
  const settings = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}${fast}`;
  const start = run('pg_ctl', ['start', '-D', data, '-l', log, '-w', '-t', '30', '-o', settings]);
  if (start.status !== 0) fail('pg_ctl start', start);
  started = true;

  const base = `postgres://postgres@127.0.0.1:${port}`;
  const admin = new pg.Pool({ connectionString: `${base}/postgres`, max: 2 });
  admin.on('error', () => {});
  let next = 0;
  return {
    server: {
      async createDatabase() {
        next += 1;
        const name = `mlsd_test_${process.pid}_${next}`;
        await admin.query(`create database ${name}`);
        return {
          url: `${base}/${name}`,
          drop: async () => {
            await admin.query(`drop database if exists ${name} with (force)`);
          },
        };
      },
      async stop() {
        await admin.end();
        stopSync();
        unwatch();
      },
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
