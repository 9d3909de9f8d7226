import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { sessions } from './schema.ts';

/**
 * Read-only links to a session's report, made and revoked by whoever holds the session's seat
 * token. Only the token's sha256 is stored; a revoked link keeps its row (with `revoked_at`) so the
 * owner's list still shows it, and it never opens again.
 */
export const reportShares = sqliteTable(
  'report_shares',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: integer('created_at').notNull(),
    revokedAt: integer('revoked_at'),
  },
  (t) => [index('report_shares_session_idx').on(t.sessionId)],
);
