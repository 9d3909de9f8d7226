import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '@mlsd/db';
import { CreateSessionResponse } from '@mlsd/protocol';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { groupCommits } from '../src/group-commit/group-commits.ts';
import { REPO_ROOT } from './helpers.ts';

/**
 * Commits of one event-loop turn share one SQLite transaction: each caller still gets its own
 * result (or its own error), and what was resolved is on disk when the file is opened again.
 */
let dir: string;
let app: FastifyInstance;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-group-commits-'));
  app = await buildApp({ db: join(dir, 'mlsd.sqlite'), rubricsDir: join(REPO_ROOT, 'rubrics') });
  await app.ready();
});

afterEach(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

async function newSession(): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/sessions',
    payload: { caseId: 'ad-click-prediction', durationMinutes: 45 },
  });
  return CreateSessionResponse.parse(response.json()).id;
}

const answer = (clientId: string, text: string) => ({
  at: Date.now(),
  command: { clientId, type: 'answer' },
  events: [
    {
      type: 'turn' as const,
      turn: {
        role: 'candidate' as const,
        step: 'requirements' as const,
        kind: 'answer' as const,
        text,
        at: 1,
        clientId,
      },
    },
  ],
});

describe('group commits', () => {
  it('commits one turn of many sessions in one transaction, each with its own result', async () => {
    const ids = [await newSession(), await newSession(), await newSession()];
    const { store, stats } = groupCommits(app.store, app.db);
    const results = await Promise.allSettled([
      ...ids.map((id, index) => store.sessions.commit(id, answer(`c${index}`, `answer ${index}`))),
      // The same frame twice in one group: stored once, the second is a duplicate.
      store.sessions.commit(ids[0]!, answer('c0', 'answer 0')),
      // A session that does not exist fails alone; the rest of the group still commits.
      store.sessions.commit('no-such-session', answer('x', 'lost')),
    ]);
    expect(stats).toMatchObject({ groups: 1, commits: 5, largest: 5, walSyncs: 1 });
    expect(results.slice(0, 3).map((r) => r.status === 'fulfilled' && r.value.duplicate)).toEqual([
      false,
      false,
      false,
    ]);
    expect(results[3]).toMatchObject({ status: 'fulfilled', value: { duplicate: true, events: [] } });
    expect(results[4]?.status).toBe('rejected');

    // A second turn of the loop is a second group.
    await store.sessions.commit(ids[1]!, answer('c9', 'later'));
    expect(stats.groups).toBe(2);

    // On disk, read through a second connection to the same file.
    const reader = createDb(join(dir, 'mlsd.sqlite'));
    try {
      for (const [index, id] of ids.entries()) {
        const mine = reader.sessions.transcript(id).filter((turn) => turn.role === 'candidate');
        expect(mine.map((turn) => turn.text)).toEqual(
          index === 1 ? ['answer 1', 'later'] : [`answer ${index}`],
        );
      }
    } finally {
      reader.close();
    }
  });

  it('keeps a group open for its window, so commits of later turns share its transaction', async () => {
    const ids = [await newSession(), await newSession()];
    const { store, stats } = groupCommits(app.store, app.db, { windowMs: 50 });
    const first = store.sessions.commit(ids[0]!, answer('w0', 'first'));
    // A later turn of the event loop, inside the window.
    await new Promise((resolve) => setImmediate(resolve));
    const second = store.sessions.commit(ids[1]!, answer('w1', 'second'));
    await Promise.all([first, second]);
    expect(stats).toMatchObject({ groups: 1, commits: 2, largest: 2 });
  });

  it('syncs the log off the main thread after the commit, and leaves every other write on FULL', async () => {
    const ids = [await newSession(), await newSession()];
    const synced: string[] = [];
    let release: () => void = () => {};
    const { store, stats } = groupCommits(app.store, app.db, {
      // A slow disk: the first fsync waits until the test lets it go.
      syncLog: async (path) => {
        synced.push(path);
        if (synced.length === 1) await new Promise<void>((resolve) => (release = resolve));
      },
    });
    const order: string[] = [];
    const first = store.sessions.commit(ids[0]!, answer('s0', 'first')).then(() => order.push('first'));
    await new Promise((resolve) => setImmediate(resolve));
    // Committed (a second connection sees it) but not acknowledged while its fsync runs.
    const reader = createDb(join(dir, 'mlsd.sqlite'));
    try {
      expect(reader.sessions.transcript(ids[0]!).some((turn) => turn.text === 'first')).toBe(true);
    } finally {
      reader.close();
    }
    expect(order).toEqual([]);
    // Every other write commits with synchronous = FULL (2), as before.
    expect(app.db.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    // A second group commits meanwhile; it waits for an fsync that starts after it.
    const second = store.sessions.commit(ids[1]!, answer('s1', 'second')).then(() => order.push('second'));
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(synced).toHaveLength(1);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first', 'second']);
    expect(synced).toEqual([`${join(dir, 'mlsd.sqlite')}-wal`, `${join(dir, 'mlsd.sqlite')}-wal`]);
    expect(stats).toMatchObject({ groups: 2, walSyncs: 2 });
  });

  it('acknowledges nothing whose log could not be synced; the frame resent is a duplicate', async () => {
    const id = await newSession();
    let fail = true;
    const { store, stats } = groupCommits(app.store, app.db, {
      syncLog: async () => {
        if (fail) throw new Error('EIO: the disk failed');
      },
    });
    await expect(store.sessions.commit(id, answer('f0', 'on a failing disk'))).rejects.toThrow('EIO');
    fail = false;
    const resent = await store.sessions.commit(id, answer('f0', 'on a failing disk'));
    expect(resent.duplicate).toBe(true);
    // After a failed fsync the log is synced by SQLite's own COMMIT on the main thread.
    expect(stats.walSyncs).toBe(1);
    const stored = app.db.sessions.transcript(id).filter((turn) => turn.text === 'on a failing disk');
    expect(stored).toHaveLength(1);
  });

  it('fsyncs the real log file by default', async () => {
    const id = await newSession();
    const { store, stats } = groupCommits(app.store, app.db);
    await store.sessions.commit(id, answer('r0', 'to disk'));
    expect(stats.walSyncs).toBe(1);
    const noSync = groupCommits(app.store, app.db, { syncOffThread: false });
    await noSync.store.sessions.commit(id, answer('r1', 'on the main thread'));
    expect(noSync.stats).toMatchObject({ groups: 1, walSyncs: 0 });
  });
});
