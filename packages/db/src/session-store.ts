import { DEFAULT_LEVEL, DEFAULT_PERSONA, type Report, type ServerEvent, type Turn } from '@mlsd/protocol';
import type Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { RoomStore } from './room-store.ts';
import type * as schema from './schema.ts';
import {
  type SessionPage,
  type SessionPageQuery,
  sessionPager,
  toListItem,
  withoutSeq,
} from './session-page.ts';
import { sessionQueries } from './session-queries.ts';
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

type SessionRow = typeof schema.sessions.$inferSelect;

/** Sessions, their transcripts, numbered events and reports. Statements are prepared once. */
export class SessionStore implements RoomStore<NewSession, SessionRecord, SessionChange> {
  readonly #q;
  readonly #commit: Database.Transaction<(sessionId: string, change: SessionChange) => CommitResult>;
  readonly #page: (query: SessionPageQuery) => SessionPage;

  constructor(orm: BetterSQLite3Database<typeof schema>, sqlite: Database.Database) {
    this.#q = sessionQueries(orm);
    this.#page = sessionPager(orm);
    this.#commit = sqlite.transaction((sessionId: string, change: SessionChange) =>
      this.#apply(sessionId, change),
    );
  }

  create(session: NewSession): void {
    this.#q.insertSession.run({
      ...session,
      level: session.level ?? DEFAULT_LEVEL,
      persona: session.persona ?? DEFAULT_PERSONA,
      ownerHash: session.ownerHash ?? null,
    });
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
    return this.#q.list.all().map(toListItem);
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
    if (change.drawing !== undefined)
      q.setDrawing.run({ id: sessionId, drawing: JSON.stringify(change.drawing) });
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
  return withoutSeq(row);
}
