import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { TurnMeta } from './schema.ts';

/**
 * The PostgreSQL tables: the same tables, columns, keys and indexes as the SQLite schema
 * (`schema.ts`, `peer-schema.ts`, `observer-schema.ts`, `share-schema.ts`, `study-schema.ts`; see those for what each
 * holds). drizzle has one table builder per dialect, so the two are kept side by side and
 * `test/pg-schema.test.ts` checks that they match. Epoch milliseconds need 64 bits (`bigint`, read
 * back as a JS number); JSON columns are `jsonb`; SQLite's 0/1 booleans are real booleans here.
 */

const ms = (name: string) => bigint(name, { mode: 'number' });

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    caseId: text('case_id').notNull(),
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
    // A client may send any safe integer as its seed.
    seed: bigint('seed', { mode: 'number' }).notNull(),
    status: text('status', { enum: ['active', 'ended'] })
      .notNull()
      .default('active'),
    endReason: text('end_reason', { enum: ['completed', 'ended-early', 'time-up'] }),
    engineState: jsonb('engine_state').notNull(),
    notes: text('notes').notNull().default(''),
    drawing: jsonb('drawing'),
    createdAt: ms('created_at').notNull(),
    endedAt: ms('ended_at'),
    degraded: boolean('degraded').notNull().default(false),
    ownerHash: text('owner_hash'),
    // An identity: numbers are handed out by a sequence, so instances creating sessions at once never
    // share one (SQLite's store computes max + 1 under its single writer).
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
  },
  (t) => [
    index('sessions_created_at_idx').on(t.createdAt),
    index('sessions_owner_created_idx').on(t.ownerHash, t.createdAt, t.seq),
    uniqueIndex('sessions_seq_idx').on(t.seq),
  ],
);

export const turns = pgTable(
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
    at: ms('at').notNull(),
    clientId: text('client_id'),
    probedPointIds: jsonb('probed_point_ids').$type<string[]>(),
    meta: jsonb('meta').$type<TurnMeta>(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.index] }),
    uniqueIndex('turns_session_client_id_idx').on(t.sessionId, t.clientId).where(sql`client_id is not null`),
  ],
);

export const clientCommands = pgTable(
  'client_commands',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    clientId: text('client_id').notNull(),
    type: text('type').notNull(),
    at: ms('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.clientId] })],
);

export const events = pgTable(
  'events',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull(),
    at: ms('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.seq] })],
);

export const stepTimings = pgTable(
  'step_timings',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    step: text('step').notNull(),
    budgetMs: ms('budget_ms').notNull(),
    startedAt: ms('started_at'),
    endedAt: ms('ended_at'),
    usedMs: ms('used_ms').notNull().default(0),
    status: text('status', { enum: ['pending', 'active', 'done', 'skipped'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.step] })],
);

export const reports = pgTable('reports', {
  sessionId: text('session_id')
    .primaryKey()
    .references(() => sessions.id, { onDelete: 'cascade' }),
  json: jsonb('json').notNull(),
  overall: doublePrecision('overall').notNull(),
  createdAt: ms('created_at').notNull(),
});

export const peerRooms = pgTable(
  'peer_rooms',
  {
    id: text('id').primaryKey(),
    interviewerTokenHash: text('interviewer_token_hash').notNull(),
    candidateTokenHash: text('candidate_token_hash').notNull(),
    caseId: text('case_id').notNull(),
    caseTitle: text('case_title').notNull(),
    surprise: boolean('surprise').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    status: text('status', { enum: ['lobby', 'active', 'ended'] })
      .notNull()
      .default('lobby'),
    engineState: jsonb('engine_state'),
    pad: text('pad').notNull().default(''),
    drawing: jsonb('drawing'),
    assessment: jsonb('assessment').notNull(),
    createdAt: ms('created_at').notNull(),
    startedAt: ms('started_at'),
    endedAt: ms('ended_at'),
    endReason: text('end_reason', { enum: ['completed', 'ended-early', 'time-up'] }),
    previousRoomId: text('previous_room_id'),
    nextRoomId: text('next_room_id'),
    autoReport: jsonb('auto_report'),
    ownerHash: text('owner_hash'),
  },
  (t) => [index('peer_rooms_status_idx').on(t.status)],
);

export const peerEvents = pgTable(
  'peer_events',
  {
    roomId: text('room_id')
      .notNull()
      .references(() => peerRooms.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull(),
    at: ms('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roomId, t.seq] })],
);

export const peerCommands = pgTable(
  'peer_commands',
  {
    roomId: text('room_id')
      .notNull()
      .references(() => peerRooms.id, { onDelete: 'cascade' }),
    clientId: text('client_id').notNull(),
    type: text('type').notNull(),
    at: ms('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roomId, t.clientId] })],
);

export const observerLinks = pgTable(
  'observer_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    roomId: text('room_id').notNull(),
    view: text('view', { enum: ['candidate', 'interviewer'] }).notNull(),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [index('observer_links_room_idx').on(t.roomId)],
);

export const reportShares = pgTable(
  'report_shares',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: ms('created_at').notNull(),
    revokedAt: ms('revoked_at'),
  },
  (t) => [index('report_shares_session_idx').on(t.sessionId)],
);

export const drillAttempts = pgTable(
  'drill_attempts',
  {
    id: text('id').primaryKey(),
    ownerHash: text('owner_hash').notNull(),
    cardId: text('card_id').notNull(),
    answer: text('answer').notNull(),
    score: doublePrecision('score').notNull(),
    result: jsonb('result').notNull(),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [index('drill_attempts_owner_card_idx').on(t.ownerHash, t.cardId, t.createdAt)],
);

export const reviewCards = pgTable(
  'review_cards',
  {
    ownerHash: text('owner_hash').notNull(),
    itemId: text('item_id').notNull(),
    card: jsonb('card').notNull(),
    due: ms('due').notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerHash, t.itemId] }),
    index('review_cards_owner_due_idx').on(t.ownerHash, t.due),
  ],
);

/**
 * PostgreSQL only (no SQLite twin: one process writes a SQLite file): per room, the highest lease
 * token (issue 15) that claimed it or committed to it. A commit with a lower token is refused, so
 * an owner that lost its lease while it could not reach Redis never writes next to the next owner.
 * No foreign key: a room id names a solo session or a peer room.
 */
export const roomFences = pgTable('room_fences', {
  roomId: text('room_id').primaryKey(),
  token: bigint('token', { mode: 'number' }).notNull(),
});
