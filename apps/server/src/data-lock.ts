import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * One server per data directory. Two processes on one SQLite file each keep their own live rooms
 * in memory (timers, sequence numbers, the engine state they last wrote) and overwrite each
 * other's sessions, so a second process must refuse to start rather than "mostly work".
 *
 * The lock is a file created with O_EXCL holding the owner's pid. A process killed with -9 leaves
 * it behind; the next start sees that pid is gone and takes the lock over.
 */
export const LOCK_FILE = 'mlsd.lock';

/** How long a takeover may be in progress before another start treats it as abandoned. */
const TAKEOVER_STALE_MS = 10_000;

export interface DataLock {
  readonly path: string;
  /** Removes the lock file if it is still ours. Safe to call more than once. */
  release(): void;
}

interface Holder {
  pid: number;
  host: string;
  startedAt: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly path: string,
    readonly holder: Holder | null,
  ) {
    const who = holder
      ? `process ${holder.pid} on ${holder.host} (started ${holder.startedAt})`
      : 'another process (the lock file is unreadable)';
    super(
      `the data directory is in use by ${who}: ${path} exists.\n` +
        "Two servers on one data directory would overwrite each other's sessions. Stop the other " +
        'server, or set MLSD_DATA_DIR to another directory. If no mlsd-mock server is running, ' +
        'delete the lock file.',
    );
    this.name = 'DataDirLockedError';
  }
}

/** Whether `pid` is a live process on this machine. EPERM means it exists but is not ours. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): Holder | null {
  try {
    const [pid, host, startedAt] = readFileSync(path, 'utf8').split('\n');
    const parsed = Number(pid);
    if (!Number.isInteger(parsed) || parsed <= 0) return null;
    return { pid: parsed, host: host ?? '', startedAt: startedAt ?? '' };
  } catch {
    return null;
  }
}

/** Creates `path` only if it does not exist; false when it does. */
function createExclusive(path: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

function removeIfExists(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * A lock left by a dead process. Same host only: a pid from another machine (a shared volume)
 * cannot be checked, so it is never taken over automatically. Our own pid in the file is a
 * container restarted with the same pid (often 1): that earlier life is over.
 */
function isStale(holder: Holder | null, lockPath: string): boolean {
  if (holder === null) {
    // Empty or half-written: a start that crashed between create and write. Give a live start a
    // moment to finish writing before calling it abandoned.
    return Date.now() - statSafe(lockPath) > TAKEOVER_STALE_MS;
  }
  if (holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return !heldHere.has(lockPath);
  return !processAlive(holder.pid);
}

/** Locks this process holds: our own pid in a lock file is stale only when we do not hold it. */
const heldHere = new Set<string>();

/**
 * Takes the data directory's lock or throws `DataDirLockedError` naming the holder. A stale lock
 * is replaced under a second, short-lived lock file, so two starts that both saw the same stale
 * pid cannot both win: the one that takes over re-reads the lock first.
 */
export function acquireDataLock(dataDir: string): DataLock {
  const path = join(dataDir, LOCK_FILE);
  const takeover = `${path}.takeover`;
  const content = `${process.pid}\n${hostname()}\n${new Date().toISOString()}\n`;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (createExclusive(path, content)) return ownLock(path, content);
    const holder = readHolder(path);
    if (!isStale(holder, path)) throw new DataDirLockedError(path, holder);
    if (!createExclusive(takeover, content)) {
      // Someone else is taking over; an abandoned takeover (a crash mid-way) expires.
      const age = Date.now() - statSafe(takeover);
      if (age > TAKEOVER_STALE_MS) removeIfExists(takeover);
      else pause(50);
      continue;
    }
    try {
      const again = readHolder(path);
      // Still the same stale holder: nobody took it over between our read and our takeover lock.
      if (sameHolder(again, holder) && isStale(again, path)) removeIfExists(path);
    } finally {
      removeIfExists(takeover);
    }
  }
  throw new DataDirLockedError(path, readHolder(path));
}

/** Start-up is synchronous here; a short blocking wait lets another start finish its takeover. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The file's mtime; a file that vanished counts as old, so the next attempt simply creates it. */
function statSafe(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function sameHolder(a: Holder | null, b: Holder | null): boolean {
  return a?.pid === b?.pid && a?.host === b?.host && a?.startedAt === b?.startedAt;
}

function ownLock(path: string, content: string): DataLock {
  heldHere.add(path);
  let released = false;
  return {
    path,
    release() {
      if (released) return;
      released = true;
      heldHere.delete(path);
      // Only our own file: never remove a lock another process took over after us.
      try {
        if (readFileSync(path, 'utf8') === content) unlinkSync(path);
      } catch {
        // Already gone.
      }
    },
  };
}
