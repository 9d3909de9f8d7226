import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { FakeClock, flushIo } from './fake-clock.ts';
import { startTestServer, type TestServer } from './helpers.ts';
import { PeerSocket } from './peer-client.ts';
import { writeCanaryRubrics } from './peer-fixture.ts';

/**
 * A fresh server per test on the canary rubrics and a hand-driven clock, with the sockets a test
 * opens closed after it. Registers its own beforeEach/afterEach; read the fields inside a test.
 */
export function useRoomServer(name: string, canary: string) {
  const env = {
    dir: '',
    clock: new FakeClock(),
    server: undefined as unknown as TestServer,
    sockets: [] as PeerSocket[],
    /** Lets queued room work and socket I/O finish. */
    async settle(): Promise<void> {
      await flushIo();
      await env.server.app.rooms.idle();
      await flushIo();
    },
    async open(): Promise<PeerSocket> {
      const socket = await PeerSocket.open(env.server.wsUrl);
      env.sockets.push(socket);
      return socket;
    },
    /** Closes every socket and the server, then starts a new server on the same database file. */
    async restart(between: () => void | Promise<void> = () => {}): Promise<void> {
      await Promise.all(env.sockets.splice(0).map((socket) => socket.close()));
      await env.server.close();
      await between();
      await start(join(env.dir, 'rubrics'));
    },
    /** A socket that said hello with `token` and got its snapshot. */
    async seat(roomId: string, token: string, extra: object = {}) {
      const socket = await env.open();
      socket.send({ type: 'hello', roomId, token, ...extra });
      const snapshot = await socket.next('snapshot');
      return { socket, snapshot };
    },
  };
  const start = async (rubricsDir: string) => {
    env.server = await startTestServer({
      rubricsDir,
      clock: env.clock,
      dbFile: join(env.dir, 'mlsd.sqlite'),
      webDistDir: join(env.dir, 'no-web'),
    });
  };
  beforeEach(async () => {
    env.dir = mkdtempSync(join(tmpdir(), `mlsd-${name}-`));
    env.clock = new FakeClock();
    await start(writeCanaryRubrics(join(env.dir, 'rubrics'), canary));
  });
  afterEach(async () => {
    await Promise.all(env.sockets.splice(0).map((socket) => socket.close()));
    await env.server.close();
    rmSync(env.dir, { recursive: true, force: true });
  });
  return env;
}
