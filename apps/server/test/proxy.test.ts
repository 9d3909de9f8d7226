import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaseSummary, CreateSessionResponse, HealthResponse } from '@mlsd/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startPgTestServer } from '../../../packages/db/test/pg-test-server.ts';
import { freePort, type Launcher, prepareLauncher, ServerProcess } from './durability-server.ts';
import { type NginxProxy, nginxOrSkip, startNginx } from './proxy-nginx.ts';
import { FIXTURE_CASE_ID, writeFixtureRubrics } from './rubric-fixture.ts';
import { answerAndReply } from './solo-session.ts';
import { TestSocket } from './ws-client.ts';

// deploy/nginx.conf (the compose scale profile's proxy) run by Debian's nginx in front of two real
// app processes on one throwaway PostgreSQL database: HTTP, the websocket upgrade, the user header
// a client makes up, and an instance killed under the proxy. Without REDIS_URL the two instances
// share the database only; that is enough to prove the proxy. Skipped without nginx or PostgreSQL
// binaries, unless MLSD_REQUIRE_NGINX=1 / MLSD_REQUIRE_PG=1 (CI), which make that a failure.

const nginx = nginxOrSkip();
const pg = 'bin' in nginx ? await startPgTestServer() : { skipped: 'no nginx' };
const pgServer = 'server' in pg ? pg.server : undefined;
if (pgServer) afterAll(() => pgServer.stop());
const skipped = 'skipped' in nginx ? nginx.skipped : 'skipped' in pg ? pg.skipped : null;
const describeProxy = skipped === null ? describe : describe.skip;

/** What the instances trust the user header from: the proxy, which connects from loopback here. */
const USER_HEADER = 'x-forwarded-user';

describeProxy(`deploy/nginx.conf in front of two instances${skipped ? ` (skipped: ${skipped})` : ''}`, () => {
  let dir: string;
  let launcher: Launcher;
  let database: { url: string; drop(): Promise<void> };
  let env: Record<string, string>;
  const ports: [number, number] = [0, 0];
  const instances: [ServerProcess | null, ServerProcess | null] = [null, null];
  let proxy: NginxProxy;
  const sockets: TestSocket[] = [];

  const startInstance = async (index: 0 | 1) => {
    const server = ServerProcess.spawn(launcher, {
      dataDir: join(dir, `data-${index}`),
      port: ports[index],
      env,
    });
    instances[index] = server;
    await server.ready();
  };

  const openThroughProxy = async () => {
    // A browser on the proxy's address sends its Origin: the server compares it with the Host
    // the proxy passed on, so this fails if the proxy rewrote the Host (or dropped its port).
    const socket = await TestSocket.open(`${proxy.base.replace('http', 'ws')}/ws`, {
      headers: { origin: proxy.base },
    });
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mlsd-proxy-'));
    database = await pgServer!.createDatabase();
    env = {
      DATABASE_URL: database.url,
      MLSD_RUBRICS_DIR: writeFixtureRubrics(join(dir, 'rubrics')),
      MLSD_USER_HEADER: USER_HEADER,
    };
    launcher = await prepareLauncher('bundle');
    ports[0] = await freePort();
    ports[1] = await freePort();
    // One after the other: the second start finds the migrations applied (and waits on the
    // advisory lock if the first is still applying them).
    await startInstance(0);
    await startInstance(1);
    proxy = await startNginx((nginx as { bin: string }).bin, ports, await freePort());
  }, 120_000);

  afterAll(async () => {
    await Promise.all(sockets.splice(0).map((socket) => socket.close()));
    await proxy?.stop();
    await Promise.all(instances.map((instance) => instance?.kill9()));
    launcher?.dispose();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes nginx -t', () => {
    expect(proxy.check.output).toMatch(/syntax is ok/);
    expect(proxy.check.status).toBe(0);
  });

  it('answers its own /healthz and passes the app health check and the API through', async () => {
    expect((await fetch(`${proxy.base}/healthz`)).status).toBe(200);
    const health = await fetch(`${proxy.base}/api/health`);
    expect(health.status).toBe(200);
    expect(HealthResponse.parse(await health.json())).toMatchObject({ ok: true, db: 'ok' });
    const cases = z.array(CaseSummary).parse(await (await fetch(`${proxy.base}/api/cases`)).json());
    expect(cases.map((summary) => summary.id)).toEqual([FIXTURE_CASE_ID]);
  });

  it('never passes on a user name the client made up', async () => {
    // Straight to an instance from a trusted address, the header names the user...
    const direct = await fetch(`http://127.0.0.1:${ports[0]}/api/sessions`, {
      headers: { [USER_HEADER]: 'mallory' },
    });
    expect(direct.status).toBe(200);
    // ...through the proxy, which clears it, the same request is anonymous and refused.
    const proxied = await fetch(`${proxy.base}/api/sessions`, { headers: { [USER_HEADER]: 'mallory' } });
    expect(proxied.status).toBe(401);
    expect(await proxied.text()).toMatch(/did not say who you are/);
  });

  it('carries a websocket interview, and a reconnect after either instance is killed', async () => {
    // Created as the signed-in user an authenticating proxy would name (straight to an instance:
    // this proxy clears the header); the seat link itself needs no user.
    const created = await fetch(`http://127.0.0.1:${ports[0]}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [USER_HEADER]: 'alice' },
      body: JSON.stringify({ caseId: FIXTURE_CASE_ID, durationMinutes: 30 }),
    });
    expect(created.status).toBe(201);
    const session = CreateSessionResponse.parse(await created.json());
    const hello = (lastSeq: number) => ({ type: 'hello', roomId: session.id, token: session.token, lastSeq });

    const socket = await openThroughProxy();
    socket.send(hello(0));
    await socket.next('snapshot');
    const first = await answerAndReply(socket, 'p-1', 'zebra facet1 matters because the feed goes stale.');
    expect(first.ack).toEqual({ type: 'ack', clientId: 'p-1', duplicate: false });
    let lastSeq = first.reply.seq;

    // Each instance in turn dies under the proxy; nginx sends the next requests to the other.
    // Nothing is sent while both run the room (without Redis both could), so one writes at a time.
    for (const victim of [0, 1] as const) {
      await instances[victim]?.kill9();
      for (let i = 0; i < 4; i++) {
        const health = await fetch(`${proxy.base}/api/health`);
        expect(health.status, proxy.errorLog()).toBe(200);
      }
      const back = await openThroughProxy();
      back.send(hello(lastSeq));
      const snapshot = await back.next('snapshot');
      expect(snapshot.transcript.filter((turn) => turn.clientId === 'p-1')).toHaveLength(1);
      const again = await answerAndReply(
        back,
        `p-after-${victim}`,
        `zebra facet2 after instance ${victim} died.`,
      );
      expect(again.ack.duplicate).toBe(false);
      lastSeq = again.reply.seq;
      await back.close();
      await startInstance(victim);
      // nginx keeps an instance it saw fail out for fail_timeout (2 s in deploy/nginx.conf), as
      // a rolling restart does by waiting for the healthcheck: only then may the other one go.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
    }
    // The proxy saw upgrades answered with 101, not a plain HTTP reply.
    expect(proxy.accessLog()).toMatch(/"GET \/ws HTTP\/1\.1" 101 /);
  }, 60_000);
});
