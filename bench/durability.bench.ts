import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureStartupParts, measureStartups } from '../apps/server/test/bench/startup.ts';
import { fixed, loadNote, percentile } from '../apps/server/test/bench/stats.ts';
import { runDurability } from '../apps/server/test/durability-harness.ts';
import { prepareLauncher } from '../apps/server/test/durability-server.ts';
import { writeFixtureRubrics } from '../apps/server/test/rubric-fixture.ts';

/**
 * Start-up cost of the real server, and the crash harness at bench scale: 200 kill -9 at random
 * moments (15% of them during start-up) under four scripted sessions, then an integrity check and
 * an exactly-once check of every acknowledged frame. CI runs the same harness with 50 kills.
 */
export async function run() {
  console.log(`(${loadNote()} at the start)\n`);
  console.log('start-up, spawn to listening (median of 3):\n');
  console.log('| launch | rubrics | median ms | min ms |');
  console.log('|---|---|---|---|');
  for (const row of await measureStartups(3)) {
    console.log(`| ${row.mode} | ${row.rubrics} | ${fixed(row.medianMs, 0)} | ${fixed(row.minMs, 0)} |`);
  }
  const parts = measureStartupParts();
  console.log(
    `\nin one cold process (ms): import @mlsd/rubric (wink model) ${parts.importRubric}, YAML + schema of 16 files ${parts.yamlAndSchema}, ` +
      `loadRubrics with lint ${parts.loadRubrics}, lint alone again ${parts.lintAgain}, cached load miss ${parts.cachedMiss} / hit ${parts.cachedHit}, ` +
      `import the app ${parts.importApp}, buildApp + ready ${parts.buildApp}\n`,
  );

  console.log(`(${loadNote()} at the start)\n`);
  const dir = mkdtempSync(join(tmpdir(), 'mlsd-durability-bench-'));
  const launcher = await prepareLauncher('bundle');
  try {
    const result = await runDurability({
      launcher,
      kills: 200,
      sessions: 4,
      upMs: [200, 1200],
      startupKillShare: 0.15,
      env: { MLSD_RUBRICS_DIR: writeFixtureRubrics(join(dir, 'rubrics')) },
      seed: 20_260_106,
    });
    console.log(
      '| kills | during start-up | frames acknowledged / sent | duplicate acks | reconnects | events replayed | violations | integrity_check | start-up p50 ms | wall s |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|---|');
    console.log(
      `| ${result.kills} | ${result.startupKills} | ${result.acknowledged} / ${result.sent} | ${result.duplicateAcks} | ${result.reconnects} | ` +
        `${result.replayedEvents} | ${result.violations.length} | ${result.integrity} | ${fixed(percentile(result.startupMs, 50), 0)} | ${fixed(result.wallMs / 1000, 0)} |`,
    );
    for (const violation of result.violations.slice(0, 10)) console.log(`  violation: ${violation}`);
    return result;
  } finally {
    launcher.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}
