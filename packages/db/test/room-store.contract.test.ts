import { afterAll, describe, it } from 'vitest';
import { startPgTestServer } from './pg-test-server.ts';
import {
  asyncSessionBackend,
  peerBackend,
  pgPeerBackend,
  pgSessionBackend,
  sessionBackend,
} from './room-store-backends.ts';
import { runRoomStoreContract } from './room-store-contract.ts';

// One line a backend (described in room-store-backends.ts): each must keep every promise of `RoomStore`.
runRoomStoreContract('SessionStore', sessionBackend);
runRoomStoreContract('PeerStore', peerBackend);
runRoomStoreContract('SessionStore through asyncDb', asyncSessionBackend);

// The PostgreSQL backends run against a throwaway server this file starts (see pg-test-server.ts).
const pg = await startPgTestServer();
if ('server' in pg) {
  afterAll(() => pg.server.stop());
  runRoomStoreContract('PgSessionStore', pgSessionBackend(pg.server));
  runRoomStoreContract('PgPeerStore', pgPeerBackend(pg.server));
} else {
  describe('RoomStore contract: PostgreSQL', () => {
    it.skip(`PgSessionStore and PgPeerStore (skipped: ${pg.skipped})`, () => {});
  });
}
