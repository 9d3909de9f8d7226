import type { Report } from '@mlsd/protocol';
import { and, asc, desc, eq, gte, isNotNull, ne, sql } from 'drizzle-orm';
import type { PgOrm } from './pg-commit.ts';
import { drillAttempts, peerRooms, reports, reviewCards, sessions } from './pg-schema.ts';
import type { DrillAttemptRecord, OwnedReport, ReviewCardRecord } from './study-store.ts';

/** `StudyStore` on PostgreSQL: the same methods, each result in a Promise. */
export class PgStudyStore {
  readonly #orm: PgOrm;

  constructor(orm: PgOrm) {
    this.#orm = orm;
  }

  async addAttempt(attempt: DrillAttemptRecord): Promise<void> {
    await this.#orm.insert(drillAttempts).values(attempt);
  }

  async attempts(
    ownerHash: string,
    options: { cardId?: string; limit: number },
  ): Promise<DrillAttemptRecord[]> {
    const where =
      options.cardId === undefined
        ? eq(drillAttempts.ownerHash, ownerHash)
        : and(eq(drillAttempts.ownerHash, ownerHash), eq(drillAttempts.cardId, options.cardId));
    return this.#orm
      .select()
      .from(drillAttempts)
      .where(where)
      .orderBy(desc(drillAttempts.createdAt), desc(sql`${drillAttempts.id} collate "C"`))
      .limit(options.limit);
  }

  async reviewCards(ownerHash: string): Promise<ReviewCardRecord[]> {
    return this.#orm
      .select()
      .from(reviewCards)
      .where(eq(reviewCards.ownerHash, ownerHash))
      .orderBy(asc(reviewCards.due), asc(sql`${reviewCards.itemId} collate "C"`));
  }

  async reviewCard(ownerHash: string, itemId: string): Promise<ReviewCardRecord | undefined> {
    const [row] = await this.#orm
      .select()
      .from(reviewCards)
      .where(and(eq(reviewCards.ownerHash, ownerHash), eq(reviewCards.itemId, itemId)));
    return row;
  }

  async putReviewCard(record: ReviewCardRecord): Promise<void> {
    await this.#orm
      .insert(reviewCards)
      .values(record)
      .onConflictDoUpdate({
        target: [reviewCards.ownerHash, reviewCards.itemId],
        set: { card: record.card, due: record.due, updatedAt: record.updatedAt },
      });
  }

  async hasPendingPeerRoom(ownerHash: string, since: number): Promise<boolean> {
    const rows = await this.#orm
      .select({ id: peerRooms.id })
      .from(peerRooms)
      .where(
        and(
          eq(peerRooms.ownerHash, ownerHash),
          ne(peerRooms.status, 'ended'),
          gte(peerRooms.createdAt, since),
        ),
      )
      .limit(1);
    return rows.length > 0;
  }

  async reportsOf(ownerHash: string, limit: number): Promise<OwnedReport[]> {
    const rows = await this.#orm
      .select({
        sessionId: sessions.id,
        caseId: sessions.caseId,
        caseTitle: sessions.caseTitle,
        createdAt: sessions.createdAt,
        report: reports.json,
      })
      .from(sessions)
      .innerJoin(reports, eq(reports.sessionId, sessions.id))
      .where(and(eq(sessions.ownerHash, ownerHash), isNotNull(sessions.endedAt)))
      .orderBy(desc(sessions.createdAt), desc(sql`${sessions.id} collate "C"`))
      .limit(limit);
    return rows.map((row) => ({ ...row, report: row.report as Report }));
  }
}
