import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiError } from '@mlsd/protocol';
import { describe, expect, it } from 'vitest';
import { readEnv } from '../src/env.ts';
import { type LimitsServer, limitsFixture, upgradeStatus } from './limits-helpers.ts';

const fixture = limitsFixture();
/** The server of the running test. */
let server: LimitsServer;

const health = (host: string) => server.app.inject({ url: '/api/health', headers: { host } });

describe('the Host header (DNS rebinding)', () => {
  it('answers its own names and refuses any other host with 421 for REST and upgrades', async () => {
    server = await fixture.start();
    for (const host of [
      `127.0.0.1:${server.port}`,
      `localhost:${server.port}`,
      `[::1]:${server.port}`,
      'LOCALHOST',
    ]) {
      expect((await health(host)).statusCode).toBe(200);
    }
    const refused = await health(`rebind.attacker.example:${server.port}`);
    expect(refused.statusCode).toBe(421);
    const body = ApiError.parse(refused.json());
    expect(body.code).toBe('FORBIDDEN');
    expect(body.message).toMatch(/does not answer to host.*MLSD_ALLOWED_HOSTS/);
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/sessions',
      headers: { host: 'rebind.attacker.example' },
      payload: {},
    });
    expect(created.statusCode).toBe(421);
    const upgrade = await upgradeStatus(server.wsUrl, { host: `rebind.attacker.example:${server.port}` });
    expect(upgrade.status).toBe(421);
    expect(upgrade.body).toContain('MLSD_ALLOWED_HOSTS');
    expect((await upgradeStatus(server.wsUrl)).status).toBe(101);
  });

  it('answers the hosts in MLSD_ALLOWED_HOSTS, and any address when listening on all of them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlsd-hosts-'));
    try {
      const listed = readEnv({ INIT_CWD: dir, MLSD_ALLOWED_HOSTS: 'mlsd.example.com, lan-box:8080' });
      server = await fixture.start({ hosts: listed.allowedHosts });
      expect((await health('mlsd.example.com')).statusCode).toBe(200);
      expect((await health('lan-box:8080')).statusCode).toBe(200);
      expect((await health('lan-box:9090')).statusCode).toBe(421);
      expect((await health('192.168.1.20:3000')).statusCode).toBe(421);
      const everywhere = readEnv({ INIT_CWD: dir, HOST: '0.0.0.0' });
      server = await fixture.start({ hosts: everywhere.allowedHosts });
      expect((await health('192.168.1.20:3000')).statusCode).toBe(200);
      expect((await health('[fe80::1]:3000')).statusCode).toBe(200);
      expect((await health('rebind.attacker.example:3000')).statusCode).toBe(421);
      expect(() => readEnv({ INIT_CWD: dir, MLSD_ALLOWED_HOSTS: 'http://x/y' })).toThrow(
        /MLSD_ALLOWED_HOSTS/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
