import { describe, expect, it } from 'vitest';
import { attempt, type DbBackend, useDb } from './db-backends.ts';
import { newSession } from './room-fixtures.ts';

/** Watch links (`observers`) and report links (`shares`), held to one definition on every backend. */
export function runLinksContract(name: string, backend: DbBackend): void {
  describe(`observer and report links: ${name}`, () => {
    const { open } = useDb(backend);

    it('stores watch links by token hash and counts them per room', async () => {
      const db = await open();
      const link = {
        tokenHash: 'h1',
        roomId: 'r1',
        view: 'interviewer',
        createdAt: 1_700_000_000_000,
      } as const;
      await db.observers.create(link);
      await db.observers.create({ ...link, tokenHash: 'h2', view: 'candidate' });
      await db.observers.create({ ...link, tokenHash: 'h3', roomId: 'r2' });
      expect(await db.observers.byTokenHash('h1')).toEqual(link);
      expect(await db.observers.byTokenHash('nope')).toBeUndefined();
      expect([
        await db.observers.count('r1'),
        await db.observers.count('r2'),
        await db.observers.count('r3'),
      ]).toEqual([2, 1, 0]);
      // A token hash names one link: a second one with it is refused.
      await expect(attempt(() => db.observers.create({ ...link, roomId: 'r9' }))).rejects.toThrow();
      expect(await db.observers.count('r9')).toBe(0);
    });

    it('stores report links, lists them oldest first and counts the live ones', async () => {
      const db = await open();
      await db.sessions.create(newSession('s1'));
      await db.sessions.create(newSession('s2'));
      // Same creation time: ties in id order, byte by byte (upper case first) on every backend.
      for (const id of ['b', 'a', 'B'])
        await db.shares.create({ id, sessionId: 's1', tokenHash: `t-${id}`, createdAt: 5 });
      await db.shares.create({ id: 'first', sessionId: 's1', tokenHash: 't-first', createdAt: 1 });
      await db.shares.create({ id: 'other', sessionId: 's2', tokenHash: 't-other', createdAt: 1 });
      expect((await db.shares.list('s1')).map((share) => share.id)).toEqual(['first', 'B', 'a', 'b']);
      expect(await db.shares.byTokenHash('t-a')).toEqual({
        id: 'a',
        sessionId: 's1',
        tokenHash: 't-a',
        createdAt: 5,
        revokedAt: null,
      });
      expect(await db.shares.byTokenHash('t-none')).toBeUndefined();
      expect([
        await db.shares.liveCount('s1'),
        await db.shares.liveCount('s2'),
        await db.shares.list('s3'),
      ]).toEqual([4, 1, []]);
      // A token hash is unique, and a link needs an existing session.
      await expect(
        attempt(() => db.shares.create({ id: 'dup', sessionId: 's2', tokenHash: 't-a', createdAt: 9 })),
      ).rejects.toThrow();
      await expect(
        attempt(() =>
          db.shares.create({ id: 'orphan', sessionId: 'ghost', tokenHash: 't-ghost', createdAt: 9 }),
        ),
      ).rejects.toThrow();
    });

    it('revokes a link of its own session once, keeping the first time', async () => {
      const db = await open();
      await db.sessions.create(newSession('s1'));
      await db.sessions.create(newSession('s2'));
      await db.shares.create({ id: 'x', sessionId: 's1', tokenHash: 't-x', createdAt: 1 });
      await db.shares.create({ id: 'y', sessionId: 's1', tokenHash: 't-y', createdAt: 2 });
      expect(await db.shares.revoke('s2', 'x', 10)).toBe(false); // another session's link
      expect(await db.shares.revoke('s1', 'ghost', 10)).toBe(false);
      expect(await db.shares.liveCount('s1')).toBe(2);
      expect(await db.shares.revoke('s1', 'x', 10)).toBe(true);
      expect(await db.shares.revoke('s1', 'x', 20)).toBe(true);
      expect((await db.shares.byTokenHash('t-x'))?.revokedAt).toBe(10);
      // A revoked link is still listed (the owner sees it) but no longer live.
      expect((await db.shares.list('s1')).map((share) => [share.id, share.revokedAt])).toEqual([
        ['x', 10],
        ['y', null],
      ]);
      expect(await db.shares.liveCount('s1')).toBe(1);
    });
  });
}
