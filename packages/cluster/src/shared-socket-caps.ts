import type { Redis } from 'ioredis';
import { clusterKeys, DEFAULT_PREFIX } from './keys.ts';

// Each instance keeps its open sockets in its own hash (address -> count, plus TOTAL), which
// expires unless the instance's heartbeat renews it: a dead instance's sockets are forgotten
// within the TTL. Admission sums the hashes of the live instances and counts in, in one script.
const TOTAL = '#total';
const ADMIT = `
local per, total = 0, 0
for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local key = ARGV[1] .. id
  if redis.call('EXISTS', key) == 0 then
    redis.call('SREM', KEYS[1], id)
  else
    per = per + tonumber(redis.call('HGET', key, ARGV[3]) or '0')
    total = total + tonumber(redis.call('HGET', key, '${TOTAL}') or '0')
  end
end
if per >= tonumber(ARGV[4]) then return {0, 'address', per} end
if total >= tonumber(ARGV[5]) then return {0, 'total', total} end
local mine = ARGV[1] .. ARGV[2]
redis.call('HINCRBY', mine, ARGV[3], 1)
redis.call('HINCRBY', mine, '${TOTAL}', 1)
redis.call('PEXPIRE', mine, ARGV[6])
redis.call('SADD', KEYS[1], ARGV[2])
return {1, 'ok', per + 1}`;
const RELEASE = `
if redis.call('HINCRBY', KEYS[1], ARGV[1], -1) <= 0 then redis.call('HDEL', KEYS[1], ARGV[1]) end
if redis.call('HINCRBY', KEYS[1], '${TOTAL}', -1) <= 0 then redis.call('HDEL', KEYS[1], '${TOTAL}') end
return 1`;
// Writes this instance's hash anew from its own counts, which are the truth about its sockets: a
// hash that expired (Redis was unreachable for a while) comes back, and a count that went astray
// (an admission that timed out here but ran in Redis later) is corrected. An admission whose
// answer is still on its way when a heartbeat is written goes uncounted until the next one: the
// caps err on the lenient side for a few seconds, never refuse a socket they should admit.
const HEARTBEAT = `
redis.call('DEL', KEYS[1])
if #ARGV > 2 then redis.call('HSET', KEYS[1], unpack(ARGV, 3)) end
redis.call('PEXPIRE', KEYS[1], ARGV[1])
redis.call('SADD', KEYS[2], ARGV[2])
return 1`;

export type SharedAdmission =
  | { ok: true; release: () => Promise<void> }
  | { ok: false; limit: 'address' | 'total'; count: number };

export interface SharedSocketCapsOptions {
  instanceId: string;
  perAddress: number;
  total: number;
  /** How long a silent instance's sockets still count. */
  ttlMs?: number;
  /** How often this instance says it is alive. */
  heartbeatMs?: number;
  prefix?: string;
}

/** Open sockets per remote address and in total, counted across every live instance. */
export class SharedSocketCaps {
  readonly #redis: Redis;
  readonly #options: SharedSocketCapsOptions;
  readonly #keys;
  readonly #ttlMs: number;
  readonly #local = new Map<string, number>();
  readonly #timer: NodeJS.Timeout;

  constructor(redis: Redis, options: SharedSocketCapsOptions) {
    this.#redis = redis;
    this.#options = options;
    this.#keys = clusterKeys(options.prefix ?? DEFAULT_PREFIX);
    this.#ttlMs = options.ttlMs ?? 15_000;
    const heartbeatMs = options.heartbeatMs ?? Math.floor(this.#ttlMs / 3);
    this.#timer = setInterval(() => void this.heartbeat().catch(() => {}), heartbeatMs);
    this.#timer.unref();
  }

  /**
   * Counts a socket in, or says which cap it would pass. Throws when Redis does not answer in
   * time; the caller decides what then (the server admits the socket uncounted rather than refuse
   * everyone). If the count still runs in Redis later, the next heartbeat takes it out again.
   */
  async admit(address: string): Promise<SharedAdmission> {
    const { instanceId, perAddress, total } = this.#options;
    const [admitted, limit, count] = (await this.#redis.eval(
      ADMIT,
      1,
      this.#keys.socketInstances(),
      this.#keys.sockets(''),
      instanceId,
      address,
      perAddress,
      total,
      this.#ttlMs,
    )) as [number, string, number];
    if (admitted !== 1) return { ok: false, limit: limit === 'address' ? 'address' : 'total', count };
    this.#local.set(address, (this.#local.get(address) ?? 0) + 1);
    let released = false;
    return {
      ok: true,
      release: async () => {
        if (released) return;
        released = true;
        const left = (this.#local.get(address) ?? 1) - 1;
        if (left <= 0) this.#local.delete(address);
        else this.#local.set(address, left);
        await this.#redis.eval(RELEASE, 1, this.#keys.sockets(instanceId), address);
      },
    };
  }

  /** Renews this instance's counts (also run on a timer). */
  async heartbeat(): Promise<void> {
    const fields: (string | number)[] = [];
    let total = 0;
    for (const [address, count] of this.#local) {
      fields.push(address, count);
      total += count;
    }
    if (total > 0) fields.push(TOTAL, total);
    await this.#redis.eval(
      HEARTBEAT,
      2,
      this.#keys.sockets(this.#options.instanceId),
      this.#keys.socketInstances(),
      this.#ttlMs,
      this.#options.instanceId,
      ...fields,
    );
  }

  /** Stops the heartbeat and forgets this instance's sockets at once (a graceful shutdown). */
  async close(): Promise<void> {
    clearInterval(this.#timer);
    this.#local.clear();
    await this.#redis
      .multi()
      .del(this.#keys.sockets(this.#options.instanceId))
      .srem(this.#keys.socketInstances(), this.#options.instanceId)
      .exec();
  }
}
