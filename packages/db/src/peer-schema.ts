import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Peer rooms: a human interviewer and a candidate, each with a seat token (only its sha256 is
 * stored). Kept apart from `sessions` so that no solo route, history list or resume loop can ever
 * reach a peer room and hand its rubric-backed data to the wrong seat.
 */
export const peerRooms = sqliteTable(
  'peer_rooms',
  {
    id: text('id').primaryKey(),
    interviewerTokenHash: text('interviewer_token_hash').notNull(),
    candidateTokenHash: text('candidate_token_hash').notNull(),
    caseId: text('case_id').notNull(),
    caseTitle: text('case_title').notNull(),
    /** The case was drawn at random and is hidden from the candidate until the start. */
    surprise: integer('surprise', { mode: 'boolean' }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    status: text('status', { enum: ['lobby', 'active', 'ended'] })
      .notNull()
      .default('lobby'),
    /** The engine's serialised state once started; it keeps the time and the steps. */
    engineState: text('engine_state', { mode: 'json' }),
    /** The candidate's notes and diagram pad. */
    pad: text('pad').notNull().default(''),
    /** The candidate's whiteboard (a protocol `DrawingScene`); null until they draw. */
    drawing: text('drawing', { mode: 'json' }),
    /** The interviewer's marks, ratings and private notes (a `PeerAssessment`). */
    assessment: text('assessment', { mode: 'json' }).notNull(),
    createdAt: integer('created_at').notNull(),
    startedAt: integer('started_at'),
    endedAt: integer('ended_at'),
    endReason: text('end_reason', { enum: ['completed', 'ended-early', 'time-up'] }),
    /** The room this one swapped seats from, and the one swapped from it. */
    previousRoomId: text('previous_room_id'),
    nextRoomId: text('next_room_id'),
    /** The automatic report (a `Report`), stored when the interview ends. */
    autoReport: text('auto_report', { mode: 'json' }),
    /** sha256 of the owner key of whoever created the room (null when none was sent). */
    ownerHash: text('owner_hash'),
  },
  (t) => [index('peer_rooms_status_idx').on(t.status)],
);

/** The numbered events of a room (`turn`, `step`, `warning`, `ended`); turns are the transcript. */
export const peerEvents = sqliteTable(
  'peer_events',
  {
    roomId: text('room_id')
      .notNull()
      .references(() => peerRooms.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    payload: text('payload', { mode: 'json' }).notNull(),
    at: integer('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roomId, t.seq] })],
);

/** Client ids already applied in a room, so a resend after a reconnect is not applied twice. */
export const peerCommands = sqliteTable(
  'peer_commands',
  {
    roomId: text('room_id')
      .notNull()
      .references(() => peerRooms.id, { onDelete: 'cascade' }),
    clientId: text('client_id').notNull(),
    type: text('type').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roomId, t.clientId] })],
);
