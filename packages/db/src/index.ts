export { type Async, type AsyncDb, asyncDb, openAsyncDb } from './async-db.ts';
export { type CreateDbOptions, createDb, type Db, MIGRATIONS_DIR, type Orm } from './create-db.ts';
export { type CreatePgDbOptions, createPgDb, PG_MIGRATIONS_DIR, type PgDb } from './create-pg-db.ts';
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
export type { PgOrm } from './pg-commit.ts';
export { FencedError, PgRoomFences } from './pg-fence.ts';
export { PgObserverLinks } from './pg-observer-links.ts';
export { PgPeerStore } from './pg-peer-store.ts';
export { PgReportShares } from './pg-report-shares.ts';
export { prunePgEndedSessions } from './pg-retention.ts';
export * as pgSchema from './pg-schema.ts';
export { PgSessionStore } from './pg-session-store.ts';
export { PgStudyStore } from './pg-study-store.ts';
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
export type { AsyncRoomStore, RoomFence, RoomFencing, RoomStore } from './room-store.ts';
export * as schema from './schema.ts';
export { isSessionCursor, type SessionPage, type SessionPageQuery } from './session-page.ts';
export { SessionStore } from './session-store.ts';
export * as shareSchema from './share-schema.ts';
export * as studySchema from './study-schema.ts';
export {
  type DrillAttemptRecord,
  type OwnedReport,
  type ReviewCardRecord,
  StudyStore,
} from './study-store.ts';
export type * from './types.ts';
export type { WriteCheck } from './write-check.ts';
