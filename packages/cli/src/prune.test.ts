import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, DAY_MS, openAsyncDb } from '@mlsd/db';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCaptured } from './run-captured.ts';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-prune-'));
  const db = createDb(join(dir, 'mlsd.sqlite'));
  const now = Date.now();
  for (const [id, endedDaysAgo] of [
    ['ended-long-ago', 40],
    ['ended-yesterday', 1],
    ['still-running', null],
  ] as const) {
    db.sessions.create({
      id,
      tokenHash: 'h',
      caseId: 'c',
      caseTitle: `Case ${id}`,
      durationMinutes: 45,
      interviewer: 'offline',
      seed: 1,
      engineState: {},
      createdAt: now - 50 * DAY_MS,
    });
    db.sessions.commit(id, {
      at: now - 50 * DAY_MS,
      events: [
        {
          type: 'turn',
          turn: { role: 'interviewer', step: 'requirements', kind: 'opening', text: 'hi', at: 1 },
        },
      ],
    });
    if (endedDaysAgo !== null) {
      const at = now - endedDaysAgo * DAY_MS;
      db.sessions.commit(id, { at, ended: { at, reason: 'completed' } });
    }
  }
  db.close();
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = (argv: string[], env: Record<string, string> = {}) => runCaptured(argv, dir, env);

function ids(): string[] {
  const db = createDb(join(dir, 'mlsd.sqlite'));
  try {
    return db.sessions
      .list()
      .map((session) => session.id)
      .sort();
  } finally {
    db.close();
  }
}

describe('mlsd prune', () => {
  it('--dry-run says what would go and deletes nothing; then prune deletes only old ended sessions', async () => {
    const dry = await run(['prune', '--days', '30', '--dry-run', '--data-dir', '.']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(
      /^would remove 1 ended session \(1 turns, 1 events, 0 reports, 0 watch links, 0 report links\)\n {2}ended-long-ago {2}Case ended-long-ago {2}ended \d{4}-\d\d-\d\d\n\(dry run/,
    );
    expect(ids()).toEqual(['ended-long-ago', 'ended-yesterday', 'still-running']);

    const done = await run(['prune', '--days=30'], { MLSD_DATA_DIR: dir });
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/^removed 1 ended session .*\n {2}ended-long-ago /);
    expect(ids()).toEqual(['ended-yesterday', 'still-running']);
  });

  it('takes the days from MLSD_RETENTION_DAYS, and refuses without any', async () => {
    const fromEnv = await run(['prune'], { MLSD_DATA_DIR: dir, MLSD_RETENTION_DAYS: '0' });
    expect(fromEnv.code).toBe(2);
    expect(fromEnv.stderr).toContain('--days N, or set MLSD_RETENTION_DAYS');
    const bad = await run(['prune', '--days', 'soon'], { MLSD_DATA_DIR: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--days: a whole number of days');
    const ok = await run(['prune'], { MLSD_DATA_DIR: dir, MLSD_RETENTION_DAYS: '7' });
    expect(ok.stdout).toMatch(/^removed 1 ended session/);
    expect(ids()).toEqual(['ended-yesterday', 'still-running']);
  });

  it('does not create a database where there is none', async () => {
    const missing = await run(['prune', '--days', '1', '--data-dir', join(dir, 'nope')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no database at');
  });
});

describe('mlsd prune on PostgreSQL (DATABASE_URL)', async () => {
  const { startPgTestServer } = await import('../../db/test/pg-test-server.ts');
  const pg = await startPgTestServer();
  const server = 'server' in pg ? pg.server : null;
  afterAll(async () => server?.stop());

  it.skipIf(server === null)('prunes the server database the URL names', async () => {
    const database = await server!.createDatabase();
    const db = await openAsyncDb(database.url);
    const now = Date.now();
    try {
      for (const [id, endedDaysAgo] of [
        ['pg-old', 40],
        ['pg-new', 1],
      ] as const) {
        await db.sessions.create({
          id,
          tokenHash: 'h',
          caseId: 'c',
          caseTitle: `Case ${id}`,
          durationMinutes: 45,
          interviewer: 'offline',
          seed: 1,
          engineState: {},
          createdAt: now - 50 * DAY_MS,
        });
        const at = now - endedDaysAgo * DAY_MS;
        await db.sessions.commit(id, { at, ended: { at, reason: 'completed' } });
      }
      const done = await run(['prune', '--days', '30'], { DATABASE_URL: database.url });
      expect(done.stderr).toBe('');
      expect(done.code).toBe(0);
      expect(done.stdout).toMatch(/^removed 1 ended session .*\n {2}pg-old /);
      expect(await db.sessions.get('pg-old')).toBeUndefined();
      expect(await db.sessions.get('pg-new')).toBeDefined();
    } finally {
      await db.close();
      await database.drop();
    }
  });
});
