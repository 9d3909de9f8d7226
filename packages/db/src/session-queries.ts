import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema.ts';

const { clientCommands, events, reports, sessions, stepTimings, turns } = schema;
const p = sql.placeholder;

/** `SessionStore`'s statements, prepared once per connection (kept apart: they are half the store). */
export function sessionQueries(orm: BetterSQLite3Database<typeof schema>) {
  return {
    insertSession: orm
      .insert(sessions)
      .values({
        id: p('id'),
        tokenHash: p('tokenHash'),
        caseId: p('caseId'),
        caseTitle: p('caseTitle'),
        durationMinutes: p('durationMinutes'),
        interviewer: p('interviewer'),
        level: p('level'),
        persona: p('persona'),
        seed: p('seed'),
        engineState: p('engineState'),
        createdAt: p('createdAt'),
        ownerHash: p('ownerHash'),
        // The next history number; SQLite runs one writer at a time, so no two sessions share it.
        // Pruning the newest session frees its number for the next one: harmless, as the history
        // orders by created_at first and the pruned session was created long before.
        seq: sql`(select coalesce(max(${sessions.seq}), 0) + 1 from ${sessions})`,
      })
      .prepare(),
    getSession: orm
      .select()
      .from(sessions)
      .where(eq(sessions.id, p('id')))
      .prepare(),
    claim: orm
      .update(sessions)
      .set({ ownerHash: sql`${p('owner')}` })
      .where(and(eq(sessions.id, p('id')), isNull(sessions.ownerHash)))
      .prepare(),
    activeIds: orm.select({ id: sessions.id }).from(sessions).where(eq(sessions.status, 'active')).prepare(),
    list: orm
      .select({ session: sessions, report: reports.json, overall: reports.overall })
      .from(sessions)
      .leftJoin(reports, eq(reports.sessionId, sessions.id))
      .orderBy(desc(sessions.createdAt), desc(sessions.seq))
      .prepare(),
    transcript: orm
      .select()
      .from(turns)
      .where(eq(turns.sessionId, p('id')))
      .orderBy(asc(turns.index))
      .prepare(),
    turnCount: orm
      .select({ n: sql<number>`count(*)` })
      .from(turns)
      .where(eq(turns.sessionId, p('id')))
      .prepare(),
    insertTurn: orm
      .insert(turns)
      .values({
        sessionId: p('sessionId'),
        index: p('index'),
        role: p('role'),
        step: p('step'),
        kind: p('kind'),
        text: p('text'),
        at: p('at'),
        clientId: p('clientId'),
        probedPointIds: p('probedPointIds'),
        meta: p('meta'),
      })
      .prepare(),
    lastSeq: orm
      .select({ seq: sql<number>`coalesce(max(${events.seq}), 0)` })
      .from(events)
      .where(eq(events.sessionId, p('id')))
      .prepare(),
    eventsAfter: orm
      .select({ payload: events.payload })
      .from(events)
      .where(and(eq(events.sessionId, p('id')), gt(events.seq, p('seq'))))
      .orderBy(asc(events.seq))
      .prepare(),
    insertEvent: orm
      .insert(events)
      .values({
        sessionId: p('sessionId'),
        seq: p('seq'),
        type: p('type'),
        payload: p('payload'),
        at: p('at'),
      })
      .prepare(),
    insertCommand: orm
      .insert(clientCommands)
      .values({ sessionId: p('sessionId'), clientId: p('clientId'), type: p('type'), at: p('at') })
      .onConflictDoNothing()
      .prepare(),
    hasCommand: orm
      .select({ at: clientCommands.at })
      .from(clientCommands)
      .where(and(eq(clientCommands.sessionId, p('sessionId')), eq(clientCommands.clientId, p('clientId'))))
      .prepare(),
    setState: orm
      .update(sessions)
      .set({ engineState: sql`${p('engineState')}` })
      .where(eq(sessions.id, p('id')))
      .prepare(),
    setNotes: orm
      .update(sessions)
      .set({ notes: sql`${p('notes')}` })
      .where(eq(sessions.id, p('id')))
      .prepare(),
    setDrawing: orm
      .update(sessions)
      .set({ drawing: sql`${p('drawing')}` })
      .where(eq(sessions.id, p('id')))
      .prepare(),
    setDegraded: orm
      .update(sessions)
      .set({ degraded: sql`${p('degraded')}` })
      .where(eq(sessions.id, p('id')))
      .prepare(),
    setEnded: orm
      .update(sessions)
      .set({ status: 'ended', endedAt: sql`${p('endedAt')}`, endReason: sql`${p('reason')}` })
      .where(eq(sessions.id, p('id')))
      .prepare(),
    upsertStep: orm
      .insert(stepTimings)
      .values({
        sessionId: p('sessionId'),
        step: p('step'),
        budgetMs: p('budgetMs'),
        startedAt: p('startedAt'),
        endedAt: p('endedAt'),
        usedMs: p('usedMs'),
        status: p('status'),
      })
      .onConflictDoUpdate({
        target: [stepTimings.sessionId, stepTimings.step],
        set: {
          budgetMs: sql`excluded.budget_ms`,
          startedAt: sql`excluded.started_at`,
          endedAt: sql`excluded.ended_at`,
          usedMs: sql`excluded.used_ms`,
          status: sql`excluded.status`,
        },
      })
      .prepare(),
    steps: orm
      .select()
      .from(stepTimings)
      .where(eq(stepTimings.sessionId, p('id')))
      .prepare(),
    upsertReport: orm
      .insert(reports)
      .values({
        sessionId: p('sessionId'),
        json: p('json'),
        overall: p('overall'),
        createdAt: p('createdAt'),
      })
      .onConflictDoUpdate({
        target: reports.sessionId,
        set: {
          json: sql`excluded.json`,
          overall: sql`excluded.overall`,
          createdAt: sql`excluded.created_at`,
        },
      })
      .prepare(),
    getReport: orm
      .select()
      .from(reports)
      .where(eq(reports.sessionId, p('id')))
      .prepare(),
  };
}
