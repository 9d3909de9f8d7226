import type { Turn } from '@mlsd/protocol';
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Optional turn fields kept in one JSON column, so a new one needs no migration. */
export type TurnMeta = Pick<
  Turn,
  'hintLevel' | 'hintPointIds' | 'challengedFlagIds' | 'curveballId' | 'intent' | 'draftId'
>;

/**
 * The tables of mlsd-mock. Times are epoch milliseconds; JSON columns hold values already validated
 * at the boundary that wrote them (engine state, event payloads, reports).
 */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    /** sha256 of the seat token, base64url. The token itself is never stored. */
    tokenHash: text('token_hash').notNull(),
    caseId: text('case_id').notNull(),
    /** Kept with the session so the history still reads well if the case file is later removed. */
    caseTitle: text('case_title').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    interviewer: text('interviewer', { enum: ['offline', 'llm'] }).notNull(),
    /** The level the session is judged at; sessions made before levels were judged as senior. */
    level: text('level', { enum: ['mid', 'senior', 'staff'] })
      .notNull()
      .default('senior'),
    /** The interviewer's manner. */
    persona: text('persona', { enum: ['supportive', 'neutral', 'tough'] })
      .notNull()
      .default('neutral'),
    seed: integer('seed').notNull(),
    status: text('status', { enum: ['active', 'ended'] })
      .notNull()
      .default('active'),
    endReason: text('end_reason', { enum: ['completed', 'ended-early', 'time-up'] }),
    /** The engine's serialised state, so a session resumes after a restart. */
    engineState: text('engine_state', { mode: 'json' }).notNull(),
    notes: text('notes').notNull().default(''),
    /** The candidate's whiteboard (a protocol `DrawingScene`); null until they draw. */
    drawing: text('drawing', { mode: 'json' }),
    createdAt: integer('created_at').notNull(),
    endedAt: integer('ended_at'),
    /** True when the session fell back from a language model to the offline interviewer. */
    degraded: integer('degraded', { mode: 'boolean' }).notNull().default(false),
    /**
     * sha256 of the owner key of the browser that created the session; its history lists it.
     * Null for sessions created without one (or before owners existed): no history lists those
     * until a holder of the seat token claims them.
     */
    ownerHash: text('owner_hash'),
    /**
     * The history's tie-break after `created_at` and its cursor's second number: a per-database
     * creation counter, explicit because PostgreSQL has no rowid. `SessionStore.create` sets it
     * (max + 1, under SQLite's single writer); migration 0005 filled it from the rowid, which the
     * cursor carried before, so cursors handed out earlier still name the same place.
     */
    seq: integer('seq').notNull(),
  },
  (t) => [
    index('sessions_created_at_idx').on(t.createdAt),
    // The history is one owner's sessions, newest first, in the page cursor's order.
    index('sessions_owner_created_idx').on(t.ownerHash, t.createdAt, t.seq),
    uniqueIndex('sessions_seq_idx').on(t.seq),
  ],
);

export const turns = sqliteTable(
  'turns',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    index: integer('idx').notNull(),
    role: text('role', { enum: ['interviewer', 'candidate'] }).notNull(),
    step: text('step').notNull(),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    at: integer('at').notNull(),
    clientId: text('client_id'),
    probedPointIds: text('probed_point_ids', { mode: 'json' }).$type<string[]>(),
    /** The turn's other optional fields (hint level, challenged flags, curveball, intent, draft id), as JSON. */
    meta: text('meta', { mode: 'json' }).$type<TurnMeta>(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.index] }),
    // A resent candidate message is recognised by its client id and never stored twice.
    uniqueIndex('turns_session_client_id_idx').on(t.sessionId, t.clientId).where(sql`client_id is not null`),
  ],
);

/**
 * Client ids of every command a client sent (answers, next_step, end), so a resend after a
 * reconnect is acknowledged as a duplicate instead of being applied twice.
 */
export const clientCommands = sqliteTable(
  'client_commands',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    clientId: text('client_id').notNull(),
    type: text('type').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.clientId] })],
);

/** The numbered server events of a session, replayed to a client that reconnects with `lastSeq`. */
export const events = sqliteTable(
  'events',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    payload: text('payload', { mode: 'json' }).notNull(),
    at: integer('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.seq] })],
);

export const stepTimings = sqliteTable(
  'step_timings',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    step: text('step').notNull(),
    budgetMs: integer('budget_ms').notNull(),
    startedAt: integer('started_at'),
    endedAt: integer('ended_at'),
    usedMs: integer('used_ms').notNull().default(0),
    status: text('status', { enum: ['pending', 'active', 'done', 'skipped'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.step] })],
);

/** One report per session; the report id is the session id. */
export const reports = sqliteTable('reports', {
  sessionId: text('session_id')
    .primaryKey()
    .references(() => sessions.id, { onDelete: 'cascade' }),
  json: text('json', { mode: 'json' }).notNull(),
  overall: real('overall').notNull(),
  createdAt: integer('created_at').notNull(),
});
