import type { Report } from '@mlsd/protocol';
import { desc, eq, sql } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema.ts';
import type { SessionListItem, SessionRecord } from './types.ts';

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
 * A cursor is the last row's (created_at, seq): the list's own order, so a page never repeats
 * or skips a session when new ones are created while someone pages back, and it still works
 * after the row it names has been pruned. Opaque to clients; only digits, so it needs no escaping
 * (the protocol's `SessionListQuery` checks the same shape). Before `seq` existed the second
 * number was SQLite's rowid; migration 0005 copied the rowids into `seq`, so old cursors still work.
 */
const CURSOR = /^(\d{1,16})\.(\d{1,16})$/;

export function isSessionCursor(value: string): boolean {
  return CURSOR.test(value);
}

/** Where a page starts: strictly before this (created_at, seq); the newest page starts above all. */
export interface PagePosition {
  at: number;
  seq: number;
}

/** Reads a `before` cursor (both dialects); throws a RangeError for one this module did not make. */
export function pagePosition(before: string | null | undefined): PagePosition {
  if (!before) return { at: Number.MAX_SAFE_INTEGER, seq: Number.MAX_SAFE_INTEGER };
  const match = CURSOR.exec(before);
  if (!match) throw new RangeError(`not a session list cursor: ${before}`);
  return { at: Number(match[1]), seq: Number(match[2]) };
}

/** A joined history row, in either dialect: the session (with its seq) and its report's headline. */
export interface HistoryRow {
  session: SessionRecord & { seq: number };
  report: unknown;
  overall: number | null;
}

/** A session row without the storage-only `seq`: records look the same from both dialects. */
export function withoutSeq<Row extends { seq: number }>(row: Row): Omit<Row, 'seq'> {
  const { seq: _seq, ...record } = row;
  return record;
}

export function toListItem(row: HistoryRow): SessionListItem {
  return {
    ...withoutSeq(row.session),
    report: (row.report as Report | null) ?? null,
    reportOverall: row.overall ?? null,
  };
}

/** A page from up to `limit + 1` rows: the extra row only says that another page follows. */
export function toPage(rows: HistoryRow[], limit: number): SessionPage {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    items: shown.map(toListItem),
    next: rows.length > limit && last ? `${last.session.createdAt}.${last.session.seq}` : null,
  };
}

/** The paged history query on SQLite, prepared once. */
export function sessionPager(
  orm: BetterSQLite3Database<typeof schema>,
): (query: SessionPageQuery) => SessionPage {
  const page = orm
    .select({ session: sessions, report: reports.json, overall: reports.overall })
    .from(sessions)
    .leftJoin(reports, eq(reports.sessionId, sessions.id))
    // A row value comparison walks the (owner, created_at, seq) index.
    .where(
      sql`${sessions.ownerHash} = ${p('owner')} and (${sessions.createdAt}, ${sessions.seq}) < (${p('at')}, ${p('seq')})`,
    )
    .orderBy(desc(sessions.createdAt), desc(sessions.seq))
    .limit(p('limit'))
    .prepare();
  return ({ ownerHash, limit, before }) => {
    const { at, seq } = pagePosition(before);
    return toPage(page.all({ owner: ownerHash, at, seq, limit: limit + 1 }), limit);
  };
}
