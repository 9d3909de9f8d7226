/**
 * Every Redis key this package uses, in one place. The room id sits in `{}` (a Redis Cluster hash
 * tag) so a room's lease, token and stream land on one slot and a Lua script may touch them all.
 */
export function clusterKeys(prefix: string) {
  return {
    lease: (roomId: string) => `${prefix}lease:{${roomId}}`,
    leaseToken: (roomId: string) => `${prefix}lease-token:{${roomId}}`,
    events: (roomId: string) => `${prefix}events:{${roomId}}`,
    inbox: (instanceId: string) => `${prefix}inbox:${instanceId}`,
    replies: (instanceId: string) => `${prefix}replies:${instanceId}`,
    /** Pub/sub channel: a room's unnumbered frames (presence, acks, drafts) for seats on one instance. */
    live: (instanceId: string) => `${prefix}live:${instanceId}`,
    sockets: (instanceId: string) => `${prefix}sockets:${instanceId}`,
    socketInstances: () => `${prefix}socket-instances`,
    /** One instance's running things of one kind per address (hash address -> count). */
    active: (name: string, instanceId: string) => `${prefix}active:${name}:${instanceId}`,
    activeInstances: (name: string) => `${prefix}active-instances:${name}`,
    rateLimit: () => `${prefix}rate:`,
  };
}

export type ClusterKeys = ReturnType<typeof clusterKeys>;

export const DEFAULT_PREFIX = 'mlsd:';
