import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Study modes outside interviews: trade-off drill attempts and spaced-review cards. Both belong to
 * an owner (the sha256 of the browser's owner key, or of the proxy's user), like a history; they
 * are not tied to a session, so pruning sessions leaves them alone.
 */
export const drillAttempts = sqliteTable(
  'drill_attempts',
  {
    id: text('id').primaryKey(),
    ownerHash: text('owner_hash').notNull(),
    cardId: text('card_id').notNull(),
    /** The candidate's answer as sent: the quotes in `result` are slices of it. */
    answer: text('answer').notNull(),
    /** 0..100, as the offline scorer scored the answer. */
    score: real('score').notNull(),
    /** The scored result (credited points with quotes, missed points), validated where it was made. */
    result: text('result', { mode: 'json' }).notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('drill_attempts_owner_card_idx').on(t.ownerHash, t.cardId, t.createdAt)],
);

/**
 * One spaced-review card per owner and item ("drill:<card id>" or "point:<case id>:<point id>").
 * `card` is the scheduler's state (ts-fsrs `Card`, dates as ISO strings); `due` is copied out of it
 * so the due list is one indexed query.
 */
export const reviewCards = sqliteTable(
  'review_cards',
  {
    ownerHash: text('owner_hash').notNull(),
    itemId: text('item_id').notNull(),
    card: text('card', { mode: 'json' }).notNull(),
    due: integer('due').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerHash, t.itemId] }),
    index('review_cards_owner_due_idx').on(t.ownerHash, t.due),
  ],
);
