import type Database from 'better-sqlite3';
import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { reportShares } from './share-schema.ts';

export interface ReportShareRecord {
  id: string;
  sessionId: string;
  tokenHash: string;
  createdAt: number;
  revokedAt: number | null;
}

/** Read-only report links, looked up by the hash of the token in the link. */
export class ReportShares {
  readonly #orm: BetterSQLite3Database;

  constructor(sqlite: Database.Database) {
    this.#orm = drizzle(sqlite);
  }

  create(share: Omit<ReportShareRecord, 'revokedAt'>): void {
    this.#orm.insert(reportShares).values(share).run();
  }

  byTokenHash(tokenHash: string): ReportShareRecord | undefined {
    return this.#orm.select().from(reportShares).where(eq(reportShares.tokenHash, tokenHash)).get();
  }

  /** Every link of the session, revoked ones included, oldest first. */
  list(sessionId: string): ReportShareRecord[] {
    return this.#orm
      .select()
      .from(reportShares)
      .where(eq(reportShares.sessionId, sessionId))
      .orderBy(asc(reportShares.createdAt), asc(reportShares.id))
      .all();
  }

  /** Links that still open. */
  liveCount(sessionId: string): number {
    const row = this.#orm
      .select({ n: count() })
      .from(reportShares)
      .where(and(eq(reportShares.sessionId, sessionId), isNull(reportShares.revokedAt)))
      .get();
    return row?.n ?? 0;
  }

  /** Revokes one link of the session; false when the session has no such link. Revoking twice keeps the first time. */
  revoke(sessionId: string, id: string, at: number): boolean {
    const share = this.#orm
      .select()
      .from(reportShares)
      .where(and(eq(reportShares.sessionId, sessionId), eq(reportShares.id, id)))
      .get();
    if (!share) return false;
    if (share.revokedAt === null) {
      this.#orm.update(reportShares).set({ revokedAt: at }).where(eq(reportShares.id, id)).run();
    }
    return true;
  }
}
