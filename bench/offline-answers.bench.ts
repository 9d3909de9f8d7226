import { measureOfflineAnswers, type OfflineFigures } from '../apps/server/test/bench/offline-load.ts';
import { fixed, loadNote } from '../apps/server/test/bench/stats.ts';

/**
 * Offline answers under load (issue 16): the real app with the offline interviewer and SQLite
 * (WAL; synchronous=FULL, or NORMAL with the log fsynced off the main thread), N sessions over
 * real sockets; in each round every session sends one answer at a random moment within the
 * spread and waits for the reply. Short transcripts at 100/300/500 sessions, then 150 sessions
 * each holding a full interview (55 unmeasured answers first, then 5 measured: 60). Each load runs
 * with the reading on the main thread or in a pool of worker threads, and each commit alone or
 * grouped per event-loop turn.
 * Goals: reply p99 <= 200 ms at 500 sessions with event-loop delay p99 <= 20 ms; reply p99
 * <= 200 ms at 150 full-length sessions.
 */
const SPREAD_MS = Number(process.env.MLSD_BENCH_SPREAD_MS ?? 5_000);
const LOADS = [
  { sessions: 100, warmRounds: 1, rounds: 4 },
  { sessions: 300, warmRounds: 1, rounds: 4 },
  { sessions: 500, warmRounds: 1, rounds: 4 },
  { sessions: 150, warmRounds: 55, rounds: 5 },
];
/**
 * Before issue 16's parts 2 and 3 (main thread, one commit each), then grouped commits whose fsync
 * runs in the COMMIT on the main thread or off it (the default), with the reading on the main
 * thread or in a pool of one.
 */
const CONFIGS = [
  { readWorkers: 0, groupCommits: false },
  { readWorkers: 0, groupCommits: true, syncOffThread: false },
  { readWorkers: 0, groupCommits: true, syncOffThread: true },
  { readWorkers: 1, groupCommits: true, syncOffThread: false },
  { readWorkers: 1, groupCommits: true, syncOffThread: true },
];

function row(figures: OfflineFigures, transcript: string): string {
  const reading =
    figures.readWorkers === 0
      ? 'main thread'
      : figures.readWorkers === 'auto'
        ? 'auto (on demand)'
        : `pool of ${figures.readWorkers}`;
  const commits = figures.groupCommits
    ? `grouped (${fixed(figures.commitsPerGroup, 1)} per group), fsync ${figures.syncOffThread ? 'off the main thread' : 'in the COMMIT'}`
    : 'one each';
  return (
    `| ${figures.sessions} | ${transcript} | ${reading} | ${commits} | ${figures.answers} | ` +
    `${fixed(figures.replyP50)} / ${fixed(figures.replyP99)} / ${fixed(figures.replyMax)} | ${fixed(figures.cpuPerAnswerMs, 2)} | ` +
    `${fixed(figures.delayP99Ms)} / ${fixed(figures.delayMaxMs)} | ${fixed(figures.mainBusy * 100, 0)}% | ${figures.failed} |`
  );
}

export async function run(): Promise<OfflineFigures[]> {
  console.log(`each session answers once per round at a random moment within ${SPREAD_MS} ms\n`);
  console.log(
    '| sessions | transcript | reading | commits | answers | reply p50 / p99 / max ms | CPU per answer ms | event-loop delay p99 / max ms | main thread busy | failed |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  console.log(`(${loadNote()} at the start)\n`);
  const all: OfflineFigures[] = [];
  for (const load of LOADS) {
    const transcript = load.warmRounds > 1 ? `full (${load.warmRounds + load.rounds} answers)` : 'short';
    for (const config of CONFIGS) {
      const figures = await measureOfflineAnswers({ ...load, ...config, spreadMs: SPREAD_MS });
      console.log(`${row(figures, transcript)} <!-- ${loadNote()} -->`);
      all.push(figures);
    }
  }
  return all;
}
