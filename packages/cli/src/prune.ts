import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { type AsyncDb, DAY_MS, describePrune, openAsyncDb, parseRetentionDays } from '@mlsd/db';
import type { CliIo } from './command-types.ts';

export const PRUNE_USAGE = `usage: mlsd prune [--days N] [--dry-run] [--data-dir DIR]

Deletes ended sessions that ended more than N days ago, with their turns, events and reports,
and prints what it removed. Running sessions are never touched.
  --days N         default: MLSD_RETENTION_DAYS (required when that is unset)
  --dry-run        print what would go; delete nothing
  --data-dir DIR   default: MLSD_DATA_DIR, else ./data (the server's mlsd.sqlite)
With DATABASE_URL set (and no --data-dir), the server's PostgreSQL database is pruned instead.
`;

interface PruneArgs {
  days: string | undefined;
  dryRun: boolean;
  dataDir: string | undefined;
}

function parseArgs(argv: string[]): PruneArgs | string {
  const args: PruneArgs = { days: undefined, dryRun: false, dataDir: undefined };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.includes('=') ? arg.split(/=(.*)/s) : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--dry-run') args.dryRun = true;
    else if (flag === '--days') args.days = value();
    else if (flag === '--data-dir') args.dataDir = value();
    else return `unknown argument "${arg}"`;
  }
  return args;
}

/** `mlsd prune`: the retention of `MLSD_RETENTION_DAYS`, run by hand. Safe while the server runs. */
export async function pruneCommand(argv: string[], io: CliIo, now: () => number = Date.now): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.stderr.write(`mlsd prune: ${args}\n\n${PRUNE_USAGE}`);
    return 2;
  }
  let days: number | null;
  try {
    days =
      args.days !== undefined
        ? parseRetentionDays(args.days, '--days')
        : parseRetentionDays(io.env?.MLSD_RETENTION_DAYS, 'MLSD_RETENTION_DAYS');
  } catch (error) {
    io.stderr.write(`mlsd prune: ${(error as Error).message}\n`);
    return 2;
  }
  if (days === null) {
    io.stderr.write(
      `mlsd prune: say how old an ended session must be: --days N, or set MLSD_RETENTION_DAYS\n\n${PRUNE_USAGE}`,
    );
    return 2;
  }
  // The server's own database: PostgreSQL when it runs on DATABASE_URL, else its SQLite file.
  const url = args.dataDir === undefined ? io.env?.DATABASE_URL?.trim() : undefined;
  let location: string;
  if (url) location = url;
  else {
    const dirArg = args.dataDir ?? io.env?.MLSD_DATA_DIR ?? './data';
    location = join(isAbsolute(dirArg) ? dirArg : resolve(io.cwd, dirArg), 'mlsd.sqlite');
    // Never create an empty database by pruning a directory that has none (a mistyped path).
    if (!existsSync(location)) {
      io.stderr.write(`mlsd prune: no database at ${location}; pass --data-dir or set MLSD_DATA_DIR\n`);
      return 1;
    }
  }
  let db: AsyncDb;
  try {
    db = await openAsyncDb(location);
  } catch (error) {
    io.stderr.write(`mlsd prune: cannot open the database: ${(error as Error).message}\n`);
    return 1;
  }
  try {
    const result = await db.prune({ endedBefore: now() - days * DAY_MS, dryRun: args.dryRun });
    io.stdout.write(`${describePrune(result)}\n`);
    if (result.dryRun) io.stdout.write('(dry run: nothing was deleted)\n');
    return 0;
  } finally {
    await db.close();
  }
}
