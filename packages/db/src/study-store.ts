import type { Report } from '@mlsd/protocol';
import type Database from 'better-sqlite3';
import { and, asc, desc, eq, gte, isNotNull, ne } from 'drizzle-orm';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { peerRooms } from './peer-schema.ts';
import { reports, sessions } from './schema.ts';
import { drillAttempts, reviewCards } from './study-schema.ts';

/** One scored drill answer. `result` is whatever the server scored it into (stored as JSON). */
export interface DrillAttemptRecord {
  id: string;
  ownerHash: string;
  cardId: string;
  answer: string;
  score: number;
  result: unknown;
  createdAt: number;
}

/** One spaced-review card: the scheduler's state for one owner and item. */
export interface ReviewCardRecord {
  ownerHash: string;
  itemId: string;
  /** The scheduler's card as JSON (the server's to read). */
  card: unknown;
  due: number;
  updatedAt: number;
}

/** A report of one of the owner's sessions, for the review items of the points it missed. */
export interface OwnedReport {
  sessionId: string;
  caseId: string;
  caseTitle: string;
  createdAt: number;
  report: Report;
}

/** Drill attempts and review cards, per owner; also reads the owner's reports for missed points. */
export class StudyStore {
  readonly #orm: BetterSQLite3Database;

  constructor(sqlite: Database.Database) {
    this.#orm = drizzle(sqlite);
  }

  addAttempt(attempt: DrillAttemptRecord): void {
    this.#orm.insert(drillAttempts).values(attempt).run();
  }

  /** The owner's attempts, newest first (of one card when `cardId` is given). */
  attempts(ownerHash: string, options: { cardId?: string; limit: number }): DrillAttemptRecord[] {
    const where =
      options.cardId === undefined
        ? eq(drillAttempts.ownerHash, ownerHash)
        : and(eq(drillAttempts.ownerHash, ownerHash), eq(drillAttempts.cardId, options.cardId));
    return this.#orm
      .select()
      .from(drillAttempts)
      .where(where)
      .orderBy(desc(drillAttempts.createdAt), desc(drillAttempts.id))
      .limit(options.limit)
      .all();
  }

  /** Every review card of the owner, soonest due first (ties by item id). */
  reviewCards(ownerHash: string): ReviewCardRecord[] {
    return this.#orm
      .select()
      .from(reviewCards)
      .where(eq(reviewCards.ownerHash, ownerHash))
      .orderBy(asc(reviewCards.due), asc(reviewCards.itemId))
      .all();
  }

  reviewCard(ownerHash: string, itemId: string): ReviewCardRecord | undefined {
    return this.#orm
      .select()
      .from(reviewCards)
      .where(and(eq(reviewCards.ownerHash, ownerHash), eq(reviewCards.itemId, itemId)))
      .get();
  }

  /** Creates or replaces the owner's card for that item. */
  putReviewCard(record: ReviewCardRecord): void {
    this.#orm
      .insert(reviewCards)
      .values(record)
      .onConflictDoUpdate({
        target: [reviewCards.ownerHash, reviewCards.itemId],
        set: { card: record.card, due: record.due, updatedAt: record.updatedAt },
      })
      .run();
  }

  /**
   * Whether the owner set up a peer room, created at or after `since`, that has not ended: until it
   * does, the study pages keep every case's answer key out of sight (the candidate may be the one
   * who set it up, and a surprise case must stay one).
   */
  hasPendingPeerRoom(ownerHash: string, since: number): boolean {
    const row = this.#orm
      .select({ id: peerRooms.id })
      .from(peerRooms)
      .where(
        and(
          eq(peerRooms.ownerHash, ownerHash),
          ne(peerRooms.status, 'ended'),
          gte(peerRooms.createdAt, since),
        ),
      )
      .limit(1)
      .get();
    return row !== undefined;
  }

  /** The reports of the owner's ended sessions, newest first, at most `limit`. */
  reportsOf(ownerHash: string, limit: number): OwnedReport[] {
    const rows = this.#orm
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
      .orderBy(desc(sessions.createdAt), desc(sessions.id))
      .limit(limit)
      .all();
    return rows.map((row) => ({ ...row, report: row.report as Report }));
  }
}
