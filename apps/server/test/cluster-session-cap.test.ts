import { join } from 'node:path';
import { CreateSessionResponse, OWNER_HEADER } from '@mlsd/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { Instance, SeatClient, startBackends } from './cluster-harness.ts';
import type { Launcher } from './durability-server.ts';
import { REPO_ROOT } from './helpers.ts';

// The running-interview cap per address (issue 15: limits counted across instances), as two app
// processes on one PostgreSQL and one Redis see it. Each process runs capped-server.ts, the real
// app with a cap of 2, behind a trusted proxy so the test names its client's address. Skipped
// without the binaries unless MLSD_REQUIRE_PG=1 and MLSD_REQUIRE_REDIS=1 (CI).

const CAP = 2;
const ADDRESS = '10.77.0.1';

const backends = await startBackends();
const describeCluster = 'skipped' in backends ? describe.skip : describe;
const launcher: Launcher = {
  mode: 'tsx',
  args: ['--import', 'tsx', join(REPO_ROOT, 'apps/server/test/capped-server.ts')],
  cwd: join(REPO_ROOT, 'apps/server'),
  dispose: () => undefined,
};
const instances: Instance[] = [];
const clients: SeatClient[] = [];
afterAll(async () => {
  for (const client of clients) client.close();
  await Promise.all(instances.map((instance) => instance.stop()));
  if (!('skipped' in backends)) await backends.stop();
}, 60_000);

/** POST /api/sessions from ADDRESS on `instance`: the status, and the session when created. */
async function create(instance: Instance, seed: number) {
  const response = await fetch(`${instance.url}/api/sessions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [OWNER_HEADER]: 'cluster-cap-test-owner-0123456789',
      'x-forwarded-for': ADDRESS,
    },
    body: JSON.stringify({ caseId: 'ad-click-prediction', durationMinutes: 30, seed }),
  });
  const body = (await response.json()) as { code?: string; message?: string };
  return {
    status: response.status,
    error: response.status === 201 ? undefined : body,
    session: response.status === 201 ? CreateSessionResponse.parse(body) : undefined,
  };
}

/** Ends a solo interview from its candidate's seat, connected to `instance`. */
async function end(instance: Instance, session: CreateSessionResponse): Promise<void> {
  const seat = new SeatClient(session.id, session.token, [{ wsUrl: instance.wsUrl, up: () => true }]);
  clients.push(seat);
  await seat.connect();
  await seat.waitFor(() => seat.snapshots.length > 0, 'the snapshot');
  seat.command({ type: 'timer', clientId: 'end', action: 'end' });
  await seat.waitFor(() => seat.ended, 'the end of the interview');
  seat.close();
}

describeCluster(
  `running interviews per address, counted across two processes${'skipped' in backends ? ` (skipped: ${backends.skipped})` : ''}`,
  () => {
    it('refuses an address its third running interview on either instance, and counts ended ones out', async () => {
      const { databaseUrl, redisUrl } = backends as Exclude<typeof backends, { skipped: string }>;
      const env = { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, MLSD_TEST_MAX_ACTIVE: String(CAP) };
      const a = await Instance.start(launcher, env);
      instances.push(a);
      const b = await Instance.start(launcher, env);
      instances.push(b);

      // One interview on each instance: neither holds two, yet the address is at its cap.
      const first = await create(a, 1);
      const second = await create(b, 2);
      expect([first.status, second.status]).toEqual([201, 201]);
      for (const instance of [a, b]) {
        const refused = await create(instance, 3);
        expect(refused.status).toBe(429);
        expect(refused.error?.code).toBe('RATE_LIMITED');
        expect(refused.error?.message).toMatch(/already runs 2 interviews; finish or end one/);
      }

      // The one on A ends: A, which ran it, counts it out at once.
      await end(a, first.session!);
      const third = await create(a, 4);
      expect(third.status).toBe(201);
      expect((await create(b, 5)).status).toBe(429);

      // The one on B ends: A hears of it at B's next heartbeat (every 5 s), and no sooner needs to.
      await end(b, second.session!);
      let status = 0;
      for (let tries = 0; tries < 15 && status !== 201; tries += 1) {
        if (tries > 0) await new Promise((resolve) => setTimeout(resolve, 750));
        status = (await create(a, 10 + tries)).status;
      }
      expect(status).toBe(201);
      // And the address is at its cap again, on both.
      expect((await create(b, 40)).status).toBe(429);
    }, 120_000);
  },
);
