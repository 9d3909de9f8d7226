import { peerBackend, sessionBackend } from './room-store-backends.ts';
import { runRoomStoreContract } from './room-store-contract.ts';

// One line a backend (described in room-store-backends.ts): each must keep every promise of `RoomStore`.
runRoomStoreContract('SessionStore', sessionBackend);
runRoomStoreContract('PeerStore', peerBackend);
