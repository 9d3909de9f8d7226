import type { Redis } from 'ioredis';
import { clusterKeys, DEFAULT_PREFIX } from './keys.ts';

// Each instance keeps how many of something it runs per address (address -> count) in its own
// hash, which expires unless its heartbeat writes it again: a dead instance's counts are forgotten
// within the TTL. An admission sums the other live instances' counts for the address, adds what the
// admitting instance counts itself (it knows its own rooms best, to the moment), and if that stays
// within the cap writes the new count into its hash, all in one script: of two instances admitting
// the last place at once, the second sees the first's count.
const ADMIT = `
local others = 0
for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  if id ~= ARGV[2] then
    local key = ARGV[1] .. id
    if redis.call('EXISTS', key) == 0 then
      redis.call('SREM', KEYS[1], id)
    else
      others = others + tonumber(redis.call('HGET', key, ARGV[3]) or '0')
    end
  end
end
local here = tonumber(ARGV[4])
if others + here > tonumber(ARGV[5]) then return {0, others + here - 1} end
local mine = ARGV[1] .. ARGV[2]
redis.call('HSET', mine, ARGV[3], here)
redis.call('PEXPIRE', mine, ARGV[6])
redis.call('SADD', KEYS[1], ARGV[2])
return {1, others + here}`;
// Writes this instance's hash anew from its own counts (ended ones gone, none lost to an expiry).
const HEARTBEAT = `
redis.call('DEL', KEYS[1])
if #ARGV > 2 then
  redis.call('HSET', KEYS[1], unpack(ARGV, 3))
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
redis.call('SADD', KEYS[2], ARGV[2])
return 1`;

export type ActiveAdmission = { ok: true; count: number } | { ok: false; count: number };

export interface SharedActiveCountsOptions {
  instanceId: string;
  /** What is counted (one set of keys each), e.g. 'solo'. */
  name: string;
  /** What this instance runs now, per address: the truth its heartbeat writes. */
  local: () => ReadonlyMap<string, number>;
  /** How long a silent instance's counts still count. */
  ttlMs?: number;
  /** How often this instance writes its counts. */
  heartbeatMs?: number;
  prefix?: string;
}

/**
 * Things running per address (solo interviews), counted across every live instance against a cap.
 * Unlike sockets, what runs is known to the caller (rooms end on their own clock), so each
 * instance reports its counts rather than incrementing and decrementing them: something that ended
 * leaves the shared count at the next heartbeat, or at once on the instance that ran it.
 */
export class SharedActiveCounts {
  readonly #redis: Redis;
  readonly #options: SharedActiveCountsOptions;
  readonly #keys: { hash: (instanceId: string) => string; instances: string };
  readonly #ttlMs: number;
  readonly #timer: NodeJS.Timeout;

  constructor(redis: Redis, options: SharedActiveCountsOptions) {
    this.#redis = redis;
    this.#options = options;
    const keys = clusterKeys(options.prefix ?? DEFAULT_PREFIX);
    this.#keys = {
      hash: (instanceId) => keys.active(options.name, instanceId),
      instances: keys.activeInstances(options.name),
    };
    this.#ttlMs = options.ttlMs ?? 15_000;
    const heartbeatMs = options.heartbeatMs ?? Math.floor(this.#ttlMs / 3);
    this.#timer = setInterval(() => void this.heartbeat().catch(() => {}), heartbeatMs);
    this.#timer.unref();
  }

  /**
   * Whether `address` may run one more: `here` is what this instance runs for it counting the new
   * one. `count` is the address's total across instances (with the new one when admitted).
   * Throws when Redis does not answer; the caller decides what then.
   */
  async admit(address: string, here: number, max: number): Promise<ActiveAdmission> {
    const [admitted, count] = (await this.#redis.eval(
      ADMIT,
      1,
      this.#keys.instances,
      this.#keys.hash(''),
      this.#options.instanceId,
      address,
      here,
      max,
      this.#ttlMs,
    )) as [number, number];
    return { ok: admitted === 1, count };
  }

  /** Writes this instance's counts (also run on a timer). */
  async heartbeat(): Promise<void> {
    const fields: (string | number)[] = [];
    for (const [address, count] of this.#options.local()) if (count > 0) fields.push(address, count);
    await this.#redis.eval(
      HEARTBEAT,
      2,
      this.#keys.hash(this.#options.instanceId),
      this.#keys.instances,
      this.#ttlMs,
      this.#options.instanceId,
      ...fields,
    );
  }

  /** Stops the heartbeat and takes this instance's counts out at once (a graceful shutdown). */
  async close(): Promise<void> {
    clearInterval(this.#timer);
    await this.#redis
      .multi()
      .del(this.#keys.hash(this.#options.instanceId))
      .srem(this.#keys.instances, this.#options.instanceId)
      .exec();
  }
}
