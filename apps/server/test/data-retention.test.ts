import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, DAY_MS, type Db } from '@mlsd/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRetention } from '../src/data-retention.ts';
import { readDataSettings } from '../src/data-settings.ts';

let dir: string;
let db: Db;
const NOW = 200 * DAY_MS;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-data-retention-'));
  db = createDb(join(dir, 'mlsd.sqlite'));
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function ended(id: string, daysAgo: number): void {
  db.sessions.create({
    id,
    tokenHash: 'h',
    caseId: 'c',
    caseTitle: 'Case',
    durationMinutes: 45,
    interviewer: 'offline',
    seed: 1,
    engineState: {},
    createdAt: NOW - (daysAgo + 1) * DAY_MS,
  });
  const at = NOW - daysAgo * DAY_MS;
  db.sessions.commit(id, { at, ended: { at, reason: 'completed' } });
}

describe('MLSD_RETENTION_DAYS', () => {
  it('is off by default and must be a whole number of days when set', () => {
    expect(readDataSettings({})).toEqual({ retentionDays: null });
    expect(readDataSettings({ MLSD_RETENTION_DAYS: '' })).toEqual({ retentionDays: null });
    expect(readDataSettings({ MLSD_RETENTION_DAYS: '90' })).toEqual({ retentionDays: 90 });
    expect(() => readDataSettings({ MLSD_RETENTION_DAYS: '1.5' })).toThrow(
      /MLSD_RETENTION_DAYS: a whole number of days .* got "1\.5"/,
    );
  });

  it('prunes ended sessions older than the setting when the server starts, and says so in the log', () => {
    ended('old', 100);
    ended('new', 3);
    const lines: string[] = [];
    const stop = startRetention(db, 30, () => NOW, {
      info: (line) => lines.push(line),
      error: (line) => lines.push(`ERROR ${line}`),
    });
    stop();
    expect(db.sessions.list().map((session) => session.id)).toEqual(['new']);
    expect(lines).toEqual([
      expect.stringMatching(/^retention \(30 days\): removed 1 ended session .*\n {2}old /),
    ]);
  });

  it('logs a failure instead of stopping the server', () => {
    db.close();
    const lines: string[] = [];
    startRetention(db, 30, () => NOW, {
      info: (l) => lines.push(l),
      error: (l) => lines.push(`ERROR ${l}`),
    })();
    expect(lines).toEqual([expect.stringMatching(/^ERROR retention \(30 days\): pruning failed/)]);
  });
});
