import { DEFAULT_LEVEL, DEFAULT_PERSONA, type Report, type ServerEvent, type Turn } from '@mlsd/protocol';
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { COMMIT_TX, lockRoom, numberEvents, type PgOrm, type PgTx } from './pg-commit.ts';
import { fencedCommit, type PgRoomFences, passFence } from './pg-fence.ts';
import * as pgSchema from './pg-schema.ts';
import { pgSessionList, pgSessionPage } from './pg-session-history.ts';
import type { AsyncRoomStore, RoomFence } from './room-store.ts';
import { type SessionPage, type SessionPageQuery, withoutSeq } from './session-page.ts';
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

const { clientCommands, events, reports, sessions, stepTimings, turns } = pgSchema;

/**
 * `SessionStore` on PostgreSQL: the same tables and the same promises (the room-store contract and
 * the session-history contract run against both), each call a Promise.
 */
export class PgSessionStore implements AsyncRoomStore<NewSession, SessionRecord, SessionChange> {
  readonly #orm: PgOrm;
  readonly #fences: PgRoomFences | undefined;

  /** With `fences`, commits of the rooms held there carry their owner's token (see `PgRoomFences`). */
  constructor(orm: PgOrm, fences?: PgRoomFences) {
    this.#orm = orm;
    this.#fences = fences;
  }

