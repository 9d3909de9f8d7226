import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateSessionResponse,
  OWNER_HEADER,
  type RoomClock,
  ServerMessage,
  type Turn,
} from '@mlsd/protocol';
import WebSocket from 'ws';
import {
  type RedisTestServer,
  startRedisTestServer,
} from '../../../packages/cluster/test/redis-test-server.ts';
import { startPgTestServer } from '../../../packages/db/test/pg-test-server.ts';
import { type Exit, freePort, type Launcher, ServerProcess } from './durability-server.ts';

/**
 * Real processes sharing rooms (issue 15): a throwaway PostgreSQL and Redis, and app instances
 * started on them as child processes on 127.0.0.1. `skipped` says why when a binary is missing
 * (MLSD_REQUIRE_PG / MLSD_REQUIRE_REDIS make that a failure instead).
 */
export async function startBackends(): Promise<
  | { databaseUrl: string; redisUrl: string; redis: RedisTestServer; stop(): Promise<void> }
  | { skipped: string }
> {
  const pg = await startPgTestServer();
  if (!('server' in pg)) return { skipped: pg.skipped };
  const redis = await startRedisTestServer();
  if (!('server' in redis)) {
    await pg.server.stop();
    return { skipped: redis.skipped };
  }
  const database = await pg.server.createDatabase();
  return {
    databaseUrl: database.url,
    redisUrl: redis.server.url,
    redis: redis.server,
    async stop() {
      await redis.server.stop();
      await pg.server.stop();
    },
  };
}

/** One app instance: a child process with its own port and (unused) data directory. */
export class Instance {
  readonly url: string;
  readonly wsUrl: string;
  #process: ServerProcess;
  readonly #dataDir: string;
  /** The end of what it logged (JSON lines on stdout), for a failing test to show. */
  log = '';

  private constructor(process: ServerProcess, port: number, dataDir: string) {
    this.#process = process;
    this.url = `http://127.0.0.1:${port}`;
    this.wsUrl = `ws://127.0.0.1:${port}/ws`;
    this.#dataDir = dataDir;
    process.child.stdout?.on('data', (chunk: Buffer) => {
      this.log = (this.log + chunk.toString('utf8')).slice(-8_000);
    });
  }

  static async start(launcher: Launcher, env: Record<string, string>): Promise<Instance> {
    const dataDir = mkdtempSync(join(tmpdir(), 'mlsd-cluster-'));
    const port = await freePort();
    const process = ServerProcess.spawn(launcher, { dataDir, port, env });
    const instance = new Instance(process, port, dataDir);
    await process.ready();
    return instance;
  }

  get running(): boolean {
    return this.#process.running;
  }

  get stderr(): string {
    return this.#process.stderr;
  }

  /** The process id, for benchmarks that read its CPU time from /proc. */
  get pid(): number | undefined {
    return this.#process.child.pid;
  }

  async kill9(): Promise<void> {
    await this.#process.kill9();
  }

  /** SIGTERM, as `docker stop` sends; the exit it made. */
  async stop(): Promise<Exit> {
    const exit = await this.#process.terminate();
    rmSync(this.#dataDir, { recursive: true, force: true });
    return exit;
  }
}

/** `POST` JSON to an instance; throws unless the status is 201. */
export async function post(base: string, path: string, body: object): Promise<unknown> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [OWNER_HEADER]: 'cluster-test-owner-0123456789' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** A solo session created on `base` (which then runs it): its id and the candidate's token. */
export async function createSolo(base: string, caseId: string, seed: number): Promise<CreateSessionResponse> {
  return CreateSessionResponse.parse(
    await post(base, '/api/sessions', { caseId, durationMinutes: 30, seed }),
  );
}

/**
 * A seat as a browser runs it: it keeps the transcript from snapshots and numbered events, drops
 * events at or below its last seq, reconnects with its last seq when the socket closes (to the
 * next instance that is up, as a proxy would), and resends every command not yet acknowledged
 * with the same client id. It records gaps and repeats instead of hiding them.
 */
export class SeatClient {
  lastSeq = 0;
  transcript: Turn[] = [];
  /** Seqs applied one by one from events (not covered by a snapshot). */
  readonly eventSeqs: number[] = [];
  /** Out-of-order events: a seq that skipped ahead of lastSeq + 1. */
  readonly gaps: string[] = [];
  readonly snapshots: number[] = [];
  /** The clock of every snapshot, in order. */
  readonly clocks: (RoomClock | null)[] = [];
  readonly acked = new Set<string>();
  readonly errors: { code: string; message: string }[] = [];
  status: string | null = null;
  ended = false;
  reconnects = 0;
  #pending = new Map<string, object>();
  #ws: WebSocket | null = null;
  #closed = false;
  #waiters = new Set<() => void>();

  constructor(
    readonly roomId: string,
    readonly token: string,
    /** Where to connect, first choice first; a reconnect picks the first whose `up()` holds. */
    readonly targets: { wsUrl: string; up: () => boolean }[],
  ) {}

