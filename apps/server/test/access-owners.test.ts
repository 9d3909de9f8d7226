import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACCESS_KEY_HEADER, ApiError, CreateSessionResponse, SessionSummary } from '@mlsd/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hashToken } from '../src/auth.ts';
import { startTestServer, type TestServer } from './helpers.ts';
import { OTHER_OWNER_HEADERS, OWNER_HASH, OWNER_HEADERS } from './owner.ts';
import { FIXTURE_CASE_ID, writeFixtureRubrics } from './rubric-fixture.ts';
import { TestSocket } from './ws-client.ts';

let dir: string;
let server: TestServer;
const KEY = 'correct horse battery staple';

async function start(accessKey?: string) {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-access-'));
  server = await startTestServer({
    rubricsDir: writeFixtureRubrics(join(dir, 'rubrics')),
    dbFile: join(dir, 'mlsd.sqlite'),
    webDistDir: join(dir, 'no-web'),
    ...(accessKey ? { accessKey } : {}),
  });
}

afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const create = async (headers: Record<string, string> = OWNER_HEADERS) => {
  const response = await server.app.inject({
    method: 'POST',
    url: '/api/sessions',
    payload: { caseId: FIXTURE_CASE_ID },
    headers,
  });
  expect(response.statusCode).toBe(201);
  return CreateSessionResponse.parse(response.json());
};

const history = async (headers: Record<string, string>) => {
  const response = await server.app.inject({ url: '/api/sessions', headers });
  expect(response.statusCode).toBe(200);
  return z
    .array(SessionSummary)
    .parse(response.json())
    .map((item) => item.id);
};

describe('sessions belong to whoever created them', () => {
  beforeEach(() => start());

  it("lists only the caller's own sessions, and needs an owner key to list at all", async () => {
    const mine = [await create(), await create()];
    const theirs = await create(OTHER_OWNER_HEADERS);
    expect((await history(OWNER_HEADERS)).sort()).toEqual(mine.map((s) => s.id).sort());
    expect(await history(OTHER_OWNER_HEADERS)).toEqual([theirs.id]);

    const anonymous = await server.app.inject('/api/sessions');
    expect(anonymous.statusCode).toBe(400);
    expect(ApiError.parse(anonymous.json()).message).toMatch(/x-mlsd-owner/);
    const malformed = await server.app.inject({ url: '/api/sessions', headers: { 'x-mlsd-owner': 'short' } });
    expect(malformed.statusCode).toBe(400);
    expect(ApiError.parse(malformed.json()).message).toMatch(/not an owner key/);
  });

  it('lets a holder of the seat token claim an unowned session, and nobody take an owned one', async () => {
    const legacy = await create({}); // made before owners existed: no history lists it
    const owned = await create(OTHER_OWNER_HEADERS);
    expect(await history(OWNER_HEADERS)).toEqual([]);

    const claim = (sessions: { id: string; token: string }[]) =>
      server.app.inject({
        method: 'POST',
        url: '/api/sessions/claim',
        payload: { sessions },
        headers: OWNER_HEADERS,
      });
    const wrong = await claim([
      { id: legacy.id, token: 'not-the-token' },
      { id: 'no-such-session', token: 'x' },
    ]);
    expect(wrong.json()).toEqual({ claimed: 0 });
    const right = await claim([
      { id: legacy.id, token: legacy.token },
      { id: owned.id, token: owned.token },
    ]);
    expect(right.json()).toEqual({ claimed: 1 });
    expect(await history(OWNER_HEADERS)).toEqual([legacy.id]);
    expect(await history(OTHER_OWNER_HEADERS)).toEqual([owned.id]);
    expect(server.app.db.sessions.get(legacy.id)?.ownerHash).toBe(OWNER_HASH);

    const tooMany = await claim(Array.from({ length: 501 }, (_, i) => ({ id: `s${i}`, token: 't' })));
    expect(tooMany.statusCode).toBe(400);
    expect(ApiError.parse(tooMany.json()).message).toMatch(/at most 500/);
  });

  it('records the creator of a peer room and keeps it across a swap', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/peer/rooms',
      payload: { caseId: FIXTURE_CASE_ID },
      headers: OWNER_HEADERS,
    });
    expect(response.statusCode).toBe(201);
    const { roomId } = response.json() as { roomId: string };
    expect((await server.app.peer.store.get(roomId))?.ownerHash).toBe(OWNER_HASH);
  });
});

