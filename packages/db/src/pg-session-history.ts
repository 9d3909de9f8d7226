import { desc, eq, sql } from 'drizzle-orm';
import type { PgOrm } from './pg-commit.ts';
import * as pgSchema from './pg-schema.ts';
import { pagePosition, type SessionPage, type SessionPageQuery, toListItem, toPage } from './session-page.ts';
import type { SessionListItem } from './types.ts';

const { reports, sessions } = pgSchema;

/**
 * The history on PostgreSQL, as `SessionStore.list` and `page` read it on SQLite: the same order
 * (created_at, then seq, newest first), the same cursor ("<created_at>.<seq>", see session-page.ts)
 * and the same owner filter. `seq` is an identity, so sessions created by several instances at
 * once still get distinct numbers and a total order.
 */
function history(orm: PgOrm) {
  return orm
    .select({ session: sessions, report: reports.json, overall: reports.overall })
    .from(sessions)
    .leftJoin(reports, eq(reports.sessionId, sessions.id))
    .$dynamic();
}

/** Every session, newest first, with its report when there is one. */
export async function pgSessionList(orm: PgOrm): Promise<SessionListItem[]> {
  const rows = await history(orm).orderBy(desc(sessions.createdAt), desc(sessions.seq));
  return rows.map(toListItem);
}

/** One page of one owner's history (see `SessionStore.page`). */
export async function pgSessionPage(orm: PgOrm, query: SessionPageQuery): Promise<SessionPage> {
  const { at, seq } = pagePosition(query.before);
  const rows = await history(orm)
    // A row value comparison walks the (owner_hash, created_at, seq) index.
    .where(
      sql`${sessions.ownerHash} = ${query.ownerHash} and (${sessions.createdAt}, ${sessions.seq}) < (${at}, ${seq})`,
    )
    .orderBy(desc(sessions.createdAt), desc(sessions.seq))
    .limit(query.limit + 1);
  return toPage(rows, query.limit);
}
