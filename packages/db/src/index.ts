export { type CreateDbOptions, createDb, type Db, MIGRATIONS_DIR, type Orm } from './create-db.ts';
export { type ObserverLink, ObserverLinks } from './observer-links.ts';
export * as observerSchema from './observer-schema.ts';
export * as peerSchema from './peer-schema.ts';
export {
  type NewPeerRoom,
  type PeerChange,
  type PeerCommitResult,
  type PeerRoomRecord,
  PeerStore,
} from './peer-store.ts';
export { type ReportShareRecord, ReportShares } from './report-shares.ts';
export {
  DAY_MS,
  describePrune,
  type PrunedSession,
  type PruneOptions,
  type PruneResult,
  parseRetentionDays,
  pruneEndedSessions,
} from './retention.ts';
export type { RoomStore } from './room-store.ts';
export * as schema from './schema.ts';
export { isSessionCursor, type SessionPage, type SessionPageQuery } from './session-page.ts';
export { SessionStore } from './session-store.ts';
export * as shareSchema from './share-schema.ts';
export type * from './types.ts';
export type { WriteCheck } from './write-check.ts';
