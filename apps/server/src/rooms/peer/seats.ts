import { createHash, timingSafeEqual } from 'node:crypto';
import type { PeerRoomRecord } from '@mlsd/db';
import { PEER_LOBBY_TTL_MS, type PeerSeat } from '@mlsd/protocol';

/** What a presented token opens. Unknown rooms and wrong tokens are the same answer on purpose. */
export type SeatCheck =
  | { ok: true; seat: PeerSeat; room: PeerRoomRecord }
  | { ok: false; reason: 'unauthorized' }
  | { ok: false; reason: 'expired'; seat: PeerSeat };

/** A digest no token hashes to, compared against when the room does not exist, so both paths cost the same. */
const DUMMY = createHash('sha256').update('mlsd-peer-no-such-room').digest();

function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

function same(given: Buffer, storedHash: string): boolean {
  const stored = Buffer.from(storedHash, 'base64url');
  // Lengths are equal for every hash this server wrote; the guard keeps timingSafeEqual from throwing.
  return stored.length === given.length && timingSafeEqual(given, stored);
}

/**
 * The seat a token holds in `room`: both seat hashes are always compared, in constant time, and a
 * missing room is compared against a dummy, so neither the answer nor its timing tells a wrong
 * token from an unknown room.
 */
export function checkSeat(room: PeerRoomRecord | undefined, token: string, now: number): SeatCheck {
  const given = digest(token);
  const interviewer = same(given, room?.interviewerTokenHash ?? DUMMY.toString('base64url'));
  const candidate = same(given, room?.candidateTokenHash ?? DUMMY.toString('base64url'));
  if (!room || (!interviewer && !candidate)) return { ok: false, reason: 'unauthorized' };
  const seat: PeerSeat = interviewer ? 'interviewer' : 'candidate';
  if (isExpired(room, now)) return { ok: false, reason: 'expired', seat };
  return { ok: true, seat, room };
}

/** A lobby nobody started within a day is gone; started rooms keep their report. */
export function isExpired(room: Pick<PeerRoomRecord, 'status' | 'createdAt'>, now: number): boolean {
  return room.status === 'lobby' && now - room.createdAt > PEER_LOBBY_TTL_MS;
}

export const EXPIRED_MESSAGE =
  'this room expired: it was never started within a day of being created. Create a new room from the home page.';
