export {
  CommandForwarding,
  type CommandForwardingOptions,
  type ForwardedReply,
} from './command-forwarding.ts';
export { ClusterError, type ClusterErrorCode } from './errors.ts';
export { type ClusterKeys, clusterKeys, DEFAULT_PREFIX } from './keys.ts';
export { redisRateLimitOptions } from './rate-limit.ts';
export { blockingConnection, clusterRedisOptions, REDIS_COMMAND_TIMEOUT_MS } from './redis-options.ts';
export {
  type FanoutEvent,
  type FanoutSubscription,
  RoomFanout,
  type RoomFanoutOptions,
  type SubscribeOptions,
} from './room-fanout.ts';
export { type LeaseLossReason, type RoomLease, RoomLeases, type RoomLeasesOptions } from './room-leases.ts';
export {
  type ActiveAdmission,
  SharedActiveCounts,
  type SharedActiveCountsOptions,
} from './shared-active-counts.ts';
export {
  type SharedAdmission,
  SharedSocketCaps,
  type SharedSocketCapsOptions,
} from './shared-socket-caps.ts';
