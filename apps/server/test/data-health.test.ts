import { HealthResponse } from '@mlsd/protocol';
import { describe, expect, it } from 'vitest';
import { CRITICAL_DISK_BYTES, dataHealth, diskVerdict, LOW_DISK_BYTES } from '../src/data-health.ts';
import { useDataApp } from './data-fixture.ts';

const fixture = useDataApp('mlsd-data-health-');

describe('GET /api/health proves the database can write', () => {
  it('answers 503 with db "error" and says why when the database has become read-only', async () => {
    // chmod does not stop root (CI runs as root), so the connection itself is made read-only:
    // `query_only` refuses every write exactly as a read-only file or a read-only remount does,
    // while reads (the old `select 1` check) still succeed.
    fixture.app.db.sqlite.pragma('query_only = ON');
    expect(fixture.app.db.ping()).toBe(true);
    const response = await fixture.app.inject('/api/health');
    expect(response.statusCode).toBe(503);
    const body = HealthResponse.parse(response.json());
    expect(body).toMatchObject({ ok: false, db: 'error' });
    expect(body.dbDetail).toMatch(/cannot write: attempt to write a readonly database \(SQLITE_READONLY\)/);

    fixture.app.db.sqlite.pragma('query_only = OFF');
    const healed = await fixture.app.inject('/api/health');
    expect(healed.statusCode).toBe(200);
    expect(HealthResponse.parse(healed.json())).toMatchObject({ ok: true, db: 'ok' });
  });

  it('leaves nothing behind: the probe write is rolled back', async () => {
    for (let i = 0; i < 3; i += 1) expect((await fixture.app.inject('/api/health')).statusCode).toBe(200);
    expect(fixture.app.db.sessions.list()).toEqual([]);
  });

  it('says the connection is closed when it is', async () => {
    fixture.app.db.close();
    const body = HealthResponse.parse((await fixture.app.inject('/api/health')).json());
    expect(body).toMatchObject({ ok: false, db: 'error', dbDetail: 'the database connection is closed' });
  });
});

describe('disk space', () => {
  it('warns below the low mark and fails below the critical one', () => {
    expect(diskVerdict(LOW_DISK_BYTES)).toEqual({ disk: null, fatal: false });
    const low = diskVerdict(LOW_DISK_BYTES - 1);
    expect(low.fatal).toBe(false);
    expect(low.disk).toMatchObject({ low: true, freeBytes: LOW_DISK_BYTES - 1 });
    expect(low.disk?.detail).toMatch(/low on space \(255 MiB free/);
    const full = diskVerdict(CRITICAL_DISK_BYTES - 1);
    expect(full.fatal).toBe(true);
    expect(full.disk?.detail).toMatch(/disk is full \(15 MiB free\)/);
  });

  it('reports a nearly full disk as unhealthy even though the write check passes', () => {
    expect(dataHealth(fixture.app.db, () => 1024)).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/disk is full/),
      disk: { freeBytes: 1024, low: true },
    });
    expect(dataHealth(fixture.app.db, () => LOW_DISK_BYTES * 4)).toEqual({
      ok: true,
      detail: null,
      disk: null,
    });
  });
});
