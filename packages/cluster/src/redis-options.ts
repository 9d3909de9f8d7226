import type { Redis, RedisOptions } from 'ioredis';

/**
 * How long a command may wait for Redis's answer before it fails with "Command timed out"
 * (ioredis's `commandTimeout`). A Redis that hangs (paused, swapping, a half-open connection)
 * keeps its TCP connection, so without this a command would wait for as long as it hangs: a lease
 * renewal, an owner lookup, a rate-limit count in front of every request. One second is longer than
 * Redis takes for any command we send, and shorter than the renewal interval of the shortest lease
 * the server uses (0.9 s of a 3 s TTL, plus the one in flight), so a renewal that hangs is given up
 * and tried afresh well before the lease could run out.
 *
 * A command that timed out may still run once Redis answers again (it was sent): every command we
 * send is safe to run late (renewals and releases are compare-and-set, counts are corrected by the
 * next heartbeat) except taking a lease, which `RoomLeases.acquire` undoes itself.
 */
export const REDIS_COMMAND_TIMEOUT_MS = 1_000;

/** The options every client of the cluster starts from; spread them into `new Redis(url, {...})`. */
export function clusterRedisOptions(
  commandTimeoutMs = REDIS_COMMAND_TIMEOUT_MS,
): Pick<RedisOptions, 'commandTimeout'> {
  return { commandTimeout: commandTimeoutMs };
}

/**
 * A connection of its own for blocking reads (XREAD BLOCK, BLPOP), without the command timeout:
 * it would cut every wait that is longer than it, and a read given up on the client while it is
 * still queued in Redis would take what it reads (a forwarded command) and have it dropped.
 * While Redis hangs these reads wait with it; nothing else waits on them.
 */
export function blockingConnection(redis: Redis): Redis {
  return redis.duplicate({ commandTimeout: undefined });
}
