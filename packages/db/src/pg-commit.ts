import type { ServerEvent, Turn } from '@mlsd/protocol';
import { eq } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type * as pgSchema from './pg-schema.ts';
import type { EventDraft } from './types.ts';

/** A drizzle connection to PostgreSQL (a pool), and a transaction on it. */
export type PgOrm = NodePgDatabase<typeof pgSchema>;
export type PgTx = Parameters<Parameters<PgOrm['transaction']>[0]>[0];

/**
 * How every PostgreSQL commit runs. Read committed on purpose: each statement after the room lock
 * (see `lockRoom`) sees what the previous holder of the lock committed. Under repeatable read the
 * snapshot would be taken before the wait and the numbering would start from a stale last seq.
 */
export const COMMIT_TX = { isolationLevel: 'read committed' } as const;

type RoomTable = typeof pgSchema.sessions | typeof pgSchema.peerRooms;

/**
 * Locks the room's row until the transaction ends, or throws for an unknown room.
 *
 * Why a row lock (`SELECT ... FOR UPDATE`) rather than a unique (room, seq) constraint with retry:
 * numbering reads `max(seq)` and the turn count and then writes, so two instances committing to one
 * room at once would both read the same last seq. With the lock the second waits for the first to
 * commit and then reads its numbers; nothing is retried, so a change (and its model call, its
 * acknowledgement) is never applied twice, and commits to different rooms never wait for each
 * other. The (room, seq) primary key stays as the backstop: were the lock ever skipped, a repeated
 * number would fail the commit instead of being stored.
 */
export async function lockRoom(tx: PgTx, table: RoomTable, id: string): Promise<void> {
  const rows = await tx.select({ id: table.id }).from(table).where(eq(table.id, id)).for('update');
  if (rows.length === 0) throw new Error(`cannot commit to room '${id}': no such room`);
}

/** One stored event and, for a turn event, its turn. */
export interface NumberedEvent {
  event: ServerEvent;
  turn?: { index: number; turn: Turn };
}

/** Numbers drafts after `lastSeq`; turns get the transcript ids after `turnCount` ("0", "1", ...). */
export function numberEvents(drafts: EventDraft[], lastSeq: number, turnCount: number): NumberedEvent[] {
  let seq = lastSeq;
  let index = turnCount;
  return drafts.map((draft) => {
    seq += 1;
    if (draft.type !== 'turn') return { event: { ...draft, seq } as ServerEvent };
    const turn: Turn = { id: String(index), ...draft.turn };
    index += 1;
    return { event: { type: 'turn', seq, turn }, turn: { index: index - 1, turn } };
  });
}
