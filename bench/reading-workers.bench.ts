import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixed, loadNote, percentile } from '../apps/server/test/bench/stats.ts';
import { measureWorkerStarts } from '../apps/server/test/bench/worker-start.ts';
import { runDurability } from '../apps/server/test/durability-harness.ts';
import { prepareLauncher } from '../apps/server/test/durability-server.ts';
import { writeFixtureRubrics } from '../apps/server/test/rubric-fixture.ts';

/**
 * The reading workers' start (issue 16, docs/performance.md "Offline answers under load"): a
 * worker from the TypeScript sources against one from the build's bundle (median of 3), then the
 * kill -9 harness (50 kills, as in CI) on the server bundle with the reading in-process and in a
 * pool of one worker, same seed: how many frames get through while the server keeps restarting.
 */
const KILLS = Number(process.env.MLSD_DURABILITY_KILLS ?? 50);

export async function run() {
  console.log('worker start, from the thread to its first reading and to every case ready (median of 3):\n');
  console.log(
    '| worker code | first reading ms | first case ready ms | every matcher ms | every case (fact indexes too) ms | CPU ms | cases from the build | load |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const row of await measureWorkerStarts(3)) {
    console.log(
      `| ${row.code} | ${fixed(row.firstReadingMs, 0)} | ${fixed(row.firstCaseMs, 0)} | ${fixed(row.matchersMs, 0)} | ` +
        `${fixed(row.allCasesMs, 0)} | ${fixed(row.cpuMs, 0)} | ${row.fromBuild} / ${row.cases} | ${row.load} |`,
    );
  }

  console.log(`\nkill -9 harness, ${KILLS} kills, server bundle, fixture rubrics:\n`);
  console.log(
    '| reading | frames acknowledged / sent | duplicate acks | reconnects | violations | integrity_check | start-up p50 ms | wall s | load |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  const dir = mkdtempSync(join(tmpdir(), 'mlsd-reading-workers-bench-'));
  const launcher = await prepareLauncher('bundle');
  try {
    const rubricsDir = writeFixtureRubrics(join(dir, 'rubrics'));
    for (const workers of [0, 1]) {
      const load = loadNote();
      const result = await runDurability({
        launcher,
        kills: KILLS,
        sessions: 4,
        upMs: [200, 1200],
        startupKillShare: 0.15,
        env: { MLSD_RUBRICS_DIR: rubricsDir, MLSD_READ_WORKERS: String(workers) },
        seed: 20_260_105,
      });
      console.log(
        `| ${workers === 0 ? 'main thread' : `pool of ${workers}`} | ${result.acknowledged} / ${result.sent} | ${result.duplicateAcks} | ` +
          `${result.reconnects} | ${result.violations.length} | ${result.integrity} | ${fixed(percentile(result.startupMs, 50), 0)} | ` +
          `${fixed(result.wallMs / 1000, 0)} | ${load} |`,
      );
      for (const violation of result.violations.slice(0, 10)) console.log(`  violation: ${violation}`);
    }
  } finally {
    launcher.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}
