import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readEnv } from '../src/env.ts';
import { startTestServer, type TestServer } from './helpers.ts';
import { FIXTURE_CASE_ID, writeFixtureRubrics } from './rubric-fixture.ts';

const LOOPBACK = ['127.0.0.1', '::1', '::ffff:127.0.0.1'];
let server: TestServer | undefined;
let dir: string | undefined;

afterEach(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  server = undefined;
  dir = undefined;
});

async function start(trustedProxies?: string[]): Promise<TestServer> {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-proxies-'));
  server = await startTestServer({
    rubricsDir: writeFixtureRubrics(join(dir, 'rubrics')),
    webDistDir: join(dir, 'no-web'),
    // One running interview per address: the second from one address is refused.
    hardening: { maxActiveSessionsPerAddress: 1 },
    ...(trustedProxies ? { trustedProxies } : {}),
  });
  return server;
}

/** Creates a session over real HTTP as the proxy would forward it for `client`. */
async function createFor(base: string, client: string): Promise<number> {
  const response = await fetch(`${base}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
    body: JSON.stringify({ caseId: FIXTURE_CASE_ID }),
  });
  return response.status;
}

describe('clients behind a trusted reverse proxy', () => {
  it('counts each forwarded client apart when the proxy is trusted', async () => {
    const { url } = await start(LOOPBACK);
    expect(await createFor(url, '10.0.0.1')).toBe(201);
    expect(await createFor(url, '10.0.0.1')).toBe(429);
    expect(await createFor(url, '10.0.0.2')).toBe(201);
    // A client cannot hide behind a forged first entry: the proxy's own appended address counts.
    expect(await createFor(url, '10.0.0.3, 10.0.0.1')).toBe(429);
  });

  it('believes no X-Forwarded-For when no proxy is trusted', async () => {
    const { url } = await start();
    expect(await createFor(url, '10.0.0.1')).toBe(201);
    expect(await createFor(url, '10.0.0.2')).toBe(429);
  });

  it('trusts forwarded addresses only when MLSD_TRUSTED_PROXIES is set on purpose', () => {
    expect(readEnv({}).trustedProxies).toBeUndefined();
    expect(readEnv({ MLSD_TRUSTED_PROXIES: '10.1.0.5, 10.1.0.6' }).trustedProxies).toEqual([
      '10.1.0.5',
      '10.1.0.6',
    ]);
  });
});
