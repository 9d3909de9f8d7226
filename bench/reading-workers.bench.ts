import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureOfflineAnswers } from '../apps/server/test/bench/offline-load.ts';
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
 * Last, 500 short sessions (the offline-answers bench's pace) with the default `auto`, next to the
 * main thread and a pool of one started with the app.
 */
const KILLS = Number(process.env.MLSD_DURABILITY_KILLS ?? 50);
/** `auto` twice: its worker warm-up inside the measured rounds, and over before the first answer. */
const ON_DEMAND_RUNS = [
  { readWorkers: 'auto', warmBeforeAnswers: false },
  { readWorkers: 'auto', warmBeforeAnswers: true },
  { readWorkers: 0, warmBeforeAnswers: false },
  { readWorkers: 1, warmBeforeAnswers: false },
] as const;

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
  await onDemandFigures();
}

/**
 * 500 sessions, each answering once per round at a random moment within 5 s (one warm-up round,
 * four measured), grouped commits. With `auto` the worker starts while the sessions are created
 * (at the 50th) and the main thread reads until it is warm: with all 500 answering at once, the
 * warm-up and every session's move to the worker fall inside the measured rounds; waiting for the
 * warm-up first is the same server when its sessions arrive over a few seconds.
 */
export async function onDemandFigures(): Promise<void> {
  console.log('\n500 short sessions, MLSD_READ_WORKERS=auto (the default) against 0 and 1:\n');
  console.log(
    '| MLSD_READ_WORKERS | sessions start answering | answers | reply p50 / p99 / max ms | CPU per answer ms | event-loop delay p99 / max ms | main thread busy | read in a worker | failed | load |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const { readWorkers, warmBeforeAnswers } of ON_DEMAND_RUNS) {
    const figures = await measureOfflineAnswers({
      sessions: 500,
      warmRounds: 1,
      rounds: 4,
      spreadMs: 5_000,
      readWorkers,
      groupCommits: true,
      warmBeforeAnswers,
    });
    const when = warmBeforeAnswers ? 'once the worker is warm' : 'at once';
    console.log(
      `| ${readWorkers} | ${when} | ${figures.answers} | ${fixed(figures.replyP50)} / ${fixed(figures.replyP99)} / ${fixed(figures.replyMax)} | ` +
        `${fixed(figures.cpuPerAnswerMs, 2)} | ${fixed(figures.delayP99Ms)} / ${fixed(figures.delayMaxMs)} | ` +
        `${fixed(figures.mainBusy * 100, 0)}% | ${figures.pooledTasks} | ${figures.failed} | ${loadNote()} |`,
    );
  }
}
