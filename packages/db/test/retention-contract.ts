import type { Report } from '@mlsd/protocol';
import { describe, expect, it } from 'vitest';
import { DAY_MS, describePrune } from '../src/index.ts';
import { type AnyDb, type DbBackend, useDb } from './db-backends.ts';
import { newPeerRoom, newSession } from './room-fixtures.ts';

const NOW = 100 * DAY_MS;
const CUTOFF = NOW - 30 * DAY_MS;

/** `pruneEndedSessions` (and its PostgreSQL twin), held to one definition on every backend. */
export function runRetentionContract(name: string, backend: DbBackend): void {
  describe(`retention: ${name}`, () => {
    const { open } = useDb(backend);

    /** A session with two turns, an event each, and (when ended) a report and a watch link. */
    async function session(db: AnyDb, id: string, createdAt: number, endedAt: number | null) {
      await db.sessions.create(newSession(id, createdAt));
      await db.sessions.commit(id, {
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
          {
            step: 'requirements',
            budgetMs: 1,
            usedMs: 0,
            status: 'active',
            startedAt: createdAt,
            endedAt: null,
          },
        ],
      });
      await db.observers.create({ tokenHash: `obs-${id}`, roomId: id, view: 'candidate', createdAt });
      if (endedAt === null) return;
      await db.sessions.commit(id, {
        at: endedAt,
        ended: { at: endedAt, reason: 'completed' },
        report: { report: { sessionId: id } as unknown as Report, overall: 3, createdAt: endedAt },
      });
      await db.shares.create({
        id: `share-${id}`,
        sessionId: id,
        tokenHash: `share-${id}`,
        createdAt: endedAt,
      });
    }

    it('removes sessions that ended before the cutoff with everything they own, nothing else', async () => {
      const db = await open();
      await session(db, 'old-ended', NOW - 40 * DAY_MS, NOW - 39 * DAY_MS);
      await session(db, 'old-ended-2', NOW - 50 * DAY_MS, NOW - 45 * DAY_MS);
      await session(db, 'recent-ended', NOW - 40 * DAY_MS, NOW - 2 * DAY_MS);
      await session(db, 'old-running', NOW - 40 * DAY_MS, null);

      const dry = await db.prune({ endedBefore: CUTOFF, dryRun: true });
      const counts = { turns: 4, events: 4, reports: 2, observerLinks: 2, reportShares: 2, peerRooms: 0 };
      expect(dry).toMatchObject({ dryRun: true, ...counts });
      // Oldest end first.
      expect(dry.sessions).toEqual([
        {
          id: 'old-ended-2',
          caseTitle: 'Ad click prediction',
          createdAt: NOW - 50 * DAY_MS,
          endedAt: NOW - 45 * DAY_MS,
        },
        {
          id: 'old-ended',
          caseTitle: 'Ad click prediction',
          createdAt: NOW - 40 * DAY_MS,
          endedAt: NOW - 39 * DAY_MS,
        },
      ]);
      expect(await db.sessions.get('old-ended')).toBeDefined();
      expect(await db.observers.byTokenHash('obs-old-ended')).toBeDefined();
      expect(describePrune(dry)).toMatch(/^would remove 2 ended sessions \(4 turns, 4 events, 2 reports/);

      const done = await db.prune({ endedBefore: CUTOFF });
      expect(done).toEqual({ ...dry, dryRun: false });
      expect(describePrune(done)).toMatch(
        /^removed 2 ended sessions .*\n {2}old-ended-2 {2}Ad click prediction {2}ended /,
      );
      expect(await db.sessions.get('old-ended')).toBeUndefined();
      expect(await db.sessions.transcript('old-ended')).toEqual([]);
      expect(await db.sessions.eventsAfter('old-ended', 0)).toEqual([]);
      expect(await db.sessions.report('old-ended')).toBeUndefined();
      expect(await db.observers.byTokenHash('obs-old-ended')).toBeUndefined();
      expect(await db.shares.byTokenHash('share-old-ended')).toBeUndefined();
      const left = async (table: string) => db.countRows(table, 'session_id', 'old-ended');
      expect([
        await left('client_commands'),
        await left('step_timings'),
        await left('report_shares'),
      ]).toEqual([0, 0, 0]);
      expect(await db.shares.byTokenHash('share-recent-ended')).toBeDefined();
      expect(await db.observers.byTokenHash('obs-old-running')).toBeDefined();
      expect((await db.sessions.list()).map((s) => s.id).sort()).toEqual(['old-running', 'recent-ended']);
      expect(await db.sessions.transcript('recent-ended')).toHaveLength(2);

      // Nothing left to prune: a second run removes nothing.
      expect(await db.prune({ endedBefore: CUTOFF })).toMatchObject({
        sessions: [],
        turns: 0,
        observerLinks: 0,
      });
    });

    it('removes peer rooms that ended before the cutoff with their events and watch links, and keeps the rest', async () => {
      const db = await open();
      const report = { sessionId: 'x' } as unknown as Report;
      for (const [id, endedAt] of [
        ['old-peer', 10 * DAY_MS],
        ['recent-peer', 95 * DAY_MS],
        ['running-peer', null],
      ] as const) {
        await db.peers.create(newPeerRoom(id));
        await db.peers.commit(id, {
          at: 1,
          started: { at: 1 },
          events: [
            {
              type: 'turn',
              turn: { role: 'candidate', step: 'requirements', kind: 'answer', text: 'hi', at: 1 },
            },
          ],
        });
        await db.observers.create({ tokenHash: `obs-${id}`, roomId: id, view: 'candidate', createdAt: 1 });
        if (endedAt !== null)
          await db.peers.commit(id, {
            at: endedAt,
            ended: { at: endedAt, reason: 'completed', autoReport: report },
          });
      }
      const dry = await db.prune({ endedBefore: CUTOFF, dryRun: true });
      expect(dry).toMatchObject({ sessions: [], peerRooms: 1, observerLinks: 1, turns: 0 });
      expect(await db.peers.get('old-peer')).toBeDefined();
      expect((await db.prune({ endedBefore: CUTOFF })).peerRooms).toBe(1);
      expect(await db.peers.get('old-peer')).toBeUndefined();
      expect(await db.peers.transcript('old-peer')).toEqual([]);
      expect(await db.peers.hasCommand('old-peer', 'any')).toBe(false);
      expect(await db.countRows('peer_events', 'room_id', 'old-peer')).toBe(0);
      expect(await db.observers.byTokenHash('obs-old-peer')).toBeUndefined();
      expect([
        (await db.peers.get('recent-peer'))?.status,
        (await db.peers.get('running-peer'))?.status,
      ]).toEqual(['ended', 'active']);
      expect(describePrune(await db.prune({ endedBefore: CUTOFF, dryRun: true }))).not.toContain('peer room');
    });
  });
}
