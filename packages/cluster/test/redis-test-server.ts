import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stopOnExit } from '@mlsd/testkit/stop-on-exit';
import { Redis, type RedisOptions } from 'ioredis';

/**
 * A throwaway Redis for the tests: `redis-server` on 127.0.0.1 at a free port, no persistence,
 * working in a temp dir, stopped and removed by `stop()` or, at the latest, when the test process
 * exits. Without the binary the tests that need it are skipped with the reason, unless
 * MLSD_REQUIRE_REDIS=1 (as in CI), which makes that a failure.
 */
export interface RedisTestServer {
  url: string;
  /** A new client (`options` on top of the defaults); closed by `stop()` if the test has not closed it. */
  connect(options?: RedisOptions): Redis;
  /** Stops the server process in its tracks (SIGSTOP): connections stay open but nothing answers. */
  freeze(): void;
  /** Lets a frozen server go on (SIGCONT), with its data and the time that passed meanwhile. */
  thaw(): void;
  stop(): Promise<void>;
}

export type RedisTestServerOrSkip = { server: RedisTestServer } | { skipped: string };

const START_TIMEOUT_MS = 30_000;

/** Where redis-server is: MLSD_REDIS_SERVER, Debian's /usr/bin, then PATH. */
export function findRedisServer(): string | undefined {
  const candidates = [
    process.env.MLSD_REDIS_SERVER,
    '/usr/bin/redis-server',
    ...(process.env.PATH ?? '')
      .split(':')
      .filter(Boolean)
      .map((dir) => join(dir, 'redis-server')),
  ];
  return candidates.find((path): path is string => !!path && existsSync(path));
}

/** Starts a server, or says why it cannot (and throws instead when MLSD_REQUIRE_REDIS=1). */
export async function startRedisTestServer(
  options: { bin?: string | null } = {},
): Promise<RedisTestServerOrSkip> {
  const required = process.env.MLSD_REQUIRE_REDIS === '1';
  const skip = (reason: string): RedisTestServerOrSkip => {
    if (required) throw new Error(`MLSD_REQUIRE_REDIS=1 but Redis cannot run: ${reason}`);
    console.warn(`[redis tests skipped] ${reason} (install redis-server, or set MLSD_REDIS_SERVER to it)`);
    return { skipped: reason };
  };
  const bin = options.bin === undefined ? findRedisServer() : (options.bin ?? undefined);
  if (!bin) return skip('no redis-server found in MLSD_REDIS_SERVER, /usr/bin or PATH');

  const dir = mkdtempSync(join(tmpdir(), 'mlsd-redis-'));
  const port = await freePort();
  let child: ChildProcess | undefined = spawn(
    bin,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
      '--protected-mode',
      'yes',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  });
  const stopSync = () => {
    child?.kill('SIGKILL');
    child = undefined;
    rmSync(dir, { recursive: true, force: true });
  };
  const unwatch = stopOnExit(stopSync);

  const url = `redis://127.0.0.1:${port}`;
  const clients = new Set<Redis>();
  const connect = (options: RedisOptions = {}) => {
    const client = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 1, ...options });
    client.on('error', () => {});
    clients.add(client);
    client.once('end', () => clients.delete(client));
    return client;
  };
  try {
    await waitUntilReady(url, () => child?.exitCode ?? null);
  } catch (error) {
    stopSync();
    unwatch();
    throw new Error(`Redis test server did not start: ${(error as Error).message}\n${output}`);
  }
  return {
    server: {
      url,
      connect,
      freeze: () => void child?.kill('SIGSTOP'),
      thaw: () => void child?.kill('SIGCONT'),
      async stop() {
        for (const client of clients) client.disconnect();
        stopSync();
        unwatch();
      },
    },
  };
}

async function waitUntilReady(url: string, exited: () => number | null): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const code = exited();
    if (code !== null) throw new Error(`redis-server exited with ${code}`);
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => {});
    try {
      await probe.connect();
      if ((await probe.ping()) === 'PONG') return;
    } catch {
      // not listening yet
    } finally {
      probe.disconnect();
    }
    if (Date.now() > deadline) throw new Error(`no PONG within ${START_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
