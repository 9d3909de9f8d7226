import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openAsyncDb } from '../src/index.ts';
import { newSession } from './room-fixtures.ts';

// The adapter's behaviour is held by the data and room contracts (db.contract.test.ts runs them on
// SQLite through asyncDb); here only what it adds: the choice by location, and sync throws as rejections.

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-async-db-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('opens a path as SQLite, names its file, and turns a throw into a rejection', async () => {
  const file = join(dir, 'mlsd.sqlite');
  const db = await openAsyncDb(file);
  try {
    expect(db.file).toBe(file);
    expect(await db.ping()).toBe(true);
    await db.sessions.create(newSession('s1'));
    const again = db.sessions.create(newSession('s1'));
    expect(again).toBeInstanceOf(Promise);
    await expect(again).rejects.toThrow(/UNIQUE/);
    expect((await db.sessions.get('s1'))?.id).toBe('s1');
  } finally {
    await db.close();
  }
  expect(await db.ping()).toBe(false);
});
