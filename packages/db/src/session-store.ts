import type { Report, ServerEvent, Turn } from '@mlsd/protocol';
import type Database from 'better-sqlite3';
import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { RoomStore } from './room-store.ts';
import * as schema from './schema.ts';
import { type SessionPage, type SessionPageQuery, sessionPager } from './session-page.ts';
import { toTurn, turnMeta } from './turn-row.ts';
import type {
  CommitResult,
  NewSession,
  SessionChange,
  SessionListItem,
  SessionRecord,
  StepTiming,
  StoredReport,
} from './types.ts';

const { clientCommands, events, reports, sessions, stepTimings, turns } = schema;
const p = sql.placeholder;

type SessionRow = typeof sessions.$inferSelect;

/** Sessions, their transcripts, numbered events and reports. Statements are prepared once. */
export class SessionStore implements RoomStore<NewSession, SessionRecord, SessionChange> {
  readonly #q;
  readonly #commit: Database.Transaction<(sessionId: string, change: SessionChange) => CommitResult>;
  readonly #page: (query: SessionPageQuery) => SessionPage;

  constructor(orm: BetterSQLite3Database<typeof schema>, sqlite: Database.Database) {
    this.#q = {
      insertSession: orm
        .insert(sessions)
        .values({
          id: p('id'),
          tokenHash: p('tokenHash'),
          caseId: p('caseId'),
          caseTitle: p('caseTitle'),
          durationMinutes: p('durationMinutes'),
          interviewer: p('interviewer'),
          seed: p('seed'),
          engineState: p('engineState'),
          createdAt: p('createdAt'),
          ownerHash: p('ownerHash'),
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
      activeIds: orm
        .select({ id: sessions.id })
        .from(sessions)
        .where(eq(sessions.status, 'active'))
        .prepare(),
      list: orm
        .select({ session: sessions, report: reports.json, overall: reports.overall })
        .from(sessions)
        .leftJoin(reports, eq(reports.sessionId, sessions.id))
        .orderBy(desc(sessions.createdAt), desc(sql`${sessions}.rowid`))
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
    this.#page = sessionPager(orm);
    this.#commit = sqlite.transaction((sessionId: string, change: SessionChange) =>
      this.#apply(sessionId, change),
    );
  }

  create(session: NewSession): void {
    this.#q.insertSession.run({ ...session, ownerHash: session.ownerHash ?? null });
  }

  get(id: string): SessionRecord | undefined {
    const row = this.#q.getSession.get({ id });
    return row && toRecord(row);
  }

  /** Ids of the sessions not yet ended, for resuming after a restart. */
  activeIds(): string[] {
    return this.#q.activeIds.all().map((row) => row.id);
  }

  /** Every session, newest first, with its report when there is one. */
  list(): SessionListItem[] {
    return this.#q.list.all().map((row) => ({
      ...toRecord(row.session),
      report: (row.report as Report | null) ?? null,
      reportOverall: row.overall ?? null,
    }));
  }

  /**
   * Makes an unowned session this owner's (a session created before owners existed, or without
   * one). Returns whether the session is now this owner's; one owned by someone else stays theirs.
   * The caller has checked the seat token.
   */
  claim(id: string, ownerHash: string): boolean {
    this.#q.claim.run({ id, owner: ownerHash });
    return this.#q.getSession.get({ id })?.ownerHash === ownerHash;
  }

  /** One page of one owner's history: newest first, `next` names the page after. */
  page(query: SessionPageQuery): SessionPage {
    return this.#page(query);
  }

  transcript(id: string): Turn[] {
    return this.#q.transcript.all({ id }).map(toTurn);
  }

  /** Whether a command with this client id was already committed for the session. */
  hasCommand(sessionId: string, clientId: string): boolean {
    return this.#q.hasCommand.get({ sessionId, clientId }) !== undefined;
  }

  lastSeq(id: string): number {
    return this.#q.lastSeq.get({ id })?.seq ?? 0;
  }

  /** The stored events with `seq` above `afterSeq`, in order. */
  eventsAfter(id: string, afterSeq: number): ServerEvent[] {
    return this.#q.eventsAfter.all({ id, seq: afterSeq }).map((row) => row.payload as ServerEvent);
  }

  steps(id: string): StepTiming[] {
    return this.#q.steps.all({ id }).map((row) => ({
      step: row.step as StepTiming['step'],
      budgetMs: row.budgetMs,
      usedMs: row.usedMs,
      status: row.status,
      startedAt: row.startedAt,
      endedAt: row.endedAt,
    }));
  }

  report(id: string): StoredReport | undefined {
    const row = this.#q.getReport.get({ id });
    return row && { report: row.json as Report, overall: row.overall, createdAt: row.createdAt };
  }

  /**
   * Writes one change in one immediate transaction: the command's client id, the events (numbered
   * after the last stored one; turn events also append to the transcript), engine state, step
   * timings, notes, end and report. A client id seen before writes nothing and returns `duplicate`.
   */
  commit(sessionId: string, change: SessionChange): CommitResult {
    return this.#commit.immediate(sessionId, change);
  }

  #apply(sessionId: string, change: SessionChange): CommitResult {
    const q = this.#q;
    if (change.command) {
      const { changes } = q.insertCommand.run({ sessionId, ...change.command, at: change.at });
      if (changes === 0) return { duplicate: true, events: [] };
    }
    const stored: ServerEvent[] = [];
    if (change.events && change.events.length > 0) {
      let seq = q.lastSeq.get({ id: sessionId })?.seq ?? 0;
      let index = q.turnCount.get({ id: sessionId })?.n ?? 0;
      for (const draft of change.events) {
        seq += 1;
        let event: ServerEvent;
        if (draft.type === 'turn') {
          const turn: Turn = { id: String(index), ...draft.turn };
          q.insertTurn.run({
            sessionId,
            index,
            role: turn.role,
            step: turn.step,
            kind: turn.kind,
            text: turn.text,
            at: turn.at,
            clientId: turn.clientId ?? null,
            probedPointIds: turn.probedPointIds ?? null,
            meta: turnMeta(turn),
          });
          index += 1;
          event = { type: 'turn', seq, turn };
        } else {
          event = { ...draft, seq } as ServerEvent;
        }
        q.insertEvent.run({ sessionId, seq, type: event.type, payload: event, at: change.at });
        stored.push(event);
      }
    }
    if (change.engineState !== undefined)
      q.setState.run({ id: sessionId, engineState: JSON.stringify(change.engineState) });
    for (const step of change.steps ?? []) q.upsertStep.run({ sessionId, ...step });
    if (change.notes !== undefined) q.setNotes.run({ id: sessionId, notes: change.notes });
    if (change.degraded !== undefined)
      q.setDegraded.run({ id: sessionId, degraded: change.degraded ? 1 : 0 });
    if (change.ended)
      q.setEnded.run({ id: sessionId, endedAt: change.ended.at, reason: change.ended.reason });
    if (change.report) {
      q.upsertReport.run({
        sessionId,
        json: change.report.report,
        overall: change.report.overall,
        createdAt: change.report.createdAt,
      });
    }
    return { duplicate: false, events: stored };
  }
}

function toRecord(row: SessionRow): SessionRecord {
  return { ...row };
}
