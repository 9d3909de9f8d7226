import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '@mlsd/protocol';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  createDb,
  createPgDb,
  openAsyncDb,
  PG_MIGRATIONS_DIR,
  type PgDb,
  prunePgEndedSessions,
  type SessionChange,
} from '../src/index.ts';
import { startPgTestServer } from './pg-test-server.ts';
import { newPeerRoom, newSession } from './room-fixtures.ts';
import { asked, command, said, warned } from './room-store-drafts.ts';

// PostgreSQL beyond the shared contract: commits racing from two instances (the contract's two
// stores take turns), migrations started by several instances at once, and the session methods
// the server uses besides the contract, held to what SessionStore does on SQLite.

const pg = await startPgTestServer();
const server = 'server' in pg ? pg.server : undefined;
if (server) afterAll(() => server.stop());
const describePg = server ? describe : describe.skip;

describePg(`PostgreSQL stores${server ? '' : ` (skipped: ${'skipped' in pg ? pg.skipped : ''})`}`, () => {
  let cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step();
    cleanup = [];
  });
  /** A new database and `count` instances connected to it. */
  const instances = async (count: number): Promise<PgDb[]> => {
    const database = await server!.createDatabase();
    cleanup.push(database.drop);
    const dbs = await Promise.all(Array.from({ length: count }, () => createPgDb(database.url)));
    for (const db of dbs) cleanup.push(() => db.close());
    return dbs;
  };

  it('numbers without gaps or repeats when two instances commit to one room at the same moment', async () => {
    const [a, b] = (await instances(2)) as [PgDb, PgDb];
    await a.sessions.create(newSession('s1'));
    await a.peers.create(newPeerRoom('p1'));
    await a.peers.commit('p1', { at: 1, started: { at: 1 } });
    const n = 30;
    const race = (store: 'sessions' | 'peers', room: string) =>
      Promise.all(
        Array.from({ length: n }, (_, i) => {
          const events = i % 4 === 0 ? [said(`m${i}`, `c${i}`), warned] : [said(`m${i}`, `c${i}`)];
          return (i % 2 === 0 ? a : b)[store].commit(room, { at: 100, command: command(`c${i}`), events });
        }),
      );
    for (const [store, room] of [
      ['sessions', 's1'],
      ['peers', 'p1'],
    ] as const) {
      const results = await race(store, room);
      expect(results.every((result) => !result.duplicate)).toBe(true);
      const stored = await a[store].eventsAfter(room, 0);
      expect(stored.map((event) => event.seq)).toEqual(
        Array.from({ length: stored.length }, (_, i) => i + 1),
      );
      expect(stored).toHaveLength(n + Math.ceil(n / 4));
      // What each commit returned is what was stored under those numbers.
      const returned = results.flatMap((result) => result.events).sort((x, y) => x.seq - y.seq);
      expect(returned).toEqual(stored);
      const transcript = await b[store].transcript(room);
      expect(transcript.map((turn) => turn.id)).toEqual(Array.from({ length: n }, (_, i) => String(i)));
      expect(transcript).toEqual(stored.flatMap((event) => (event.type === 'turn' ? [event.turn] : [])));
    }
  });

  it('applies a client id once when two instances commit it at the same moment', async () => {
    const [a, b] = (await instances(2)) as [PgDb, PgDb];
    await a.sessions.create(newSession('s1'));
    const change: SessionChange = { at: 100, command: command('c1'), events: [said('once', 'c1')] };
    const results = await Promise.all([a, b, a, b].map((db) => db.sessions.commit('s1', change)));
    expect(results.filter((result) => !result.duplicate)).toHaveLength(1);
    expect(await b.sessions.transcript('s1')).toMatchObject([{ id: '0', text: 'once' }]);
  });

  it('migrates once when several instances start at the same moment, and closes cleanly', async () => {
    const dbs = await instances(3);
    for (const db of dbs) expect(await db.ping()).toBe(true);
    const { rows } = await dbs[0]!.pool.query('select count(*)::int as n from drizzle.__drizzle_migrations');
    const journal = JSON.parse(readFileSync(join(PG_MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8'));
    expect(rows[0].n).toBe(journal.entries.length);
    await dbs[0]!.close();
    await dbs[0]!.close();
    expect(await dbs[0]!.ping()).toBe(false);
  });

  it('is what openAsyncDb opens for a postgres:// URL', async () => {
    const database = await server!.createDatabase();
    cleanup.push(database.drop);
    const db = await openAsyncDb(database.url);
    cleanup.push(() => db.close());
    expect([db.file, await db.ping()]).toEqual([null, true]);
    await db.sessions.create(newSession('s1'));
    expect((await db.sessions.list()).map((session) => session.id)).toEqual(['s1']);
  });

  it('pages every session once when instances create them at the same moment, in one millisecond', async () => {
    const [a, b] = (await instances(2)) as [PgDb, PgDb];
    const ids = Array.from({ length: 20 }, (_, i) => `s${i}`);
    await Promise.all(
      ids.map((id, i) =>
        (i % 2 === 0 ? a : b).sessions.create({ ...newSession(id, 5_000), ownerHash: 'me' }),
      ),
    );
    const seen: string[] = [];
    let before: string | null = null;
    do {
      const page = await (seen.length % 2 === 0 ? a : b).sessions.page({ ownerHash: 'me', limit: 3, before });
      seen.push(...page.items.map((item) => item.id));
      before = page.next;
    } while (before);
    expect(seen.sort()).toEqual([...ids].sort());
  });

  it('prunes a session while another instance commits to it: every turn stored is counted, the rest refused', async () => {
    const [a, b] = (await instances(2)) as [PgDb, PgDb];
    await a.sessions.create(newSession('old'));
    await a.sessions.commit('old', {
      at: 2,
      events: [said('first', 'c0')],
      ended: { at: 2, reason: 'completed' },
    });
    const commits = Array.from({ length: 12 }, (_, i) =>
      b.sessions.commit('old', {
        at: 3,
        command: command(`c${i + 1}`),
        events: [said(`m${i}`, `c${i + 1}`)],
      }),
    );
    const [result, ...settled] = await Promise.all([
      prunePgEndedSessions(a, { endedBefore: 10 }),
      ...commits.map((commit) => commit.then(() => 'stored' as const).catch((error: Error) => error.message)),
    ]);
    const stored = settled.filter((outcome) => outcome === 'stored').length;
    expect(settled.filter((outcome) => outcome !== 'stored').every((why) => /room 'old'/.test(why))).toBe(
      true,
    );
    expect(result.sessions.map((session) => session.id)).toEqual(['old']);
    expect([result.turns, result.events]).toEqual([1 + stored, 1 + stored]);
    expect(await b.sessions.get('old')).toBeUndefined();
  });

  it('refuses a commit to an unknown room by name', async () => {
    const [db] = (await instances(1)) as [PgDb];
    await expect(db.sessions.commit('ghost', { at: 1, events: [warned] })).rejects.toThrow(/room 'ghost'/);
    await expect(db.peers.commit('ghost', { at: 1, events: [warned] })).rejects.toThrow(/room 'ghost'/);
  });

  it('reads sessions, steps, reports and claims back as SessionStore does on SQLite', async () => {
    const [pgDb] = (await instances(1)) as [PgDb];
    const dir = mkdtempSync(join(tmpdir(), 'mlsd-pg-parity-'));
    const sqliteDb = createDb(join(dir, 'parity.sqlite'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    cleanup.push(() => sqliteDb.close());

    const report = { version: 1, overall: 72.5 } as unknown as Report;
    const step = { step: 'requirements', budgetMs: 300_000, usedMs: 0, status: 'active' } as const;
    const end: SessionChange = {
      at: 9_000,
      engineState: { step: 'framing', n: 2 },
      notes: 'my notes',
      degraded: true,
      ended: { at: 9_000, reason: 'completed' },
      report: { report, overall: 72.5, createdAt: 9_000 },
      // The same step twice in one change: the last one is kept.
      steps: [
        { ...step, startedAt: 1_000, endedAt: null },
        { ...step, usedMs: 250_000, status: 'done', startedAt: 1_000, endedAt: 251_000 },
        { step: 'framing', budgetMs: 2 ** 40, usedMs: 0, status: 'pending', startedAt: null, endedAt: null },
      ],
      events: [asked, said('a', 'c1')],
    };
    const run = async (sessions: typeof pgDb.sessions | typeof sqliteDb.sessions) => {
      await sessions.create(newSession('s1', 1_700_000_000_000));
      await sessions.create({ ...newSession('s2'), ownerHash: 'someone', seed: 2 ** 40 });
      await sessions.commit('s1', end);
      const claims = [
        await sessions.claim('s1', 'me'),
        await sessions.claim('s1', 'me'),
        await sessions.claim('s1', 'other'),
        await sessions.claim('s2', 'me'),
        await sessions.claim('nope', 'me'),
      ];
      const byStep = (x: { step: string }, y: { step: string }) => x.step.localeCompare(y.step);
      return {
        claims,
        s1: await sessions.get('s1'),
        s2: await sessions.get('s2'),
        steps: (await sessions.steps('s1')).sort(byStep),
        report: await sessions.report('s1'),
        noReport: await sessions.report('s2'),
        transcript: await sessions.transcript('s1'),
        active: await sessions.activeIds(),
      };
    };
    const onPg = await run(pgDb.sessions);
    expect(onPg).toEqual(await run(sqliteDb.sessions));
    expect(onPg.claims).toEqual([true, true, false, false, false]);
    expect(onPg.s1).toMatchObject({ status: 'ended', ownerHash: 'me', degraded: true, notes: 'my notes' });
    expect(onPg.s2).toMatchObject({ seed: 2 ** 40, ownerHash: 'someone', degraded: false });
    expect(onPg.steps).toMatchObject([
      { step: 'framing', budgetMs: 2 ** 40 },
      { usedMs: 250_000, status: 'done' },
    ]);
    expect(onPg.report).toEqual({ report, overall: 72.5, createdAt: 9_000 });
    expect(onPg.noReport).toBeUndefined();
    expect(onPg.active).toEqual(['s2']);
  });
});