describe('an access passphrase', () => {
  beforeEach(() => start(KEY));

  it('guards creating sessions and rooms and listing history; health says it is on', async () => {
    const health = await server.app.inject('/api/health');
    expect(health.json()).toMatchObject({ access: 'key' });

    const attempts = [
      { method: 'POST' as const, url: '/api/sessions', payload: { caseId: FIXTURE_CASE_ID } },
      { method: 'GET' as const, url: '/api/sessions' },
      { method: 'POST' as const, url: '/api/peer/rooms', payload: { caseId: FIXTURE_CASE_ID } },
      { method: 'POST' as const, url: '/api/sessions/claim', payload: { sessions: [] } },
    ];
    for (const attempt of attempts) {
      const missing = await server.app.inject({ ...attempt, headers: OWNER_HEADERS });
      expect(missing.statusCode, attempt.url).toBe(401);
      const body = ApiError.parse(missing.json());
      expect(body.code).toBe('ACCESS_KEY_REQUIRED');
      expect(body.message).toMatch(/send it in the x-mlsd-access-key header/);
      const wrong = await server.app.inject({
        ...attempt,
        headers: { ...OWNER_HEADERS, [ACCESS_KEY_HEADER]: 'guess guess guess' },
      });
      expect(wrong.statusCode).toBe(401);
      expect(ApiError.parse(wrong.json()).message).toMatch(/not this server's/);
      const right = await server.app.inject({
        ...attempt,
        headers: { ...OWNER_HEADERS, [ACCESS_KEY_HEADER]: KEY },
      });
      expect(right.statusCode, attempt.url).toBeLessThan(300);
    }
  });

  it('never asks a seat link for it: the seat token alone opens the session and the socket', async () => {
    const session = await create({ ...OWNER_HEADERS, [ACCESS_KEY_HEADER]: KEY });
    const detail = await server.app.inject({
      url: `/api/sessions/${session.id}`,
      headers: { authorization: `Bearer ${session.token}` },
    });
    expect(detail.statusCode).toBe(200);
    const socket = await TestSocket.open(server.wsUrl);
    socket.send({ type: 'hello', roomId: session.id, token: session.token });
    expect((await socket.next('snapshot')).seat).toBe('candidate');
    await socket.close();
  });
});

describe('read-only report links', () => {
  beforeEach(() => start(KEY));

  async function endedSession() {
    const session = await create({ ...OWNER_HEADERS, [ACCESS_KEY_HEADER]: KEY });
    const socket = await TestSocket.open(server.wsUrl);
    socket.send({ type: 'hello', roomId: session.id, token: session.token });
    await socket.next('snapshot');
    socket.send({ type: 'say', text: 'We should predict the probability of a click.', clientId: 'a-1' });
    await socket.next('ack');
    socket.send({ type: 'timer', action: 'end', clientId: 'end-1' });
    await socket.next('ended');
    await socket.close();
    await server.app.rooms.idle();
    return session;
  }

  const seat = (token: string) => ({ authorization: `Bearer ${token}` });

  it('opens the report and transcript without any key, until the owner revokes it', async () => {
    const session = await endedSession();
    const made = await server.app.inject({
      method: 'POST',
      url: `/api/sessions/${session.id}/shares`,
      headers: seat(session.token),
    });
    expect(made.statusCode).toBe(201);
    const share = made.json() as { id: string; token: string; path: string; revokedAt: null };
    expect(share.path).toBe(`#/shared/${share.token}`);
    expect(server.app.db.shares.byTokenHash(hashToken(share.token))?.sessionId).toBe(session.id);

    const opened = await server.app.inject(`/api/shared/${share.token}`);
    expect(opened.statusCode).toBe(200);
    const body = opened.json() as {
      session: { id: string; transcript: { text: string }[] };
      report: { sessionId: string };
    };
    expect(body.report.sessionId).toBe(session.id);
    expect(body.session.transcript.map((turn) => turn.text)).toContain(
      'We should predict the probability of a click.',
    );
    expect(opened.body).not.toContain(session.token);

    const listed = await server.app.inject({
      url: `/api/sessions/${session.id}/shares`,
      headers: seat(session.token),
    });
    expect(listed.json()).toEqual([{ id: share.id, createdAt: expect.any(Number), revokedAt: null }]);
    expect(listed.body).not.toContain(share.token);

    const revoked = await server.app.inject({
      method: 'DELETE',
      url: `/api/sessions/${session.id}/shares/${share.id}`,
      headers: seat(session.token),
    });
    expect(revoked.statusCode).toBe(204);
    const gone = await server.app.inject(`/api/shared/${share.token}`);
    expect(gone.statusCode).toBe(404);
    expect(ApiError.parse(gone.json()).message).toMatch(/revoked it/);
    const again = await server.app.inject({
      url: `/api/sessions/${session.id}/shares`,
      headers: seat(session.token),
    });
    expect((again.json() as { revokedAt: number | null }[])[0]?.revokedAt).toEqual(expect.any(Number));
  });

  it('is made only by the seat token, only once the report exists, and at most 20 live at once', async () => {
    const running = await create({ ...OWNER_HEADERS, [ACCESS_KEY_HEADER]: KEY });
    const early = await server.app.inject({
      method: 'POST',
      url: `/api/sessions/${running.id}/shares`,
      headers: seat(running.token),
    });
    expect(early.statusCode).toBe(409);
    expect(ApiError.parse(early.json())).toMatchObject({ code: 'REPORT_NOT_READY' });

    const session = await endedSession();
    const stranger = await server.app.inject({
      method: 'POST',
      url: `/api/sessions/${session.id}/shares`,
      headers: seat(running.token),
    });
    expect(stranger.statusCode).toBe(401);

    const make = () =>
      server.app.inject({
        method: 'POST',
        url: `/api/sessions/${session.id}/shares`,
        headers: seat(session.token),
      });
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push((await make()).json().id);
    const over = await make();
    expect(over.statusCode).toBe(429);
    expect(ApiError.parse(over.json()).message).toMatch(/revoke one/);
    await server.app.inject({
      method: 'DELETE',
      url: `/api/sessions/${session.id}/shares/${ids[0]}`,
      headers: seat(session.token),
    });
    expect((await make()).statusCode).toBe(201);

    const unknown = await server.app.inject({
      method: 'DELETE',
      url: `/api/sessions/${session.id}/shares/00000000-0000-4000-8000-000000000000`,
      headers: seat(session.token),
    });
    expect(unknown.statusCode).toBe(404);
    const malformed = await server.app.inject('/api/shared/not a token');
    expect(malformed.statusCode).toBe(400);
  });
});

describe('users named by an authenticating proxy (MLSD_USER_HEADER)', () => {
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mlsd-access-'));
    server = await startTestServer({
      rubricsDir: writeFixtureRubrics(join(dir, 'rubrics')),
      dbFile: join(dir, 'mlsd.sqlite'),
      webDistDir: join(dir, 'no-web'),
      proxyUsers: { header: 'x-forwarded-user', proxies: new Set(['127.0.0.1']) },
    });
  });

  const as = (user: string, extra: Record<string, string> = {}) => ({ 'x-forwarded-user': user, ...extra });

  it("keeps each user's history apart, on any device, and ignores browsers' owner keys", async () => {
    const alice = [await create(as('alice', OWNER_HEADERS)), await create(as('alice', OTHER_OWNER_HEADERS))];
    const bob = await create(as('bob', OWNER_HEADERS));
    expect((await history(as('alice'))).sort()).toEqual(alice.map((s) => s.id).sort());
    expect(await history(as('bob', OTHER_OWNER_HEADERS))).toEqual([bob.id]);
    // A seat link still works on its own.
    const detail = await server.app.inject({
      url: `/api/sessions/${bob.id}`,
      headers: { authorization: `Bearer ${bob.token}` },
    });
    expect(detail.statusCode).toBe(200);
  });

  it('refuses a request the proxy did not name, and any that bypasses the proxy', async () => {
    const anonymous = await server.app.inject({ url: '/api/sessions', headers: OWNER_HEADERS });
    expect(anonymous.statusCode).toBe(401);
    expect(ApiError.parse(anonymous.json()).message).toMatch(/no x-forwarded-user header/);
    const bypass = await server.app.inject({
      url: '/api/sessions',
      headers: as('alice'),
      remoteAddress: '10.0.0.9',
    });
    expect(bypass.statusCode).toBe(403);
    expect(ApiError.parse(bypass.json()).message).toMatch(/connect through the proxy/);
  });
});
