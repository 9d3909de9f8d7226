import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import type { PgOrm } from './pg-commit.ts';
import { reportShares } from './pg-schema.ts';
import type { ReportShareRecord } from './report-shares.ts';

/** `ReportShares` on PostgreSQL: the same methods, each result in a Promise. */
export class PgReportShares {
  readonly #orm: PgOrm;

  constructor(orm: PgOrm) {
    this.#orm = orm;
  }

  async create(share: Omit<ReportShareRecord, 'revokedAt'>): Promise<void> {
    await this.#orm.insert(reportShares).values(share);
  }

  async byTokenHash(tokenHash: string): Promise<ReportShareRecord | undefined> {
    const [row] = await this.#orm.select().from(reportShares).where(eq(reportShares.tokenHash, tokenHash));
    return row;
  }

  /** Every link of the session, revoked ones included, oldest first. */
  async list(sessionId: string): Promise<ReportShareRecord[]> {
    return (
      this.#orm
        .select()
        .from(reportShares)
        .where(eq(reportShares.sessionId, sessionId))
        // Ties broken by id in byte order, as SQLite compares text, whatever the database's collation.
        .orderBy(asc(reportShares.createdAt), asc(sql`${reportShares.id} collate "C"`))
    );
  }

  /** Links that still open. */
  async liveCount(sessionId: string): Promise<number> {
    const [row] = await this.#orm
      .select({ n: count() })
      .from(reportShares)
      .where(and(eq(reportShares.sessionId, sessionId), isNull(reportShares.revokedAt)));
    return row?.n ?? 0;
  }

  /**
   * Revokes one link of the session; false when the session has no such link. One statement, so
   * two instances revoking at once both answer true and the first time is the one kept.
   */
  async revoke(sessionId: string, id: string, at: number): Promise<boolean> {
    const rows = await this.#orm
      .update(reportShares)
      .set({ revokedAt: sql`coalesce(${reportShares.revokedAt}, ${at})` })
      .where(and(eq(reportShares.sessionId, sessionId), eq(reportShares.id, id)))
      .returning({ id: reportShares.id });
    return rows.length > 0;
  }
}
