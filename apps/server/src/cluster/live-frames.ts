import { clusterKeys, DEFAULT_PREFIX } from '@mlsd/cluster';
import type { ServerMessage } from '@mlsd/protocol';
import type { Redis } from 'ioredis';
import type { LiveFrame } from './messages.ts';

/**
 * The frames a room sends that are not stored (presence, acknowledgements, drafts of a reply, a
 * fresh snapshot when a lobby starts), from the owner to seats on other instances: one pub/sub
 * channel per instance. Pub/sub may drop frames while a connection is down; nothing here needs to
 * survive that, because whatever is stored comes through the fan-out stream, and a seat that
 * rejoins gets a snapshot.
 */
export class LiveFrames {
  readonly #redis: Redis;
  readonly #subscriber: Redis;
  readonly #keys;
  readonly #instanceId: string;
  readonly #deliver = new Map<string, (message: ServerMessage) => void>();

  constructor(redis: Redis, instanceId: string, prefix = DEFAULT_PREFIX) {
    this.#redis = redis;
    this.#instanceId = instanceId;
    this.#keys = clusterKeys(prefix);
    this.#subscriber = redis.duplicate();
    this.#subscriber.on('error', () => undefined);
    this.#subscriber.on('message', (_channel: string, text: string) => this.#onFrame(text));
  }

  async start(): Promise<void> {
    await this.#subscriber.subscribe(this.#keys.live(this.#instanceId));
  }

  /** Sends a frame to the instance its connection is on (`conn` is `<instanceId>/<n>`). */
  send(frame: LiveFrame): void {
    const instanceId = frame.conn.slice(0, frame.conn.lastIndexOf('/'));
    void this.#redis.publish(this.#keys.live(instanceId), JSON.stringify(frame)).catch(() => undefined);
  }

  /** Frames for `conn` go to `deliver` until the returned function is called. */
  listen(conn: string, deliver: (message: ServerMessage) => void): () => void {
    this.#deliver.set(conn, deliver);
    return () => {
      if (this.#deliver.get(conn) === deliver) this.#deliver.delete(conn);
    };
  }

  close(): void {
    this.#deliver.clear();
    this.#subscriber.disconnect();
  }

  #onFrame(text: string): void {
    let frame: LiveFrame;
    try {
      frame = JSON.parse(text) as LiveFrame;
    } catch {
      return;
    }
    this.#deliver.get(frame.conn)?.(frame.message);
  }
}
