import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '@mlsd/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, DAY_MS, type Db, describePrune, PeerStore, pruneEndedSessions } from '../src/index.ts';
import { newPeerRoom, newSession } from './room-fixtures.ts';

let dir: string;
let db: Db;
const NOW = 100 * DAY_MS;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-retention-'));
  db = createDb(join(dir, 'test.sqlite'));
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A session with two turns, an event each, and (when ended) a report and a watch link. */
function session(id: string, createdAt: number, endedAt: number | null): void {
  db.sessions.create(newSession(id, createdAt));
  db.sessions.commit(id, {
    at: createdAt,
    command: { clientId: `${id}-c1`, type: 'answer' },
    events: [
      {
        type: 'turn',
        turn: { role: 'interviewer', step: 'requirements', kind: 'opening', text: 'hi', at: createdAt },
      },
      {
        type: 'turn',
        turn: {
          role: 'candidate',
          step: 'requirements',
          kind: 'answer',
          text: 'yo',
          at: createdAt,
          clientId: `${id}-c1`,
        },
      },
    ],
    steps: [
      { step: 'requirements', budgetMs: 1, usedMs: 0, status: 'active', startedAt: createdAt, endedAt: null },
    ],
  });
  db.observers.create({ tokenHash: `obs-${id}`, roomId: id, view: 'candidate', createdAt });
  if (endedAt === null) return;
  db.sessions.commit(id, {
    at: endedAt,
    ended: { at: endedAt, reason: 'completed' },
    report: { report: { sessionId: id } as unknown as Report, overall: 3, createdAt: endedAt },
  });
  db.shares.create({ id: `share-${id}`, sessionId: id, tokenHash: `share-${id}`, createdAt: endedAt });
}

describe('pruneEndedSessions', () => {
  it('removes sessions that ended before the cutoff with their turns, events and reports, nothing else', () => {
    session('old-ended', NOW - 40 * DAY_MS, NOW - 39 * DAY_MS);
    session('recent-ended', NOW - 40 * DAY_MS, NOW - 2 * DAY_MS);
    session('old-running', NOW - 40 * DAY_MS, null);
    const cutoff = NOW - 30 * DAY_MS;

    const dry = pruneEndedSessions(db, { endedBefore: cutoff, dryRun: true });
    expect(dry).toMatchObject({
      dryRun: true,
      turns: 2,
      events: 2,
      reports: 1,
      observerLinks: 1,
      reportShares: 1,
    });
    expect(dry.sessions.map((s) => s.id)).toEqual(['old-ended']);
    expect(db.sessions.get('old-ended')).toBeDefined();
    expect(describePrune(dry)).toMatch(/^would remove 1 ended session \(2 turns, 2 events, 1 reports/);

    const done = pruneEndedSessions(db, { endedBefore: cutoff });
    expect(done).toMatchObject({ dryRun: false, turns: 2, events: 2, reports: 1 });
    expect(describePrune(done)).toMatch(
      /^removed 1 ended session .*\n {2}old-ended {2}Ad click prediction {2}ended /,
    );
    expect(db.sessions.get('old-ended')).toBeUndefined();
    expect(db.sessions.transcript('old-ended')).toEqual([]);
    expect(db.sessions.eventsAfter('old-ended', 0)).toEqual([]);
    expect(db.sessions.report('old-ended')).toBeUndefined();
    const left = (table: string) =>
      (
        db.sqlite.prepare(`select count(*) as n from ${table} where session_id = 'old-ended'`).get() as {
          n: number;
        }
      ).n;
    expect([left('client_commands'), left('step_timings'), left('report_shares')]).toEqual([0, 0, 0]);
    expect(db.shares.byTokenHash('share-recent-ended')).toBeDefined();
    expect(
      db.sessions
        .list()
        .map((s) => s.id)
        .sort(),
    ).toEqual(['old-running', 'recent-ended']);
    expect(db.sessions.transcript('recent-ended')).toHaveLength(2);

    // Nothing left to prune: a second run removes nothing.
    expect(pruneEndedSessions(db, { endedBefore: cutoff }).sessions).toEqual([]);
  });
});

describe('pruneEndedSessions and peer rooms', () => {
  it('removes peer rooms that ended before the cutoff with their events and watch links, and keeps the rest', () => {
    const peers = new PeerStore(db.sqlite);
    const report = { sessionId: 'x' } as unknown as Report;
    for (const [id, endedAt] of [
      ['old-peer', 10 * DAY_MS],
      ['recent-peer', 95 * DAY_MS],
      ['running-peer', null],
    ] as const) {
      peers.create(newPeerRoom(id));
      peers.commit(id, {
        at: 1,
        started: { at: 1 },
        events: [
          {
            type: 'turn',
            turn: { role: 'candidate', step: 'requirements', kind: 'answer', text: 'hi', at: 1 },
          },
        ],
      });
      db.observers.create({ tokenHash: `obs-${id}`, roomId: id, view: 'candidate', createdAt: 1 });
      if (endedAt !== null)
        peers.commit(id, { at: endedAt, ended: { at: endedAt, reason: 'completed', autoReport: report } });
    }
    const cutoff = NOW - 30 * DAY_MS;
    const dry = pruneEndedSessions(db, { endedBefore: cutoff, dryRun: true });
    expect(dry).toMatchObject({ peerRooms: 1, observerLinks: 1 });
    expect(peers.get('old-peer')).toBeDefined();
    expect(pruneEndedSessions(db, { endedBefore: cutoff }).peerRooms).toBe(1);
    expect(peers.get('old-peer')).toBeUndefined();
    expect(peers.transcript('old-peer')).toEqual([]);
    expect(db.observers.byTokenHash('obs-old-peer')).toBeUndefined();
    expect([peers.get('recent-peer')?.status, peers.get('running-peer')?.status]).toEqual([
      'ended',
      'active',
    ]);
    expect(describePrune(pruneEndedSessions(db, { endedBefore: cutoff, dryRun: true }))).not.toContain(
      'peer room',
    );
  });
});
