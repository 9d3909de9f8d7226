import { count, eq } from 'drizzle-orm';
import type { ObserverLink } from './observer-links.ts';
import type { PgOrm } from './pg-commit.ts';
import { observerLinks } from './pg-schema.ts';

/** `ObserverLinks` on PostgreSQL: the same methods, each result in a Promise. */
export class PgObserverLinks {
  readonly #orm: PgOrm;

  constructor(orm: PgOrm) {
    this.#orm = orm;
  }

  async create(link: ObserverLink): Promise<void> {
    await this.#orm.insert(observerLinks).values(link);
  }

  async byTokenHash(tokenHash: string): Promise<ObserverLink | undefined> {
    const [row] = await this.#orm.select().from(observerLinks).where(eq(observerLinks.tokenHash, tokenHash));
    return row;
  }

  async count(roomId: string): Promise<number> {
    const [row] = await this.#orm
      .select({ n: count() })
      .from(observerLinks)
      .where(eq(observerLinks.roomId, roomId));
    return row?.n ?? 0;
  }
}
