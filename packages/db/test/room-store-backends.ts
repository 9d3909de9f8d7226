import type { Report } from '@mlsd/protocol';
import {
  createDb,
  type NewPeerRoom,
  type NewSession,
  type PeerChange,
  type PeerRoomRecord,
  PeerStore,
  type SessionChange,
  type SessionRecord,
} from '../src/index.ts';
import { newPeerRoom, newSession } from './room-fixtures.ts';
import type { RoomStoreBackend } from './room-store-contract.ts';
import { unencodable } from './room-store-drafts.ts';

// How the contract opens each store and builds its records and changes.

/** Solo sessions: `db.sessions` as the server builds it. */
export const sessionBackend: RoomStoreBackend<NewSession, SessionRecord, SessionChange> = {
  open(file) {
    const db = createDb(file);
    return { store: db.sessions, close: () => db.close() };
  },
  newRoom: newSession,
  change: (common, mark) => (mark === undefined ? { ...common } : { ...common, notes: mark }),
  // Sessions run from creation.
  end: (at) => ({ at, ended: { at, reason: 'completed' } }),
  unstorableEvent: unencodable,
  sharedFile: true,
};

/** Peer rooms: a `PeerStore` on the same kind of connection. */
export const peerBackend: RoomStoreBackend<NewPeerRoom, PeerRoomRecord, PeerChange> = {
  open(file) {
    const db = createDb(file);
    return { store: new PeerStore(db.sqlite), close: () => db.close() };
  },
  newRoom: newPeerRoom,
  change: (common, mark) => (mark === undefined ? { ...common } : { ...common, pad: mark }),
  // A room waits in the lobby until the interviewer starts it.
  start: (at) => ({ at, started: { at } }),
  end: (at) => ({ at, ended: { at, reason: 'completed', autoReport: { overall: 0 } as unknown as Report } }),
  unstorableEvent: unencodable,
  sharedFile: true,
};
