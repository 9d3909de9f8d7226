import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createPgDb, FencedError, type PgDb } from '../src/index.ts';
import { startPgTestServer } from './pg-test-server.ts';
import { newPeerRoom, newSession } from './room-fixtures.ts';
import { command, said } from './room-store-drafts.ts';

// How the server fences rooms on PostgreSQL (issue 15): two instances on one database, the way a
// new owner takes a room over from one that lost Redis but still runs it. The contract suite
// checks explicit fences; this checks the held ones, which every commit of a held room carries.

const pg = await startPgTestServer();
const server = 'server' in pg ? pg.server : undefined;
if (server) afterAll(() => server.stop());
const describePg = server ? describe : describe.skip;

describePg(`PgRoomFences${server ? '' : ` (skipped: ${'skipped' in pg ? pg.skipped : ''})`}`, () => {
  let cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step();
    cleanup = [];
  });
  const twoInstances = async (): Promise<[PgDb, PgDb]> => {
    const database = await server!.createDatabase();
    cleanup.push(database.drop);
    const dbs = [await createPgDb(database.url), await createPgDb(database.url)] as const;
    for (const db of dbs) cleanup.push(() => db.close());
    return [dbs[0], dbs[1]];
  };
  const say = (clientId: string) => ({
    at: 100,
    command: command(clientId),
    events: [said(clientId, clientId)],
  });

  it('refuses the old owner once a new one holds the room, and tells the old one', async () => {
    const [old, next] = await twoInstances();
    await old.sessions.create(newSession('s1'));
    const refusals: string[] = [];
    await old.fences.hold('s1', 4, () => refusals.push('old'));
    await old.sessions.commit('s1', say('c1'));
    expect(await next.fences.highest('s1')).toBe(4);

    await next.fences.hold('s1', 5, () => refusals.push('next'));
    const refused = await old.sessions.commit('s1', say('c2')).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(FencedError);
    expect(refusals).toEqual(['old']);
    expect(await next.sessions.hasCommand('s1', 'c2')).toBe(false);
    expect((await next.sessions.commit('s1', say('c2'))).events.map((event) => event.seq)).toEqual([2]);
    // A stale holder cannot claim the room back either.
    await expect(old.fences.hold('s1', 4, () => undefined)).rejects.toBeInstanceOf(FencedError);
  });

  it('fences peer rooms the same way, and leaves rooms nobody holds unfenced', async () => {
    const [old, next] = await twoInstances();
    await old.peers.create(newPeerRoom('p1'));
    await old.peers.commit('p1', { at: 1, started: { at: 1 } });
    await old.fences.hold('p1', 1, () => undefined);
    await next.fences.hold('p1', 2, () => undefined);
    await expect(old.peers.commit('p1', say('c1'))).rejects.toBeInstanceOf(FencedError);
    // Dropped: this process's commits no longer carry the token (the room left it).
    old.fences.drop('p1', 1);
    expect((await old.peers.commit('p1', say('c1'))).duplicate).toBe(false);
    expect(await next.fences.highest('nobody')).toBe(0);
  });
});
