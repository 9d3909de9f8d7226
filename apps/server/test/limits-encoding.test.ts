import { describe, expect, it } from 'vitest';
import { createSession, limitsFixture, upgradeStatus } from './limits-helpers.ts';

const fixture = limitsFixture();

describe('rate limits see the path the router sees', () => {
  it('counts percent-encoded spellings of POST /api/sessions against its 30 per minute', async () => {
    const server = await fixture.start();
    const spellings = ['/api/sessions', '/%61pi/sessions', '/api/%73essions', '/%61%70%69/sessions'];
    for (let i = 0; i < 30; i++) {
      expect((await createSession(server.base, spellings[i % spellings.length])).status).toBe(201);
    }
    for (const path of spellings) expect((await createSession(server.base, path)).status).toBe(429);
  });

  it('counts percent-encoded spellings of /ws upgrades against the per-address limit', async () => {
    const server = await fixture.start({ restRateLimit: { max: 3, windowMs: 60_000 } });
    const wsBase = server.wsUrl.replace(/\/ws$/, '');
    expect((await upgradeStatus(`${wsBase}/ws`)).status).toBe(101);
    expect((await upgradeStatus(`${wsBase}/%77s`)).status).toBe(101);
    expect((await upgradeStatus(`${wsBase}/%77%73`)).status).toBe(101);
    expect((await upgradeStatus(`${wsBase}/%77s`)).status).toBe(429);
    expect((await upgradeStatus(`${wsBase}/ws`)).status).toBe(429);
  });
});
