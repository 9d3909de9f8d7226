import type { Report } from '@mlsd/protocol';
import { describe, expect, it } from 'vitest';
import { isSessionCursor } from '../src/index.ts';
import { type AnyDb, attempt, type DbBackend, useDb } from './db-backends.ts';
import { newSession } from './room-fixtures.ts';

/** The history as the server reads it (`list`, `page`, `claim`), held to one definition on every backend. */
export function runSessionHistoryContract(name: string, backend: DbBackend): void {
  describe(`session history: ${name}`, () => {
    const { open } = useDb(backend);

    /** `count` sessions of `owner`, some sharing a creation time so the cursor's tie-break is used. */
    const seed = async (db: AnyDb, owner: string | null, count: number, from = 0): Promise<string[]> => {
      const ids: string[] = [];
      for (let i = from; i < from + count; i += 1) {
        const id = `${owner ?? 'nobody'}-${String(i).padStart(3, '0')}`;
        await db.sessions.create({ ...newSession(id, 1_000 + Math.floor(i / 3)), ownerHash: owner });
        ids.push(id);
      }
      return ids.reverse(); // newest first
    };
    /** Every page from `before` on, `limit` at a time; the ids and the cursors handed out. */
    const walk = async (db: AnyDb, owner: string, limit: number, before: string | null = null) => {
      const ids: string[] = [];
      const cursors: string[] = [];
      let next = before;
      do {
        const page = await db.sessions.page({ ownerHash: owner, limit, before: next });
        expect(page.items.length).toBeLessThanOrEqual(limit);
        ids.push(...page.items.map((item) => item.id));
        next = page.next;
        if (next) cursors.push(next);
      } while (next);
      return { ids, cursors };
    };

    it('lists every session newest first with its report, records without storage columns', async () => {
      const db = await open();
      await db.sessions.create(newSession('old', 1_000));
      await db.sessions.create(newSession('new', 5_000));
      const report = { version: 1, overall: 72 } as unknown as Report;
      await db.sessions.commit('old', {
        at: 9_000,
        ended: { at: 9_000, reason: 'completed' },
        report: { report, overall: 72, createdAt: 9_000 },
        degraded: true,
      });
      const list = await db.sessions.list();
      expect(list.map((item) => item.id)).toEqual(['new', 'old']);
      expect(list[1]).toMatchObject({
        status: 'ended',
        endedAt: 9_000,
        reportOverall: 72,
        report,
        degraded: true,
      });
      expect(list[0]).toMatchObject({ status: 'active', report: null, reportOverall: null });
      // The history's counter is the store's own business: records look the same on every backend.
      expect(list[0]).not.toHaveProperty('seq');
      expect(await db.sessions.get('new')).not.toHaveProperty('seq');
    });

    it("pages one owner's history newest first, every session once, ties in creation time included", async () => {
      const db = await open();
      const mine = await seed(db, 'me', 11);
      await seed(db, 'other', 4);
      await seed(db, null, 4);
      const { ids, cursors } = await walk(db, 'me', 2);
      expect(ids).toEqual(mine);
      expect(cursors).toHaveLength(5);
      for (const cursor of cursors) {
        expect(isSessionCursor(cursor)).toBe(true);
        expect(cursor).toMatch(/^\d{1,16}\.\d{1,16}$/); // the protocol's SessionListQuery
      }
      const whole = await db.sessions.page({ ownerHash: 'me', limit: 11 });
      expect([whole.items.length, whole.next]).toEqual([11, null]);
      expect((await walk(db, 'other', 3)).ids).toHaveLength(4);
      expect(await db.sessions.page({ ownerHash: 'nobody', limit: 5 })).toEqual({ items: [], next: null });
    });

    it('never repeats or skips a session when new ones are created while paging', async () => {
      const db = await open();
      const before = await seed(db, 'me', 9);
      const first = await db.sessions.page({ ownerHash: 'me', limit: 4 });
      // New sessions, one created in the same millisecond as the sessions around the cursor.
      const tie = first.items.at(-1)!.createdAt;
      await db.sessions.create({ ...newSession('late-tie', tie), ownerHash: 'me' });
      await seed(db, 'me', 3, 30);
      const rest = await walk(db, 'me', 4, first.next);
      expect([...first.items.map((item) => item.id), ...rest.ids]).toEqual(before);
      const fresh = await walk(db, 'me', 5);
      expect(fresh.ids).toHaveLength(13);
      expect(new Set(fresh.ids).size).toBe(13);
    });

    it('goes on from a cursor whose session has since been pruned', async () => {
      const db = await open();
      const all = await seed(db, 'me', 6);
      const first = await db.sessions.page({ ownerHash: 'me', limit: 2 });
      const named = first.items.at(-1)!.id;
      await db.sessions.commit(named, { at: 2_000, ended: { at: 2_000, reason: 'completed' } });
      await db.prune({ endedBefore: 3_000 });
      expect(await db.sessions.get(named)).toBeUndefined();
      expect((await walk(db, 'me', 2, first.next)).ids).toEqual(all.slice(2));
    });

    it('refuses a cursor it did not hand out', async () => {
      const db = await open();
      for (const before of ['abc', '1.2.3', '12345678901234567.1', '-1.2']) {
        await expect(attempt(() => db.sessions.page({ ownerHash: 'me', limit: 2, before }))).rejects.toThrow(
          RangeError,
        );
      }
    });

    it('lists a claimed session in its new owner history, and never one of someone else', async () => {
      const db = await open();
      await db.sessions.create(newSession('unowned'));
      await db.sessions.create({ ...newSession('theirs'), ownerHash: 'them' });
      expect((await db.sessions.page({ ownerHash: 'me', limit: 5 })).items).toEqual([]);
      expect(await db.sessions.claim('unowned', 'me')).toBe(true);
      expect(await db.sessions.claim('theirs', 'me')).toBe(false);
      expect(await db.sessions.claim('ghost', 'me')).toBe(false);
      const page = await db.sessions.page({ ownerHash: 'me', limit: 5 });
      expect(page.items.map((item) => [item.id, item.ownerHash])).toEqual([['unowned', 'me']]);
      expect((await db.sessions.page({ ownerHash: 'them', limit: 5 })).items.map((item) => item.id)).toEqual([
        'theirs',
      ]);
    });
  });
}