  async connect(): Promise<void> {
    const target = this.targets.find((t) => t.up()) ?? this.targets[0]!;
    const ws = new WebSocket(target.wsUrl);
    this.#ws = ws;
    ws.on('message', (data) => this.#onMessage(data.toString()));
    ws.on('close', () => {
      if (this.#ws !== ws || this.#closed) return;
      this.reconnects += 1;
      setTimeout(() => void this.connect().catch(() => this.#retryLater()), 100);
    });
    ws.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    ws.send(JSON.stringify({ type: 'hello', roomId: this.roomId, token: this.token, lastSeq: this.lastSeq }));
  }

  #retryLater(): void {
    if (!this.#closed) setTimeout(() => void this.connect().catch(() => this.#retryLater()), 200);
  }

  /** Sends a command until it is acknowledged (resending after a retryable error or reconnect). */
  command(frame: { clientId: string } & Record<string, unknown>): void {
    this.#pending.set(frame.clientId, frame);
    this.#send(frame);
  }

  /** A frame that is not acknowledged (notes, ratings). */
  send(frame: object): void {
    this.#send(frame);
  }

  async waitFor(check: () => boolean, what: string, ms = 20_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!check()) {
      if (Date.now() > deadline) {
        throw new Error(
          `${this.roomId}: timed out waiting for ${what}; errors: ${JSON.stringify(this.errors.slice(-5))}`,
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.#waiters.add(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      this.#waiters.clear();
    }
  }

  acknowledged(clientId: string, ms?: number): Promise<void> {
    return this.waitFor(() => this.acked.has(clientId), `the ack of ${clientId}`, ms);
  }

  close(): void {
    this.#closed = true;
    this.#ws?.close();
  }

  #send(frame: object): void {
    if (this.#ws?.readyState === WebSocket.OPEN) this.#ws.send(JSON.stringify(frame));
  }

  #onMessage(text: string): void {
    const message = ServerMessage.parse(JSON.parse(text));
    switch (message.type) {
      case 'snapshot':
        this.snapshots.push(message.lastSeq);
        this.clocks.push(message.clock);
        if (message.lastSeq >= this.lastSeq) {
          this.transcript = [...message.transcript];
          this.lastSeq = message.lastSeq;
        }
        this.status = message.room.status;
        // Joined (again): whatever is still unacknowledged goes out once more.
        for (const frame of this.#pending.values()) this.#send(frame);
        break;
      case 'turn':
      case 'step':
      case 'warning':
      case 'ended':
        if (message.seq <= this.lastSeq) break;
        if (message.seq !== this.lastSeq + 1) this.gaps.push(`${this.lastSeq} -> ${message.seq}`);
        this.lastSeq = message.seq;
        this.eventSeqs.push(message.seq);
        if (message.type === 'turn') this.transcript.push(message.turn);
        if (message.type === 'ended') this.ended = true;
        break;
      case 'ack':
        this.acked.add(message.clientId);
        this.#pending.delete(message.clientId);
        break;
      case 'error': {
        this.errors.push({ code: message.code, message: message.message });
        const frame = message.clientId === undefined ? undefined : this.#pending.get(message.clientId);
        if (frame && message.code === 'UNAVAILABLE') setTimeout(() => this.#send(frame), 100);
        break;
      }
      default:
        break;
    }
    for (const wake of this.#waiters) wake();
  }
}

/**
 * A TCP relay in front of Redis for one instance, so that instance alone can lose Redis while the
 * others still reach it (a network partition). `pause()` holds every byte either way, as a frozen
 * link would: nothing is refused or closed, commands simply get no answer until `resume()`.
 */
export class RedisRelay {
  readonly url: string;
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  #held: [Socket, Buffer][] | null = null;

  private constructor(server: Server, port: number) {
    this.#server = server;
    this.url = `redis://127.0.0.1:${port}`;
  }

  static async start(redisUrl: string): Promise<RedisRelay> {
    const target = new URL(redisUrl);
    let relay: RedisRelay | undefined;
    const server = createServer((client) => {
      const upstream = createConnection({ host: target.hostname, port: Number(target.port) });
      relay!.#join(client, upstream);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('the relay has no port');
    relay = new RedisRelay(server, address.port);
    return relay;
  }

  pause(): void {
    this.#held ??= [];
  }

  resume(): void {
    const held = this.#held ?? [];
    this.#held = null;
    for (const [to, chunk] of held) if (!to.destroyed) to.write(chunk);
  }

  async stop(): Promise<void> {
    this.resume();
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #join(client: Socket, upstream: Socket): void {
    const forward = (from: Socket, to: Socket) => {
      this.#sockets.add(from);
      from.on('data', (chunk: Buffer) => {
        if (this.#held) this.#held.push([to, chunk]);
        else to.write(chunk);
      });
      from.on('close', () => {
        this.#sockets.delete(from);
        to.destroy();
      });
      from.on('error', () => undefined);
    };
    forward(client, upstream);
    forward(upstream, client);
  }
}
