import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Read-only links to watch a room (solo or peer). Only the token's sha256 is stored. Kept apart
 * from the rooms' own tables: an observer link never opens a seat that can write.
 */
export const observerLinks = sqliteTable(
  'observer_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    /** A session id or a peer room id. */
    roomId: text('room_id').notNull(),
    /** What the observer sees: the candidate's screen or the interviewer's console. */
    view: text('view', { enum: ['candidate', 'interviewer'] }).notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('observer_links_room_idx').on(t.roomId)],
);
