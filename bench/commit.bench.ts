import { type CommitFigures, measureCommits } from '../apps/server/test/bench/commit-load.ts';
import { fixed, loadNote } from '../apps/server/test/bench/stats.ts';

/**
 * Per-turn commit cost as a share of turn time, on the real app with SQLite in WAL mode and
 * synchronous=FULL (an acknowledged answer survives power loss), prepared statements only.
 */
export async function run(): Promise<CommitFigures> {
  console.log(`(${loadNote()} at the start)\n`);
  const figures = await measureCommits(5, 60);
  console.log(
    '| turns | turn p50 ms | turn p99 ms | commit p50 ms | commit p99 ms | commit share of turn time | commits per turn | statements prepared during turns |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  console.log(
    `| ${figures.turns} | ${fixed(figures.turnP50)} | ${fixed(figures.turnP99)} | ${fixed(figures.commitP50, 2)} | ` +
      `${fixed(figures.commitP99, 2)} | ${fixed(figures.share * 100)}% | ${fixed(figures.commitsPerTurn, 1)} | ${figures.preparedDuringTurns} |`,
  );
  return figures;
}
