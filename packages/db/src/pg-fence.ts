import { eq, sql } from 'drizzle-orm';
import type { PgOrm, PgTx } from './pg-commit.ts';
import { roomFences } from './pg-schema.ts';
import type { RoomFence, RoomFencing } from './room-store.ts';

/** A commit or claim refused because a later owner (a higher lease token) took the room. */
export class FencedError extends Error {
  override readonly name = 'FencedError';
  readonly code = 'FENCED';
  constructor(
    readonly roomId: string,
    readonly token: number,
  ) {
    super(
      `room ${roomId}: a later owner took this room over (lease token ${token} is stale); nothing was stored. The room must be reloaded where it runs now.`,
    );
  }
}

/**
 * Records `token` as the room's highest unless a higher one is there, in which case it throws
 * `FencedError`. Inside a commit's transaction the upsert locks the fence row until the end, so a
 * claim by a later owner waits for a commit in flight and then sees what it stored.
 */
export async function passFence(db: PgOrm | PgTx, roomId: string, token: number): Promise<void> {
  const passed = await db
    .insert(roomFences)
    .values({ roomId, token })
    .onConflictDoUpdate({
      target: roomFences.roomId,
      set: { token: sql`excluded.token` },
      where: sql`${roomFences.token} <= excluded.token`,
    })
    .returning({ token: roomFences.token });
  if (passed.length === 0) throw new FencedError(roomId, token);
}

/**
 * The tokens this process's owned rooms commit under (PostgreSQL). The server holds a room's token
 * when it claims the room and drops it when the room leaves; every commit of a held room carries
 * it, so no commit call site has to thread the token through.
 */
export class PgRoomFences implements RoomFencing {
  readonly #orm: PgOrm;
  readonly #held = new Map<string, { token: number; onFenced: (() => void)[] }>();

  constructor(orm: PgOrm) {
    this.#orm = orm;
  }

  async highest(roomId: string): Promise<number> {
    const [row] = await this.#orm
      .select({ token: roomFences.token })
      .from(roomFences)
      .where(eq(roomFences.roomId, roomId));
    return row?.token ?? 0;
  }

  async hold(roomId: string, token: number, onFenced: () => void): Promise<void> {
    await passFence(this.#orm, roomId, token);
    // The same lease claimed twice (two loads of one room racing): both holders hear of a refusal.
    const held = this.#held.get(roomId);
    if (held?.token === token) held.onFenced.push(onFenced);
    else this.#held.set(roomId, { token, onFenced: [onFenced] });
  }

  drop(roomId: string, token: number): void {
    if (this.#held.get(roomId)?.token === token) this.#held.delete(roomId);
  }

  /** The fence a commit of the room carries: the one given, else the one held here, else none. */
  fenceOf(roomId: string, given: RoomFence | undefined): RoomFence | undefined {
    const held = this.#held.get(roomId);
    return given ?? (held && { token: held.token });
  }

  /** A commit under `token` was refused: the holder learns that the room is no longer its. */
  refused(roomId: string, token: number): void {
    const held = this.#held.get(roomId);
    if (held?.token !== token) return;
    this.#held.delete(roomId);
    for (const listener of held.onFenced) listener();
  }
}

/** Runs a commit under its fence: refused (and the holder told) when the token is stale. */
export async function fencedCommit<T>(
  fences: PgRoomFences | undefined,
  roomId: string,
  given: RoomFence | undefined,
  run: (fence: RoomFence | undefined) => Promise<T>,
): Promise<T> {
  const fence = fences ? fences.fenceOf(roomId, given) : given;
  try {
    return await run(fence);
  } catch (error) {
    if (error instanceof FencedError) fences?.refused(roomId, error.token);
    throw error;
  }
}