  async create(session: NewSession): Promise<void> {
    await this.#orm.insert(sessions).values({
      ...session,
      level: session.level ?? DEFAULT_LEVEL,
      persona: session.persona ?? DEFAULT_PERSONA,
      ownerHash: session.ownerHash ?? null,
    });
  }

  async get(id: string): Promise<SessionRecord | undefined> {
    const [row] = await this.#orm.select().from(sessions).where(eq(sessions.id, id));
    return row && withoutSeq(row);
  }

  /** Every session, newest first, with its report when there is one. */
  list(): Promise<SessionListItem[]> {
    return pgSessionList(this.#orm);
  }

  /** One page of one owner's history: newest first, `next` names the page after. */
  page(query: SessionPageQuery): Promise<SessionPage> {
    return pgSessionPage(this.#orm, query);
  }

  async activeIds(): Promise<string[]> {
    const rows = await this.#orm
      .select({ id: sessions.id })
      .from(sessions)
      .where(eq(sessions.status, 'active'));
    return rows.map((row) => row.id);
  }

  /** Makes an unowned session this owner's; whether it is now this owner's (see `SessionStore.claim`). */
  async claim(id: string, ownerHash: string): Promise<boolean> {
    const claimed = await this.#orm
      .update(sessions)
      .set({ ownerHash })
      .where(and(eq(sessions.id, id), isNull(sessions.ownerHash)))
      .returning({ id: sessions.id });
    return claimed.length > 0 || (await this.get(id))?.ownerHash === ownerHash;
  }

  async transcript(id: string): Promise<Turn[]> {
    const rows = await this.#orm
      .select()
      .from(turns)
      .where(eq(turns.sessionId, id))
      .orderBy(asc(turns.index));
    return rows.map(toTurn);
  }

  async hasCommand(sessionId: string, clientId: string): Promise<boolean> {
    const rows = await this.#orm
      .select({ at: clientCommands.at })
      .from(clientCommands)
      .where(and(eq(clientCommands.sessionId, sessionId), eq(clientCommands.clientId, clientId)));
    return rows.length > 0;
  }

  async lastSeq(id: string): Promise<number> {
    return lastSeq(this.#orm, id);
  }

  async eventsAfter(id: string, afterSeq: number): Promise<ServerEvent[]> {
    const rows = await this.#orm
      .select({ payload: events.payload })
      .from(events)
      .where(and(eq(events.sessionId, id), gt(events.seq, afterSeq)))
      .orderBy(asc(events.seq));
    return rows.map((row) => row.payload as ServerEvent);
  }

  async steps(id: string): Promise<StepTiming[]> {
    const rows = await this.#orm.select().from(stepTimings).where(eq(stepTimings.sessionId, id));
    return rows.map((row) => ({
      step: row.step as StepTiming['step'],
      budgetMs: row.budgetMs,
      usedMs: row.usedMs,
      status: row.status,
      startedAt: row.startedAt,
      endedAt: row.endedAt,
    }));
  }

  async report(id: string): Promise<StoredReport | undefined> {
    const [row] = await this.#orm.select().from(reports).where(eq(reports.sessionId, id));
    return row && { report: row.json as Report, overall: row.overall, createdAt: row.createdAt };
  }

  /**
   * Writes one change in one transaction holding the session's row lock (see `lockRoom`): the
   * command's client id, the numbered events and turns, state, step timings, notes, end, report.
   */
  commit(sessionId: string, change: SessionChange, fence?: RoomFence): Promise<CommitResult> {
    return fencedCommit(this.#fences, sessionId, fence, (carried) =>
      this.#orm.transaction((tx) => apply(tx, sessionId, change, carried), COMMIT_TX),
    );
  }
}

async function lastSeq(db: PgOrm | PgTx, id: string): Promise<number> {
  const [row] = await db
    .select({ seq: sql<number>`coalesce(max(${events.seq}), 0)::int` })
    .from(events)
    .where(eq(events.sessionId, id));
  return row?.seq ?? 0;
}

async function apply(
  tx: PgTx,
  sessionId: string,
  change: SessionChange,
  fence: RoomFence | undefined,
): Promise<CommitResult> {
  await lockRoom(tx, sessions, sessionId);
  // Before anything is written: a stale owner's change must leave nothing, not even its command id.
  if (fence) await passFence(tx, sessionId, fence.token);
  if (change.command) {
    const inserted = await tx
      .insert(clientCommands)
      .values({ sessionId, clientId: change.command.clientId, type: change.command.type, at: change.at })
      .onConflictDoNothing()
      .returning({ at: clientCommands.at });
    if (inserted.length === 0) return { duplicate: true, events: [] };
  }
  const stored: ServerEvent[] = [];
  if (change.events && change.events.length > 0) {
    const [count] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(turns)
      .where(eq(turns.sessionId, sessionId));
    const numbered = numberEvents(change.events, await lastSeq(tx, sessionId), count?.n ?? 0);
    const turnRows = numbered.flatMap(({ turn }) =>
      turn
        ? [
            {
              sessionId,
              index: turn.index,
              role: turn.turn.role,
              step: turn.turn.step,
              kind: turn.turn.kind,
              text: turn.turn.text,
              at: turn.turn.at,
              clientId: turn.turn.clientId ?? null,
              probedPointIds: turn.turn.probedPointIds ?? null,
              meta: turnMeta(turn.turn),
            },
          ]
        : [],
    );
    if (turnRows.length > 0) await tx.insert(turns).values(turnRows);
    await tx.insert(events).values(
      numbered.map(({ event }) => ({
        sessionId,
        seq: event.seq,
        type: event.type,
        payload: event,
        at: change.at,
      })),
    );
    stored.push(...numbered.map(({ event }) => event));
  }
  const set: Partial<typeof sessions.$inferInsert> = {};
  // As SQLite stores it: the JSON text of the state, so a null state is JSON null, not SQL NULL.
  if (change.engineState !== undefined) set.engineState = sql`${JSON.stringify(change.engineState)}::jsonb`;
  if (change.notes !== undefined) set.notes = change.notes;
  if (change.drawing !== undefined) set.drawing = change.drawing;
  if (change.degraded !== undefined) set.degraded = change.degraded;
  if (change.ended) {
    set.status = 'ended';
    set.endedAt = change.ended.at;
    set.endReason = change.ended.reason;
  }
  if (Object.keys(set).length > 0) await tx.update(sessions).set(set).where(eq(sessions.id, sessionId));
  if (change.steps && change.steps.length > 0) {
    // One statement cannot upsert a row twice; SQLite's one-by-one upserts keep the last of a step.
    const latest = new Map(change.steps.map((step) => [step.step, step]));
    await tx
      .insert(stepTimings)
      .values([...latest.values()].map((step) => ({ sessionId, ...step })))
      .onConflictDoUpdate({
        target: [stepTimings.sessionId, stepTimings.step],
        set: {
          budgetMs: sql`excluded.budget_ms`,
          startedAt: sql`excluded.started_at`,
          endedAt: sql`excluded.ended_at`,
          usedMs: sql`excluded.used_ms`,
          status: sql`excluded.status`,
        },
      });
  }
  if (change.report) {
    const { report, overall, createdAt } = change.report;
    await tx
      .insert(reports)
      .values({ sessionId, json: report, overall, createdAt })
      .onConflictDoUpdate({ target: reports.sessionId, set: { json: report, overall, createdAt } });
  }
  return { duplicate: false, events: stored };
}
