import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HealthResponse } from '@mlsd/protocol';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { startPgTestServer } from '../../../packages/db/test/pg-test-server.ts';
import { buildApp } from '../src/app.ts';
import { freePort } from './durability-server.ts';
import { FakeClock } from './fake-clock.ts';
import { writeFixtureRubrics } from './rubric-fixture.ts';
import { answerAndReply, createSoloSession } from './solo-session.ts';
import { TestSocket } from './ws-client.ts';

// A database that is not there (issue 15, "Bad input"). At start: a clear error naming
// DATABASE_URL. While running: the server must stop acknowledging rather than acknowledge what it
// cannot store, and its health check must say so, so that a proxy or an orchestrator sees it.
// The second test has its own PostgreSQL server, since it stops it; skipped without PostgreSQL
// binaries unless MLSD_REQUIRE_PG=1 (CI).

describe('DATABASE_URL pointing at no PostgreSQL', () => {
  it('refuses to start with an error naming the variable, without the password', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlsd-pg-none-'));
    try {
      // A port that was free a moment ago: nothing answers there.
      const port = await freePort();
      const starting = buildApp({
        db: `postgres://mlsd:hunter22@127.0.0.1:${port}/mlsd`,
        rubricsDir: writeFixtureRubrics(join(dir, 'rubrics')),
        webDistDir: join(dir, 'no-web'),
      });
      const error = await starting.then(
        () => null,
        (caught: unknown) => caught as Error,
      );
      expect(error?.message).toMatch(
        new RegExp(
          `^DATABASE_URL: cannot open the PostgreSQL database at postgres://mlsd:\\*\\*\\*@127\\.0\\.0\\.1:${port}/mlsd \\(.*ECONNREFUSED`,
        ),
      );
      expect(error?.message).toMatch(/unset it to keep the data in SQLite/);
      expect(error?.message).not.toContain('hunter22');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const pg = await startPgTestServer();
const pgServer = 'server' in pg ? pg.server : undefined;
let stopped = false;
afterAll(async () => {
  if (pgServer && !stopped) await pgServer.stop();
});
const describePg = pgServer ? describe : describe.skip;

describePg(
  `the server on PostgreSQL when the database goes away${pgServer ? '' : ` (skipped: ${'skipped' in pg ? pg.skipped : ''})`}`,
  () => {
    let app: FastifyInstance | null = null;
    let dir = '';
    const sockets: TestSocket[] = [];

    afterAll(async () => {
      await Promise.all(sockets.splice(0).map((socket) => socket.close()));
      // Closing waits on connections that will never answer; server.ts gives up after 10 s too.
      const closing = app?.close().catch(() => undefined);
      await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      rmSync(dir, { recursive: true, force: true });
    });

    it('acknowledges nothing it could not store, and reports unhealthy', async () => {
      dir = mkdtempSync(join(tmpdir(), 'mlsd-pg-loss-'));
      const database = await pgServer!.createDatabase();
      app = await buildApp({
        db: database.url,
        rubricsDir: writeFixtureRubrics(join(dir, 'rubrics')),
        clock: new FakeClock(),
        webDistDir: join(dir, 'no-web'),
      });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const base = `http://127.0.0.1:${port}`;
      const session = await createSoloSession(base, 30);
      const socket = await TestSocket.open(`ws://127.0.0.1:${port}/ws`);
      sockets.push(socket);
      socket.send({ type: 'hello', roomId: session.id, token: session.token, lastSeq: 0 });
      await socket.next('snapshot');
      const before = await answerAndReply(socket, 'kept-1', 'zebra facet1 because the feed goes stale.');
      expect(before.ack.duplicate).toBe(false);

      // The database server stops (immediate shutdown: connections are cut, as in a crash).
      stopped = true;
      await pgServer!.stop();

      socket.send({ type: 'say', clientId: 'lost-1', text: 'zebra facet2 said while the database is down.' });
      const answer = await socket.waitFor(
        (message) => message.type === 'error' || message.type === 'ack',
        15_000,
        'an error or an ack for lost-1',
      );
      expect(answer).toMatchObject({
        type: 'error',
        code: 'INTERNAL',
        message: expect.stringMatching(/stored nothing/),
      });
      // Nothing about lost-1 may have been acknowledged or shown as stored.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(
        socket.received.some(
          (message) =>
            (message.type === 'ack' && message.clientId === 'lost-1') ||
            (message.type === 'turn' && message.turn.clientId === 'lost-1'),
        ),
      ).toBe(false);

      const health = await fetch(`${base}/api/health`);
      expect(health.status).toBe(503);
      expect(HealthResponse.parse(await health.json())).toMatchObject({ ok: false, db: 'error' });
    }, 60_000);
  },
);
