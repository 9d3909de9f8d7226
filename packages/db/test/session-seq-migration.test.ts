import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createDb, MIGRATIONS_DIR } from '../src/index.ts';

// Migration 0005 gave sessions an explicit `seq` (PostgreSQL has no rowid). History cursors
// handed out before it were "<created_at>.<rowid>": they must still name the same place.

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-seq-migration-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A database file as migrations 0000-0004 left it, from a copy of the folder without the later ones. */
function databaseBeforeSeq(file: string): Database.Database {
  const folder = join(dir, 'migrations');
  cpSync(MIGRATIONS_DIR, folder, { recursive: true });
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const end = journal.entries.findIndex((entry) => entry.tag === '0005_session_seq');
  expect(end).toBeGreaterThan(0);
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, end) }));
  const sqlite = new Database(file);
  migrate(drizzle(sqlite), { migrationsFolder: folder });
  return sqlite;
}

it('keeps cursors handed out before migration 0005 naming the same place', () => {
  const file = join(dir, 'old.sqlite');
  const old = databaseBeforeSeq(file);
  const insert = old.prepare(
    `insert into sessions (id, token_hash, case_id, case_title, duration_minutes, interviewer, seed, engine_state, created_at, owner_hash)
     values (?, 'h', 'c', 'Case', 45, 'offline', 1, '{}', ?, 'me')`,
  );
  // Gaps in the rowids (a deleted row), and ties in creation time.
  const ids = ['a', 'b', 'gone', 'c', 'd', 'e'];
  for (const [i, id] of ids.entries()) insert.run(id, 1_000 + Math.floor(i / 2));
  old.prepare(`delete from sessions where id = 'gone'`).run();
  const rowid = (id: string) =>
    old.prepare('select rowid as r, created_at as at from sessions where id = ?').get(id) as {
      r: number;
      at: number;
    };
  const cursor = (id: string) => `${rowid(id).at}.${rowid(id).r}`;
  const oldCursors = { d: cursor('d'), b: cursor('b') };
  old.close();

  const db = createDb(file);
  try {
    // What a page after each old cursor held before the migration: the sessions older than it.
    expect(
      db.sessions.page({ ownerHash: 'me', limit: 10, before: oldCursors.d }).items.map((s) => s.id),
    ).toEqual(['c', 'b', 'a']);
    expect(
      db.sessions.page({ ownerHash: 'me', limit: 10, before: oldCursors.b }).items.map((s) => s.id),
    ).toEqual(['a']);
    // New sessions number on after the migrated ones.
    db.sessions.create({
      id: 'f',
      tokenHash: 'h',
      caseId: 'c',
      caseTitle: 'Case',
      durationMinutes: 45,
      interviewer: 'offline',
      seed: 1,
      engineState: {},
      createdAt: 1_002,
      ownerHash: 'me',
    });
    const all = db.sessions.page({ ownerHash: 'me', limit: 10 }).items.map((s) => s.id);
    expect(all).toEqual(['f', 'e', 'd', 'c', 'b', 'a']);
    const page = db.sessions.page({ ownerHash: 'me', limit: 1 });
    expect(page.next).toBe(`1002.${ids.length + 1}`);
  } finally {
    db.close();
  }
});
