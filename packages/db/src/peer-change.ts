import type { EndReason, PeerAssessment, Report } from '@mlsd/protocol';
import type { PeerChange } from './peer-store.ts';

/** The columns of `peer_rooms` one change sets; the same names in the SQLite and PostgreSQL tables. */
export interface PeerRoomUpdate {
  engineState?: unknown;
  status?: 'active' | 'ended';
  startedAt?: number;
  endedAt?: number;
  endReason?: EndReason;
  autoReport?: Report;
  pad?: string;
  drawing?: unknown;
  assessment?: PeerAssessment;
  nextRoomId?: string;
}

/** What a change writes to the room row, for both backends; empty when it writes nothing there. */
export function peerRoomUpdate(change: PeerChange): PeerRoomUpdate {
  const set: PeerRoomUpdate = {};
  if (change.engineState !== undefined) set.engineState = change.engineState;
  if (change.started) {
    set.status = 'active';
    set.startedAt = change.started.at;
  }
  if (change.ended) {
    set.status = 'ended';
    set.endedAt = change.ended.at;
    set.endReason = change.ended.reason;
    set.autoReport = change.ended.autoReport;
  }
  if (change.pad !== undefined) set.pad = change.pad;
  if (change.drawing !== undefined) set.drawing = change.drawing;
  if (change.assessment !== undefined) set.assessment = change.assessment;
  if (change.nextRoomId !== undefined) set.nextRoomId = change.nextRoomId;
  return set;
}
