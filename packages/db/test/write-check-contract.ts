import { describe, expect, it } from 'vitest';
import { type DbBackend, useDb } from './db-backends.ts';

/** `ping` and `checkWrite`, what the server's health check reads, held to one definition on every backend. */
export function runWriteCheckContract(name: string, backend: DbBackend): void {
  describe(`write check: ${name}`, () => {
    const { open } = useDb(backend);

    it('proves a write can commit and keeps nothing of it', async () => {
      const db = await open();
      expect(await db.ping()).toBe(true);
      expect(await db.checkWrite()).toEqual({ ok: true });
      // Again: the probe row of the first check was rolled back, so its id is free.
      expect(await db.checkWrite()).toEqual({ ok: true });
      expect(await db.sessions.get('~health-probe')).toBeUndefined();
      expect(await db.sessions.list()).toEqual([]);
    });

    it('says why when the database reads but cannot write, where a ping still passes', async () => {
      const db = await open();
      await db.refuseWrites();
      expect(await db.ping()).toBe(true);
      const check = await db.checkWrite();
      expect(check.ok).toBe(false);
      expect(check).toMatchObject({
        detail: expect.stringMatching(/^the database cannot write: .*read.?only/i),
      });
    });

    it('reports a closed database as unusable, and closes twice', async () => {
      const db = await open();
      await db.close();
      await db.close();
      expect(await db.ping()).toBe(false);
      expect(await db.checkWrite()).toEqual({ ok: false, detail: 'the database connection is closed' });
    });
  });
}
