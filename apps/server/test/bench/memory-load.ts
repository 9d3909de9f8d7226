import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

/** Memory of idle sessions with a connected socket each, measured in the server process after GC. */
export interface MemoryFigures {
  sessions: number;
  /** Per session, in KiB: live session alone (created, no socket) and with its socket connected. */
  rssPerSessionKiB: number;
  heapPerSessionKiB: number;
  rssPerSocketKiB: number;
  heapPerSocketKiB: number;
  /** RSS per idle connected session: session plus socket. */
  rssPerConnectedKiB: number;
  baselineRssMiB: number;
}

const HERE = fileURLToPath(new URL('.', import.meta.url));
const SERVER_DIR = fileURLToPath(new URL('../../', import.meta.url));

interface Usage {
  rss: number;
  heapUsed: number;
}

function ask<T>(child: ChildProcess, message: object): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (reply) => resolve(reply as T));
    child.send(message);
  });
}

async function connectAll(port: number, sessions: { id: string; token: string }[]): Promise<WebSocket[]> {
  const sockets: WebSocket[] = [];
  for (let at = 0; at < sessions.length; at += 100) {
    const batch = sessions.slice(at, at + 100).map(
      (session) =>
        new Promise<WebSocket>((resolve, reject) => {
          const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { perMessageDeflate: false });
          ws.once('open', () =>
            ws.send(JSON.stringify({ type: 'hello', roomId: session.id, token: session.token, lastSeq: 0 })),
          );
          ws.once('message', () => resolve(ws));
          ws.on('error', reject);
        }),
    );
    sockets.push(...(await Promise.all(batch)));
  }
  return sockets;
}

export async function measureMemory(count: number): Promise<MemoryFigures> {
  const child = fork(`${HERE}memory-server.ts`, [], {
    cwd: SERVER_DIR,
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const sockets: WebSocket[] = [];
  try {
    const { port } = await new Promise<{ port: number }>((resolve) =>
      child.once('message', (m) => resolve(m as { port: number })),
    );
    // Warm up: code paths compiled, caches filled, pools allocated.
    const warm = await ask<{ sessions: { id: string; token: string }[] }>(child, {
      type: 'create',
      count: 50,
    });
    sockets.push(...(await connectAll(port, warm.sessions)));
    const base = (await ask<{ usage: Usage }>(child, { type: 'measure' })).usage;
    const created = await ask<{ sessions: { id: string; token: string }[] }>(child, {
      type: 'create',
      count,
    });
    const afterCreate = (await ask<{ usage: Usage }>(child, { type: 'measure' })).usage;
    sockets.push(...(await connectAll(port, created.sessions)));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const afterConnect = (await ask<{ usage: Usage }>(child, { type: 'measure' })).usage;
    const kib = (bytes: number) => bytes / 1024 / count;
    return {
      sessions: count,
      rssPerSessionKiB: kib(afterCreate.rss - base.rss),
      heapPerSessionKiB: kib(afterCreate.heapUsed - base.heapUsed),
      rssPerSocketKiB: kib(afterConnect.rss - afterCreate.rss),
      heapPerSocketKiB: kib(afterConnect.heapUsed - afterCreate.heapUsed),
      rssPerConnectedKiB: kib(afterConnect.rss - base.rss),
      baselineRssMiB: base.rss / 2 ** 20,
    };
  } finally {
    for (const ws of sockets) ws.terminate();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.send({ type: 'stop' });
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
}
