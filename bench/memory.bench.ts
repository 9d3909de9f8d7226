import { measureMemory } from '../apps/server/test/bench/memory-load.ts';
import { fixed, loadNote } from '../apps/server/test/bench/stats.ts';

/**
 * Memory per idle connected session: the real server (real rubrics, SQLite, offline interviewer)
 * in its own process; N sessions created (opening stored, engine state and transcript in memory),
 * then one socket per session says hello and stays idle. RSS and V8 heap after forced GC.
 * Goal: <= 32 KiB RSS per idle connected session.
 */
export async function run() {
  console.log(
    '| sessions | session RSS KiB | session heap KiB | socket RSS KiB | socket heap KiB | RSS per idle connected session KiB | baseline RSS MiB |',
  );
  console.log('|---|---|---|---|---|---|---|');
  console.log(`(${loadNote()} at the start)\n`);
  const results = [];
  for (const count of [1_000, 2_000]) {
    const figures = await measureMemory(count);
    results.push(figures);
    console.log(
      `| ${count} | ${fixed(figures.rssPerSessionKiB)} | ${fixed(figures.heapPerSessionKiB)} | ${fixed(figures.rssPerSocketKiB)} | ` +
        `${fixed(figures.heapPerSocketKiB)} | ${fixed(figures.rssPerConnectedKiB)} | ${fixed(figures.baselineRssMiB, 0)} |`,
    );
  }
  return results;
}
