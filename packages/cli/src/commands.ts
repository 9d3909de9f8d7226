import type { CliIo } from './command-types.ts';

// Kept here too: the package index and the tests import the io type with `runCommand`.
export type { CliIo };

const USAGE = `usage: mlsd <command>

commands:
  rubrics check [DIR]     validate every rubric file (default DIR: ./rubrics)
  score FILE [--json]     score a transcript file
  eval interviewer        play scripted candidates through every case and check the interviewer
  play SCRIPT.json        play one candidate's messages through the offline interviewer, print the session
  prune [--days N] [--dry-run] [--data-dir DIR]
                          delete ended sessions older than N days (default MLSD_RETENTION_DAYS)
`;

/** Runs one CLI command and returns its exit code. Pure of process state, so tests call it directly. */
export async function runCommand(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  // Each command is imported when it runs, so `score` never loads what only the others use.
  if (command === 'rubrics' && rest[0] === 'check') {
    const { rubricsCheck } = await import('./rubrics-check.ts');
    return rubricsCheck(rest.slice(1), io);
  }
  if (command === 'score') {
    const { scoreCommand } = await import('./score.ts');
    return scoreCommand(rest, io);
  }
  if (command === 'eval' && rest[0] === 'interviewer') {
    const { evalInterviewerCommand } = await import('./eval-interviewer.ts');
    return evalInterviewerCommand(rest.slice(1), io);
  }
  if (command === 'play') {
    const { playCommand } = await import('./play.ts');
    return playCommand(rest, io);
  }
  if (command === 'prune') {
    const { pruneCommand } = await import('./prune.ts');
    return pruneCommand(rest, io);
  }
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  io.stderr.write(`mlsd: unknown command "${argv.join(' ')}"\n\n${USAGE}`);
  return 2;
}
