import type { EndReason, PeerAssessment, PeerRoomStatus, Report, ServerEvent, Turn } from '@mlsd/protocol';
import type Database from 'better-sqlite3';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { peerRoomUpdate } from './peer-change.ts';
import { peerCommands, peerEvents, peerRooms } from './peer-schema.ts';
import type { RoomStore } from './room-store.ts';
import type { CommitResult, RoomChange } from './types.ts';

type RoomRow = typeof peerRooms.$inferSelect;

export interface NewPeerRoom {
  id: string;
  interviewerTokenHash: string;
  candidateTokenHash: string;
  caseId: string;
  caseTitle: string;
  surprise: boolean;
  durationMinutes: number;
  assessment: PeerAssessment;
  createdAt: number;
  previousRoomId: string | null;
  /** sha256 of the creator's owner key; null when none was sent. Swapped rooms keep their chain's. */
  ownerHash?: string | null;
}

export interface PeerRoomRecord extends NewPeerRoom {
  status: PeerRoomStatus;
  engineState: unknown;
  pad: string;
  /** The candidate's whiteboard as stored (validate before use); null until they draw. */
  drawing?: unknown;
  startedAt: number | null;
  endedAt: number | null;
  endReason: EndReason | null;
  nextRoomId: string | null;
  autoReport: Report | null;
}

/** Everything one change of a room writes, in one transaction. */
export interface PeerChange extends RoomChange {
  engineState?: unknown;
  started?: { at: number };
  ended?: { at: number; reason: EndReason; autoReport: Report };
  pad?: string;
  /** The whole whiteboard (last write wins). */
  drawing?: unknown;
  assessment?: PeerAssessment;
  nextRoomId?: string;
}

/** The same result as a session commit's; the name stays for the code that imports it. */
export type PeerCommitResult = CommitResult;

/** Peer rooms, their numbered events (the transcript is the `turn` events) and applied client ids. */
export class PeerStore implements RoomStore<NewPeerRoom, PeerRoomRecord, PeerChange> {
  readonly #orm: BetterSQLite3Database;
  readonly #commit: Database.Transaction<(roomId: string, change: PeerChange) => PeerCommitResult>;

  /** Works on an open, migrated connection (see `createDb`). */
  constructor(sqlite: Database.Database) {
    this.#orm = drizzle(sqlite);
    this.#commit = sqlite.transaction((roomId: string, change: PeerChange) => this.#apply(roomId, change));
  }

  create(room: NewPeerRoom): void {
    this.#orm.insert(peerRooms).values(room).run();
  }

  get(id: string): PeerRoomRecord | undefined {
    const row = this.#orm.select().from(peerRooms).where(eq(peerRooms.id, id)).get();
    return row && toRecord(row);
  }

  /** Rooms whose interview is running, for re-arming their clocks after a restart. */
  activeIds(): string[] {
    return this.#orm
      .select({ id: peerRooms.id })
      .from(peerRooms)
      .where(eq(peerRooms.status, 'active'))
      .all()
      .map((row) => row.id);
  }

  transcript(id: string): Turn[] {
    return this.#orm
      .select({ payload: peerEvents.payload })
      .from(peerEvents)
      .where(and(eq(peerEvents.roomId, id), eq(peerEvents.type, 'turn')))
      .orderBy(asc(peerEvents.seq))
      .all()
      .map((row) => (row.payload as Extract<ServerEvent, { type: 'turn' }>).turn);
  }

  lastSeq(id: string): number {
    return this.#lastSeq(id);
  }

  eventsAfter(id: string, afterSeq: number): ServerEvent[] {
    return this.#orm
      .select({ payload: peerEvents.payload })
      .from(peerEvents)
      .where(and(eq(peerEvents.roomId, id), gt(peerEvents.seq, afterSeq)))
      .orderBy(asc(peerEvents.seq))
      .all()
      .map((row) => row.payload as ServerEvent);
  }

  hasCommand(roomId: string, clientId: string): boolean {
    return (
      this.#orm
        .select({ at: peerCommands.at })
        .from(peerCommands)
        .where(and(eq(peerCommands.roomId, roomId), eq(peerCommands.clientId, clientId)))
        .get() !== undefined
    );
  }

  /** Applies one change in one immediate transaction; events are numbered after the last stored one. */
  commit(roomId: string, change: PeerChange): PeerCommitResult {
    return this.#commit.immediate(roomId, change);
  }

  #lastSeq(id: string): number {
    return (
      this.#orm
        .select({ seq: sql<number>`coalesce(max(${peerEvents.seq}), 0)` })
        .from(peerEvents)
        .where(eq(peerEvents.roomId, id))
        .get()?.seq ?? 0
    );
  }

  #apply(roomId: string, change: PeerChange): PeerCommitResult {
    const orm = this.#orm;
    if (change.command) {
      const inserted = orm
        .insert(peerCommands)
        .values({ roomId, ...change.command, at: change.at })
        .onConflictDoNothing()
        .run();
      if (inserted.changes === 0) return { duplicate: true, events: [] };
    }
    const stored: ServerEvent[] = [];
    if (change.events && change.events.length > 0) {
      let seq = this.#lastSeq(roomId);
      let turns =
        orm
          .select({ n: sql<number>`count(*)` })
          .from(peerEvents)
          .where(and(eq(peerEvents.roomId, roomId), eq(peerEvents.type, 'turn')))
          .get()?.n ?? 0;
      for (const draft of change.events) {
        seq += 1;
        let event: ServerEvent;
        if (draft.type === 'turn') {
          event = { type: 'turn', seq, turn: { id: String(turns), ...draft.turn } };
          turns += 1;
        } else {
          event = { ...draft, seq } as ServerEvent;
        }
        orm.insert(peerEvents).values({ roomId, seq, type: event.type, payload: event, at: change.at }).run();
        stored.push(event);
      }
    }
    const set = peerRoomUpdate(change);
    if (Object.keys(set).length > 0) orm.update(peerRooms).set(set).where(eq(peerRooms.id, roomId)).run();
    return { duplicate: false, events: stored };
  }
}

function toRecord(row: RoomRow): PeerRoomRecord {
  return {
    ...row,
    assessment: row.assessment as PeerAssessment,
    autoReport: (row.autoReport as Report | null) ?? null,
  };
}
