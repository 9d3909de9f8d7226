import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireDataLock, DataDirLockedError, LOCK_FILE } from '../src/data-lock.ts';
import { freePort, type Launcher, prepareLauncher, ServerProcess } from './durability-server.ts';
import { writeFixtureRubrics } from './rubric-fixture.ts';

let dir: string;
let env: Record<string, string>;
let launcher: Launcher;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-data-lock-'));
  env = { MLSD_RUBRICS_DIR: writeFixtureRubrics(join(dir, 'rubrics')) };
  launcher = await prepareLauncher('tsx');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A pid that belonged to a process that has exited (and was reaped). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('one server per data directory', () => {
  it('a second server process on the same data directory refuses to start and names the holder', async () => {
    const dataDir = join(dir, 'two-servers');
    const first = ServerProcess.spawn(launcher, { dataDir, port: await freePort(), env });
    let second: ServerProcess | null = null;
    try {
      await first.ready();
      second = ServerProcess.spawn(launcher, { dataDir, port: await freePort(), env });
      // Bounded: a second server that starts anyway would be ready (and fail the test) long before.
      const exit = await Promise.race([second.exited, second.ready(30_000).then(() => 'started' as const)]);
      expect(exit).toEqual({ code: 1, signal: null });
      expect(second.stderr).toContain(`process ${first.child.pid}`);
      expect(second.stderr).toContain(join(dataDir, LOCK_FILE));
      // The refused start left the holder's lock alone.
      expect(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).toMatch(new RegExp(`^${first.child.pid}\n`));
      // The first server still serves.
      expect(first.running).toBe(true);
    } finally {
      await second?.kill9();
      await first.kill9();
    }
  }, 90_000);

  it('a server killed with -9 leaves a stale lock that the next start takes over; SIGTERM removes it', async () => {
    const dataDir = join(dir, 'stale');
    const crashed = ServerProcess.spawn(launcher, { dataDir, port: await freePort(), env });
    await crashed.ready();
    await crashed.kill9();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(true);
    const next = ServerProcess.spawn(launcher, { dataDir, port: await freePort(), env });
    try {
      await next.ready(30_000);
      expect(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).toMatch(new RegExp(`^${next.child.pid}\n`));
      expect(await next.terminate()).toEqual({ code: 0, signal: null });
      expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    } finally {
      await next.kill9();
    }
  }, 90_000);
});

describe('acquireDataLock', () => {
  it('refuses while held in this process, and is free again after release', () => {
    const dataDir = join(dir, 'in-process');
    mkdirSync(dataDir, { recursive: true });
    const lock = acquireDataLock(dataDir);
    expect(() => acquireDataLock(dataDir)).toThrow(DataDirLockedError);
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
    acquireDataLock(dataDir).release();
  });

  it('takes over a lock whose process is gone, but not one from another host', () => {
    const dataDir = join(dir, 'foreign');
    mkdirSync(dataDir, { recursive: true });
    const path = join(dataDir, LOCK_FILE);
    writeFileSync(path, `${deadPid()}\n${hostname()}\n2020-01-01T00:00:00.000Z\n`);
    const lock = acquireDataLock(dataDir);
    expect(readFileSync(path, 'utf8')).toMatch(new RegExp(`^${process.pid}\n`));
    lock.release();

    writeFileSync(path, `${deadPid()}\nsome-other-host\n2020-01-01T00:00:00.000Z\n`);
    expect(() => acquireDataLock(dataDir)).toThrow(/in use by process \d+ on some-other-host/);
    expect(existsSync(path)).toBe(true);
  });
});
