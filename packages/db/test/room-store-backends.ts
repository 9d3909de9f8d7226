import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '@mlsd/protocol';
import {
  asyncDb,
  createDb,
  createPgDb,
  type NewPeerRoom,
  type NewSession,
  type PeerChange,
  type PeerRoomRecord,
  PeerStore,
  type SessionChange,
  type SessionRecord,
} from '../src/index.ts';
import type { PgTestServer } from './pg-test-server.ts';
import { newPeerRoom, newSession } from './room-fixtures.ts';
import type { RoomStoreBackend, StorePlace } from './room-store-contract.ts';
import { unencodable } from './room-store-drafts.ts';

// How the contract opens each store and builds its records and changes.

/** A real SQLite file in a fresh temp dir. */
export function sqliteFile(): StorePlace {
  const dir = mkdtempSync(join(tmpdir(), 'mlsd-room-store-'));
  return { location: join(dir, 'rooms.sqlite'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

type Backend<New extends { id: string }, Rec extends New, Change extends SessionChange | PeerChange> = Omit<
  RoomStoreBackend<New, Rec, Change>,
  'place' | 'open'
>;

const sessionRooms: Backend<NewSession, SessionRecord, SessionChange> = {
  newRoom: newSession,
  change: (common, mark) => (mark === undefined ? { ...common } : { ...common, notes: mark }),
  // Sessions run from creation.
  end: (at) => ({ at, ended: { at, reason: 'completed' } }),
  unstorableEvent: unencodable,
  sharedDatabase: true,
};

const peerRooms: Backend<NewPeerRoom, PeerRoomRecord, PeerChange> = {
  newRoom: newPeerRoom,
  change: (common, mark) => (mark === undefined ? { ...common } : { ...common, pad: mark }),
  // A room waits in the lobby until the interviewer starts it.
  start: (at) => ({ at, started: { at } }),
  end: (at) => ({ at, ended: { at, reason: 'completed', autoReport: { overall: 0 } as unknown as Report } }),
  unstorableEvent: unencodable,
  sharedDatabase: true,
};

/** Solo sessions: `db.sessions` as the server builds it. */
export const sessionBackend: RoomStoreBackend<NewSession, SessionRecord, SessionChange> = {
  ...sessionRooms,
  place: sqliteFile,
  open(file) {
    const db = createDb(file);
    return { store: db.sessions, close: () => db.close() };
  },
};

/** Peer rooms: a `PeerStore` on the same kind of connection. */
export const peerBackend: RoomStoreBackend<NewPeerRoom, PeerRoomRecord, PeerChange> = {
  ...peerRooms,
  place: sqliteFile,
  open(file) {
    const db = createDb(file);
    return { store: new PeerStore(db.sqlite), close: () => db.close() };
  },
};

/** Solo sessions through `asyncDb`, the adapter a server written for PostgreSQL uses on SQLite. */
export const asyncSessionBackend: RoomStoreBackend<NewSession, SessionRecord, SessionChange> = {
  ...sessionRooms,
  place: sqliteFile,
  open(file) {
    const db = asyncDb(createDb(file));
    return { store: db.sessions, close: () => db.close() };
  },
};

/** A new database on the test server; `open` is a `createPgDb` pool on it, as an instance opens it. */
function pgDatabase(server: PgTestServer) {
  return async (): Promise<StorePlace> => {
    const { url, drop } = await server.createDatabase();
    return { location: url, remove: drop };
  };
}

/** Solo sessions on PostgreSQL: `PgSessionStore`. */
export function pgSessionBackend(
  server: PgTestServer,
): RoomStoreBackend<NewSession, SessionRecord, SessionChange> {
  return {
    ...sessionRooms,
    fencing: true,
    place: pgDatabase(server),
    async open(url) {
      const db = await createPgDb(url);
      return { store: db.sessions, close: () => db.close() };
    },
  };
}

/** Peer rooms on PostgreSQL: `PgPeerStore`. */
export function pgPeerBackend(
  server: PgTestServer,
): RoomStoreBackend<NewPeerRoom, PeerRoomRecord, PeerChange> {
  return {
    ...peerRooms,
    fencing: true,
    place: pgDatabase(server),
    async open(url) {
      const db = await createPgDb(url);
      return { store: db.peers, close: () => db.close() };
    },
  };
}
