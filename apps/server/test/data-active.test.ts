import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateSessionResponse } from '@mlsd/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActiveByAddress } from '../src/rooms/solo/active-by-address.ts';
import { startTestServer, type TestServer } from './helpers.ts';
import { FIXTURE_CASE_ID, writeFixtureRubrics } from './rubric-fixture.ts';
import { TestSocket } from './ws-client.ts';

let dir: string;
let server: TestServer;
const CAP = 3;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-active-'));
  server = await startTestServer({
    rubricsDir: writeFixtureRubrics(join(dir, 'rubrics')),
    dbFile: join(dir, 'mlsd.sqlite'),
    webDistDir: join(dir, 'no-web'),
    hardening: { maxActiveSessionsPerAddress: CAP },
  });
});

afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const create = () =>
  server.app.inject({ method: 'POST', url: '/api/sessions', payload: { caseId: FIXTURE_CASE_ID } });

describe('running interviews per address', () => {
  it('refuses one more than the cap with a message that says what to do, and frees a place when one ends', async () => {
    const created: CreateSessionResponse[] = [];
    for (let i = 0; i < CAP; i++) {
      const response = await create();
      expect(response.statusCode).toBe(201);
      created.push(CreateSessionResponse.parse(response.json()));
    }
    const refused = await create();
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused.json().message).toMatch(/finish or end one/);

    const first = created[0]!;
    const socket = await TestSocket.open(server.wsUrl);
    socket.send({ type: 'hello', roomId: first.id, token: first.token });
    await socket.next('snapshot');
    socket.send({ type: 'timer', action: 'end', clientId: 'end-1' });
    await socket.next('ended');
    await socket.close();
    expect((await create()).statusCode).toBe(201);
  });

  it('counts each address apart and forgets interviews that ended', () => {
    const running = new Set(['a', 'b', 'c']);
    const active = new ActiveByAddress(2, (id) => running.has(id));
    active.add('a', '10.0.0.1');
    active.add('b', '10.0.0.1');
    active.add('c', '10.0.0.2');
    expect(active.count('10.0.0.1')).toBe(2);
    expect(active.count('10.0.0.2')).toBe(1);
    running.delete('a');
    expect(active.count('10.0.0.1')).toBe(1);
  });
});
