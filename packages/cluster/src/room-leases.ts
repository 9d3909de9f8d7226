import type { Redis } from 'ioredis';
import { clusterKeys, DEFAULT_PREFIX } from './keys.ts';

// The lease's value is "<instanceId>:<token>", so only the instance that took it under that token
// renews or releases it: a holder that was paused past the TTL and lost it cannot touch the next one.
// ARGV[3], a floor: a Redis that lost its data (restarted empty) must not hand out tokens below
// those the database has already seen, or the new owner would be fenced out of its own room.
const ACQUIRE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return false end
local last = tonumber(redis.call('GET', KEYS[2]) or '0')
if last < tonumber(ARGV[3]) then redis.call('SET', KEYS[2], ARGV[3]) end
local token = redis.call('INCR', KEYS[2])
redis.call('SET', KEYS[1], ARGV[1] .. ':' .. token, 'PX', ARGV[2])
return token`;
// With ARGV[3] (the token), a lease whose key expired while Redis could not be reached is set
// again, but only if nobody acquired the room since: the token counter still stands at ours.
const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
if ARGV[3] ~= '' and redis.call('EXISTS', KEYS[1]) == 0 and redis.call('GET', KEYS[2]) == ARGV[3] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0`;
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;
// After an acquisition whose answer never came (a command timeout): the script may still run
// once Redis answers again, leaving a lease nobody here uses. This one, sent behind it on the same
// connection and so run after it, removes any lease this instance holds on the room.
const UNDO_ACQUIRE = `
local value = redis.call('GET', KEYS[1])
if value and string.sub(value, 1, #ARGV[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export interface RoomLeasesOptions {
  /** This instance; unique across the cluster and across restarts (a uuid). */
  instanceId: string;
  /** How long a lease lives without renewal: the longest a dead owner keeps its rooms. */
  ttlMs?: number;
  /** How often a held lease is renewed; well under the TTL so one slow round trip is survived. */
  renewEveryMs?: number;
  /** false: no renewal timer; the caller renews (a test pauses a holder this way). */
  autoRenew?: boolean;
  /**
   * true: a lease whose renewals fail (Redis unreachable) is not given up when its TTL passes; it
   * keeps renewing and is set again when Redis answers, unless another instance acquired the room
   * meanwhile ('taken'). Only for holders whose writes the store fences by token (a deposed holder
   * keeps running until its next write is refused), so a Redis outage does not stop every room.
   */
  holdThroughOutage?: boolean;
  prefix?: string;
}

/**
 * Why a lease ended without `release()`: another instance holds it now, or renewals failed for a
 * whole TTL (never with `holdThroughOutage`: such a lease ends only when taken).
 */
export type LeaseLossReason = 'taken' | 'expired';

export interface RoomLease {
  readonly roomId: string;
  /** The fencing token: higher than every earlier lease's on this room. */
  readonly token: number;
  /** Until when (local clock) the lease is surely ours, as of the last successful renewal. */
  readonly validUntil: number;
  readonly held: boolean;
  /** Renews now; false when the lease is no longer ours (which also ends it and calls `onLost`). */
  renew(): Promise<boolean>;
  /** Gives the room up at once (only if still ours) and stops renewing. */
  release(): Promise<void>;
  /** Called once when the lease is lost rather than released. */
  onLost(listener: (reason: LeaseLossReason) => void): void;
}

/**
 * One lease per room across instances: the holder runs the room's engine, timer and model calls.
 * Held leases renew themselves; an owner that dies stops renewing and its lease expires within
 * the TTL, after which another instance's `acquire` succeeds with a higher fencing token.
 */
export class RoomLeases {
  readonly instanceId: string;
  readonly ttlMs: number;
  readonly renewEveryMs: number;
  readonly autoRenew: boolean;
  readonly holdThroughOutage: boolean;
  readonly #redis: Redis;
  readonly #keys;
  readonly #held = new Map<string, Lease>();

  constructor(redis: Redis, options: RoomLeasesOptions) {
    this.#redis = redis;
    this.instanceId = options.instanceId;
    this.ttlMs = options.ttlMs ?? 5_000;
    this.renewEveryMs = options.renewEveryMs ?? Math.floor(this.ttlMs * 0.3);
    if (this.renewEveryMs >= this.ttlMs) throw new Error('renewEveryMs must be shorter than ttlMs');
    this.autoRenew = options.autoRenew ?? true;
    this.holdThroughOutage = options.holdThroughOutage ?? false;
    this.#keys = clusterKeys(options.prefix ?? DEFAULT_PREFIX);
  }

  /**
   * Takes the room's lease, or null when another live instance holds it. `atLeast`: the token is
   * above it (the highest the store has seen), even if Redis lost its counters.
   */
  async acquire(roomId: string, atLeast = 0): Promise<RoomLease | null> {
    const mine = this.#held.get(roomId);
    if (mine?.held) return mine;
    const started = Date.now();
    let token: number | null;
    try {
      token = (await this.#redis.eval(
        ACQUIRE,
        2,
        this.#keys.lease(roomId),
        this.#keys.leaseToken(roomId),
        this.instanceId,
        this.ttlMs,
        atLeast,
      )) as number | null;
    } catch (error) {
      // Unless another call took the room here meanwhile, give back what the script may yet take.
      if (!this.#held.get(roomId)?.held) {
        void this.#redis
          .eval(UNDO_ACQUIRE, 1, this.#keys.lease(roomId), `${this.instanceId}:`)
          .catch(() => undefined);
      }
      throw error;
    }
    if (token === null) return null;
    const lease = new Lease(this, roomId, Number(token), started + this.ttlMs);
    this.#held.set(roomId, lease);
    if (this.autoRenew) lease.start();
    return lease;
  }

  /** Which instance holds the room now, with its token; null when none does. */
  async holder(roomId: string): Promise<{ instanceId: string; token: number } | null> {
    const value = await this.#redis.get(this.#keys.lease(roomId));
    if (!value) return null;
    const cut = value.lastIndexOf(':');
    return { instanceId: value.slice(0, cut), token: Number(value.slice(cut + 1)) };
  }

  /** The leases this instance holds. */
  held(): RoomLease[] {
    return [...this.#held.values()];
  }

  /** Releases every held lease (a graceful shutdown hands rooms over at once, not after the TTL). */
  async close(): Promise<void> {
    await Promise.all([...this.#held.values()].map((lease) => lease.release()));
  }

  /** @internal */
  async renewOnRedis(roomId: string, value: string, token: number): Promise<boolean> {
    const reinstate = this.holdThroughOutage ? String(token) : '';
    const renewed = await this.#redis.eval(
      RENEW,
      2,
      this.#keys.lease(roomId),
      this.#keys.leaseToken(roomId),
      value,
      this.ttlMs,
      reinstate,
    );
    return renewed === 1;
  }

  /** @internal */
  async releaseOnRedis(roomId: string, value: string): Promise<void> {
    await this.#redis.eval(RELEASE, 1, this.#keys.lease(roomId), value);
  }

  /** @internal */
  forget(lease: Lease): void {
    if (this.#held.get(lease.roomId) === lease) this.#held.delete(lease.roomId);
  }
}

class Lease implements RoomLease {
  #validUntil: number;
  #ended = false;
  #timer: NodeJS.Timeout | undefined;
  #renewing: Promise<boolean> | undefined;
  readonly #listeners: ((reason: LeaseLossReason) => void)[] = [];

  constructor(
    readonly owner: RoomLeases,
    readonly roomId: string,
    readonly token: number,
    validUntil: number,
  ) {
    this.#validUntil = validUntil;
  }

  get validUntil(): number {
    return this.#validUntil;
  }

  get held(): boolean {
    return !this.#ended && Date.now() < this.#validUntil;
  }

  get #value(): string {
    return `${this.owner.instanceId}:${this.token}`;
  }

  start(): void {
    this.#timer = setInterval(() => {
      // Checked apart from renewals: a renewal stuck on a dead connection must not keep the room.
      if (Date.now() >= this.#validUntil && !this.owner.holdThroughOutage) this.#lose('expired');
      else void this.renew().catch(() => {});
    }, this.owner.renewEveryMs);
    this.#timer.unref();
  }

  renew(): Promise<boolean> {
    if (this.#ended) return Promise.resolve(false);
    this.#renewing ??= this.#renewOnce().finally(() => {
      this.#renewing = undefined;
    });
    return this.#renewing;
  }

  async #renewOnce(): Promise<boolean> {
    const started = Date.now();
    let ours: boolean;
    try {
      ours = await this.owner.renewOnRedis(this.roomId, this.#value, this.token);
    } catch {
      // Redis unreachable: keep trying while the lease may still be ours, then give the room up
      // (or, holding through the outage, keep trying until Redis answers).
      if (Date.now() >= this.#validUntil && !this.owner.holdThroughOutage) this.#lose('expired');
      return false;
    }
    if (this.#ended) return false;
    if (!ours) {
      const expired = Date.now() >= this.#validUntil && !this.owner.holdThroughOutage;
      this.#lose(expired ? 'expired' : 'taken');
      return false;
    }
    // Measured from before the call: the key may have been extended at any moment after it.
    this.#validUntil = started + this.owner.ttlMs;
    return true;
  }

  async release(): Promise<void> {
    if (this.#ended) return;
    this.#end();
    await this.owner.releaseOnRedis(this.roomId, this.#value);
  }

  onLost(listener: (reason: LeaseLossReason) => void): void {
    this.#listeners.push(listener);
  }

  #end(): void {
    this.#ended = true;
    clearInterval(this.#timer);
    this.owner.forget(this);
  }

  #lose(reason: LeaseLossReason): void {
    if (this.#ended) return;
    this.#end();
    for (const listener of this.#listeners) listener(reason);
  }
}
