import { type CapacityFigures, measureCapacity } from '../apps/server/test/bench/capacity-load.ts';
import { fixed, loadNote } from '../apps/server/test/bench/stats.ts';
import { prepareLauncher } from '../apps/server/test/durability-server.ts';
import { startRedisTestServer } from '../packages/cluster/test/redis-test-server.ts';
import { startPgTestServer } from '../packages/db/test/pg-test-server.ts';

/**
 * Capacity (issue 15): how many offline solo sessions one instance holds with the reply p99
 * under 200 ms, and how many two instances on the same machine hold, as a ratio. The server
 * bundle in real processes with its default limits, browsers over real sockets each from its own
 * address behind a trusted proxy (capacity-load.ts). Each step starts fresh instances on a fresh
 * database; each session answers once per round at a random moment within the spread (one answer
 * every 5 s: far faster than a person, so a stress test, paced like bench/offline-answers).
 *
 * - SQLite, one instance: the single-process default, for reference.
 * - PostgreSQL + Redis, one instance, then two: the shared deployment. PostgreSQL with fsync and
 *   synchronous commit on (its defaults, as in production), on the same disk; every process
 *   (instances, PostgreSQL, Redis, the benchmark's browsers) shares the machine's cores.
 *
 * The ladder counts sessions in all (split evenly between the instances), the same for every
 * configuration, and its steps take the configurations in turn, so each comparison is made at
 * about the same load on the shared machine. A configuration stops climbing at its first step
 * over the goal; one more step then goes halfway between its last step under the goal and that one.
 */
const GOAL_P99_MS = 200;
/** Sessions in all; MLSD_BENCH_CAPACITY_LADDER=20,40 for a quick look. */
const LADDER = (process.env.MLSD_BENCH_CAPACITY_LADDER ?? '100,200,400,600,800,1000').split(',').map(Number);
const SPREAD_MS = Number(process.env.MLSD_BENCH_SPREAD_MS ?? 5_000);
const WARM_ROUNDS = 1;
const ROUNDS = Number(process.env.MLSD_BENCH_CAPACITY_ROUNDS ?? 3);

interface Config {
  name: string;
  instances: number;
  /** On PostgreSQL + Redis; false: SQLite. */
  shared: boolean;
  /** The most sessions (in all) measured under the goal. */
  best: number;
  /** The first step over the goal; null while it climbs (or when it never failed). */
  failedAt: number | null;
}

interface Row extends CapacityFigures {
  config: string;
  load: string;
}

export async function run(): Promise<{ rows: Row[]; one: number; two: number }> {
  const pg = await startPgTestServer({ durable: true });
  const redis = await startRedisTestServer();
  if (!('server' in pg) || !('server' in redis)) {
    if ('server' in pg) await pg.server.stop();
    if ('server' in redis) await redis.server.stop();
    console.log(`skipped: ${'skipped' in pg ? pg.skipped : ''} ${'skipped' in redis ? redis.skipped : ''}`);
    return { rows: [], one: 0, two: 0 };
  }
  const [postgres, cache] = [pg.server, redis.server];
  const launcher = await prepareLauncher('bundle');
  const rows: Row[] = [];
  console.log(
    `(${loadNote()} at the start; ${WARM_ROUNDS} warm-up round, then ${ROUNDS} measured, one answer per session per ${SPREAD_MS} ms)\n`,
  );
  console.log(
    '| configuration | instances | sessions | answers | reply p50 / p99 / max ms | CPU per answer ms | failed | load |',
  );
  console.log('|---|---|---|---|---|---|---|---|');

  /** Measures one configuration at `total` sessions; true when the reply p99 stayed under the goal. */
  async function step(config: Config, total: number): Promise<boolean> {
    const database = config.shared ? await postgres.createDatabase() : undefined;
    const flush = cache.connect();
    await flush.flushall();
    flush.disconnect();
    try {
      const figures = await measureCapacity({
        launcher,
        instances: config.instances,
        sessionsPerInstance: total / config.instances,
        env: database ? { DATABASE_URL: database.url, REDIS_URL: cache.url } : {},
        warmRounds: WARM_ROUNDS,
        rounds: ROUNDS,
        spreadMs: SPREAD_MS,
      });
      const row = { ...figures, config: config.name, load: loadNote() };
      rows.push(row);
      console.log(
        `| ${config.name} | ${config.instances} | ${figures.sessions} | ${figures.answers} | ` +
          `${fixed(figures.replyP50)} / ${fixed(figures.replyP99)} / ${fixed(figures.replyMax)} | ` +
          `${fixed(figures.cpuPerAnswerMs, 2)} | ${figures.failed} | ${row.load} |`,
      );
      const under = figures.failed === 0 && figures.replyP99 < GOAL_P99_MS;
      if (under) config.best = Math.max(config.best, total);
      return under;
    } finally {
      await database?.drop();
    }
  }

  const configs: Config[] = [
    { name: 'PostgreSQL + Redis', instances: 1, shared: true, best: 0, failedAt: null },
    { name: 'PostgreSQL + Redis', instances: 2, shared: true, best: 0, failedAt: null },
    { name: 'SQLite', instances: 1, shared: false, best: 0, failedAt: null },
  ];
  try {
    for (const total of LADDER) {
      for (const config of configs) {
        if (config.failedAt === null && !(await step(config, total))) config.failedAt = total;
      }
    }
    for (const config of configs) {
      if (config.failedAt === null) continue;
      const between = Math.round((config.best + config.failedAt) / 2 / 50) * 50;
      if (between > config.best && between < config.failedAt) await step(config, between);
    }
    const top = LADDER.at(-1) ?? 0;
    const most = (config: Config) =>
      config.failedAt === null ? `${config.best} or more (the top of the ladder)` : String(config.best);
    const [one, two, sqlite] = configs as [Config, Config, Config];
    console.log(
      `\nmost sessions with reply p99 under ${GOAL_P99_MS} ms (ladder ${LADDER.join('/')} in all):`,
    );
    console.log(`  PostgreSQL + Redis, one instance:    ${most(one)}`);
    console.log(`  PostgreSQL + Redis, two instances:   ${most(two)}`);
    console.log(`  SQLite, one instance (reference):    ${most(sqlite)}`);
    const ratio = one.best > 0 ? fixed(two.best / one.best, 2) : '-';
    const censored =
      one.failedAt === null || two.failedAt === null
        ? ` (only a bound: a configuration was still under the goal at ${top})`
        : '';
    console.log(`  two instances / one instance:        ${ratio}${censored}`);
    console.log(`(${loadNote()} at the end)`);
  } finally {
    launcher.dispose();
    await cache.stop();
    await postgres.stop();
  }
  const [one, two] = configs as [Config, Config];
  return { rows, one: one.best, two: two.best };
}
