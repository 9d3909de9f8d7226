import type { SeatView } from '@mlsd/protocol';
import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { observerLinks } from './observer-schema.ts';

export interface ObserverLink {
  roomId: string;
  tokenHash: string;
  view: SeatView;
  createdAt: number;
}

/** Read-only watch links, looked up by the hash of the token a socket presents. */
export class ObserverLinks {
  readonly #orm: BetterSQLite3Database;

  constructor(sqlite: Database.Database) {
    this.#orm = drizzle(sqlite);
  }

  create(link: ObserverLink): void {
    this.#orm.insert(observerLinks).values(link).run();
  }

  byTokenHash(tokenHash: string): ObserverLink | undefined {
    return this.#orm.select().from(observerLinks).where(eq(observerLinks.tokenHash, tokenHash)).get();
  }

  count(roomId: string): number {
    return this.#orm.select().from(observerLinks).where(eq(observerLinks.roomId, roomId)).all().length;
  }
}
