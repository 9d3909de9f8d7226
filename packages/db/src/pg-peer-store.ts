import type { PeerAssessment, Report, ServerEvent, Turn } from '@mlsd/protocol';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { peerRoomUpdate } from './peer-change.ts';
import type { NewPeerRoom, PeerChange, PeerRoomRecord } from './peer-store.ts';
import { COMMIT_TX, lockRoom, numberEvents, type PgOrm, type PgTx } from './pg-commit.ts';
import { fencedCommit, type PgRoomFences, passFence } from './pg-fence.ts';
import { peerCommands, peerEvents, peerRooms } from './pg-schema.ts';
import type { AsyncRoomStore, RoomFence } from './room-store.ts';
import type { CommitResult } from './types.ts';

type RoomRow = typeof peerRooms.$inferSelect;

/** `PeerStore` on PostgreSQL: the same tables and promises (the room-store contract runs against both). */
export class PgPeerStore implements AsyncRoomStore<NewPeerRoom, PeerRoomRecord, PeerChange> {
  readonly #orm: PgOrm;
  readonly #fences: PgRoomFences | undefined;

  /** With `fences`, commits of the rooms held there carry their owner's token (see `PgRoomFences`). */
  constructor(orm: PgOrm, fences?: PgRoomFences) {
    this.#orm = orm;
    this.#fences = fences;
  }

  async create(room: NewPeerRoom): Promise<void> {
    await this.#orm.insert(peerRooms).values(room);
  }

  async get(id: string): Promise<PeerRoomRecord | undefined> {
    const [row] = await this.#orm.select().from(peerRooms).where(eq(peerRooms.id, id));
    return row && toRecord(row);
  }

  async activeIds(): Promise<string[]> {
    const rows = await this.#orm
      .select({ id: peerRooms.id })
      .from(peerRooms)
      .where(eq(peerRooms.status, 'active'));
    return rows.map((row) => row.id);
  }

  async transcript(id: string): Promise<Turn[]> {
    const rows = await this.#orm
      .select({ payload: peerEvents.payload })
      .from(peerEvents)
      .where(and(eq(peerEvents.roomId, id), eq(peerEvents.type, 'turn')))
      .orderBy(asc(peerEvents.seq));
    return rows.map((row) => (row.payload as Extract<ServerEvent, { type: 'turn' }>).turn);
  }

  async lastSeq(id: string): Promise<number> {
    return lastSeq(this.#orm, id);
  }

  async eventsAfter(id: string, afterSeq: number): Promise<ServerEvent[]> {
    const rows = await this.#orm
      .select({ payload: peerEvents.payload })
      .from(peerEvents)
      .where(and(eq(peerEvents.roomId, id), gt(peerEvents.seq, afterSeq)))
      .orderBy(asc(peerEvents.seq));
    return rows.map((row) => row.payload as ServerEvent);
  }

  async hasCommand(roomId: string, clientId: string): Promise<boolean> {
    const rows = await this.#orm
      .select({ at: peerCommands.at })
      .from(peerCommands)
      .where(and(eq(peerCommands.roomId, roomId), eq(peerCommands.clientId, clientId)));
    return rows.length > 0;
  }

  /** Applies one change in one transaction holding the room's row lock (see `lockRoom`). */
  commit(roomId: string, change: PeerChange, fence?: RoomFence): Promise<CommitResult> {
    return fencedCommit(this.#fences, roomId, fence, (carried) =>
      this.#orm.transaction((tx) => apply(tx, roomId, change, carried), COMMIT_TX),
    );
  }
}

async function lastSeq(db: PgOrm | PgTx, id: string): Promise<number> {
  const [row] = await db
    .select({ seq: sql<number>`coalesce(max(${peerEvents.seq}), 0)::int` })
    .from(peerEvents)
    .where(eq(peerEvents.roomId, id));
  return row?.seq ?? 0;
}

async function apply(
  tx: PgTx,
  roomId: string,
  change: PeerChange,
  fence: RoomFence | undefined,
): Promise<CommitResult> {
  await lockRoom(tx, peerRooms, roomId);
  // Before anything is written: a stale owner's change must leave nothing, not even its command id.
  if (fence) await passFence(tx, roomId, fence.token);
  if (change.command) {
    const inserted = await tx
      .insert(peerCommands)
      .values({ roomId, clientId: change.command.clientId, type: change.command.type, at: change.at })
      .onConflictDoNothing()
      .returning({ at: peerCommands.at });
    if (inserted.length === 0) return { duplicate: true, events: [] };
  }
  const stored: ServerEvent[] = [];
  if (change.events && change.events.length > 0) {
    const [count] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(peerEvents)
      .where(and(eq(peerEvents.roomId, roomId), eq(peerEvents.type, 'turn')));
    const numbered = numberEvents(change.events, await lastSeq(tx, roomId), count?.n ?? 0);
    await tx.insert(peerEvents).values(
      numbered.map(({ event }) => ({
        roomId,
        seq: event.seq,
        type: event.type,
        payload: event,
        at: change.at,
      })),
    );
    stored.push(...numbered.map(({ event }) => event));
  }
  const set = peerRoomUpdate(change);
  if (Object.keys(set).length > 0) await tx.update(peerRooms).set(set).where(eq(peerRooms.id, roomId));
  return { duplicate: false, events: stored };
}

function toRecord(row: RoomRow): PeerRoomRecord {
  return {
    ...row,
    assessment: row.assessment as PeerAssessment,
    autoReport: (row.autoReport as Report | null) ?? null,
  };
}
