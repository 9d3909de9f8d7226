import type { Report } from '@mlsd/protocol';
import { desc, eq, sql } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema.ts';
import type { SessionListItem } from './types.ts';

const { reports, sessions } = schema;
const p = sql.placeholder;

export interface SessionPageQuery {
  /** Whose history: the sha256 of their owner key. Sessions of other owners, or of none, are never listed. */
  ownerHash: string;
  /** Sessions on the page, at most. */
  limit: number;
  /** The `next` cursor of the previous page; absent for the newest sessions. */
  before?: string | null;
}

export interface SessionPage {
  items: SessionListItem[];
  /** The cursor of the next (older) page, or null when this page reaches the oldest session. */
  next: string | null;
}

/**
 * A cursor is the last row's (created_at, rowid): the list's own order, so a page never repeats
 * or skips a session when new ones are created while someone pages back, and it still works
 * after the row it names has been pruned. Opaque to clients; only digits, so it needs no escaping.
 */
const CURSOR = /^(\d{1,16})\.(\d{1,16})$/;

export function isSessionCursor(value: string): boolean {
  return CURSOR.test(value);
}

/** The paged history query, prepared once. */
export function sessionPager(
  orm: BetterSQLite3Database<typeof schema>,
): (query: SessionPageQuery) => SessionPage {
  const rowid = sql<number>`${sessions}.rowid`;
  const page = orm
    .select({ session: sessions, report: reports.json, overall: reports.overall, rowid })
    .from(sessions)
    .leftJoin(reports, eq(reports.sessionId, sessions.id))
    // A row value comparison walks the (owner, created_at) index, whose entries end with the rowid.
    .where(
      sql`${sessions.ownerHash} = ${p('owner')} and (${sessions.createdAt}, ${rowid}) < (${p('at')}, ${p('rowid')})`,
    )
    .orderBy(desc(sessions.createdAt), desc(rowid))
    .limit(p('limit'))
    .prepare();
  return ({ ownerHash, limit, before }) => {
    const match = before ? CURSOR.exec(before) : null;
    if (before && !match) throw new RangeError(`not a session list cursor: ${before}`);
    const at = match ? Number(match[1]) : Number.MAX_SAFE_INTEGER;
    const from = match ? Number(match[2]) : Number.MAX_SAFE_INTEGER;
    // One row more than asked says whether another page follows.
    const rows = page.all({ owner: ownerHash, at, rowid: from, limit: limit + 1 });
    const shown = rows.slice(0, limit);
    const last = shown.at(-1);
    return {
      items: shown.map((row) => ({
        ...row.session,
        report: (row.report as Report | null) ?? null,
        reportOverall: row.overall ?? null,
      })),
      next: rows.length > limit && last ? `${last.session.createdAt}.${last.rowid}` : null,
    };
  };
}
