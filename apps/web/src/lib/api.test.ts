import { ACCESS_KEY_HEADER, OWNER_HEADER } from '@mlsd/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { accessGateState, unlockAccess } from './access-gate.ts';
import { ApiRequestError, api } from './api.ts';
import { type KeyValueStore, memoryStore, saveSessionKey } from './storage.ts';

function reply(status: number, body: unknown) {
  return vi.fn(async (_path: string, _init?: RequestInit) => new Response(JSON.stringify(body), { status }));
}

afterEach(() => vi.unstubAllGlobals());

describe('api.observerLink', () => {
  it("posts the view with the seat's token and reads the link", async () => {
    const link = {
      roomId: 'r 1',
      view: 'interviewer',
      token: 'o'.repeat(43),
      path: `#/watch/r/${'o'.repeat(43)}`,
    };
    const fetch = reply(201, link);
    vi.stubGlobal('fetch', fetch);
    expect(await api.observerLink('r 1', 'seat-token', 'interviewer')).toEqual(link);
    const [path, init] = fetch.mock.calls[0] ?? [];
    expect(path).toBe('/api/rooms/r%201/observers');
    expect(init?.method).toBe('POST');
    expect(init?.headers).toMatchObject({ authorization: 'Bearer seat-token' });
    expect(JSON.parse(String(init?.body))).toEqual({ view: 'interviewer' });
  });

  it('says what the server said when it refuses, e.g. past 20 links', async () => {
    vi.stubGlobal(
      'fetch',
      reply(429, {
        statusCode: 429,
        code: 'RATE_LIMITED',
        error: 'Too Many Requests',
        message: 'a room can have at most 20 watch links; reuse one you made',
      }),
    );
    const refused = await api.observerLink('r1', 'seat-token', 'candidate').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiRequestError);
    expect(refused).toMatchObject({
      status: 429,
      code: 'RATE_LIMITED',
      message: expect.stringContaining('20'),
    });
  });
});

/** A browser's localStorage, fresh for each test. */
let store: KeyValueStore;
beforeEach(() => {
  store = memoryStore();
  vi.stubGlobal('window', { localStorage: store });
  unlockAccess();
});

/** Answers each request by its method and path; anything else is a 404. */
function server(routes: Record<string, (init?: RequestInit) => [number, unknown]>) {
  return vi.fn(async (path: string, init?: RequestInit) => {
    const found = routes[`${init?.method ?? 'GET'} ${path}`];
    const [status, body] = found ? found(init) : [404, { code: 'NOT_FOUND', message: 'no such route' }];
    // Refusals come in the server's error shape.
    const sent = status >= 400 ? { statusCode: status, error: 'Refused', ...(body as object) } : body;
    return new Response(status === 204 ? null : JSON.stringify(sent), { status });
  });
}

const headersOf = (init?: RequestInit) => (init?.headers ?? {}) as Record<string, string>;

describe('owner and access headers', () => {
  it('creates sessions with the same owner key every time, and the passphrase once stored', async () => {
    const created = { id: 's1', token: 't'.repeat(43), caseId: 'c', durationMinutes: 30 };
    const fetch = server({ 'POST /api/sessions': () => [201, created] });
    vi.stubGlobal('fetch', fetch);
    await api.createSession({ caseId: 'c', durationMinutes: 30, interviewer: 'offline' }).catch(() => null);
    store.setItem('mlsd.accessKey', 'open sesame');
    await api.createSession({ caseId: 'c', durationMinutes: 30, interviewer: 'offline' }).catch(() => null);
    const [first, second] = fetch.mock.calls.map(([, init]) => headersOf(init));
    expect(first?.[OWNER_HEADER]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second?.[OWNER_HEADER]).toBe(first?.[OWNER_HEADER]);
    expect(first?.[ACCESS_KEY_HEADER]).toBeUndefined();
    expect(second?.[ACCESS_KEY_HEADER]).toBe('open sesame');
  });

  it('claims known sessions once before listing the history, with the owner key', async () => {
    saveSessionKey(store, { id: 'old', token: 'tok', caseId: 'c', caseTitle: 'C', createdAt: 1 });
    const fetch = server({
      'POST /api/sessions/claim': () => [200, { claimed: 1 }],
      'GET /api/sessions': () => [200, []],
    });
    vi.stubGlobal('fetch', fetch);
    await Promise.all([api.sessions(), api.sessionsPage()]);
    await api.sessionsPage();
    const calls = fetch.mock.calls.map(([path, init]) => `${init?.method ?? 'GET'} ${path}`);
    expect(calls).toEqual([
      'POST /api/sessions/claim',
      'GET /api/sessions',
      'GET /api/sessions',
      'GET /api/sessions',
    ]);
    const [, claimInit] = fetch.mock.calls[0] ?? [];
    expect(JSON.parse(String(claimInit?.body))).toEqual({ sessions: [{ id: 'old', token: 'tok' }] });
    const owner = headersOf(claimInit)[OWNER_HEADER];
    expect(owner).toBeTruthy();
    for (const [, init] of fetch.mock.calls.slice(1)) expect(headersOf(init)[OWNER_HEADER]).toBe(owner);
  });

  it('still lists the history when the claim fails, and claims again next time', async () => {
    saveSessionKey(store, { id: 'old', token: 'tok', caseId: 'c', caseTitle: 'C', createdAt: 1 });
    let claimStatus = 500;
    const fetch = server({
      'POST /api/sessions/claim': () =>
        claimStatus === 200 ? [200, { claimed: 1 }] : [claimStatus, { code: 'INTERNAL', message: 'oops' }],
      'GET /api/sessions': () => [200, []],
    });
    vi.stubGlobal('fetch', fetch);
    expect(await api.sessions()).toEqual([]);
    claimStatus = 200;
    await api.sessions();
    await api.sessions();
    const claims = fetch.mock.calls.filter(([path]) => path === '/api/sessions/claim');
    expect(claims).toHaveLength(2);
  });

  it('forgets a refused passphrase and locks the gate with what the server said', async () => {
    store.setItem('mlsd.accessKey', 'wrong');
    const refusal = { code: 'ACCESS_KEY_REQUIRED', message: "that access passphrase is not this server's" };
    vi.stubGlobal('fetch', server({ 'POST /api/sessions': () => [401, refusal] }));
    const refused = await api
      .createSession({ caseId: 'c', durationMinutes: 30, interviewer: 'offline' })
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({ needsAccessKey: true, status: 401 });
    expect(store.getItem('mlsd.accessKey')).toBeNull();
    expect(accessGateState()).toMatchObject({ locked: true, message: refusal.message });
  });

  it('locks the gate without a message when no passphrase was sent', async () => {
    const refusal = { code: 'ACCESS_KEY_REQUIRED', message: 'send it in the header' };
    vi.stubGlobal(
      'fetch',
      server({ 'POST /api/sessions/claim': () => [401, refusal], 'GET /api/sessions': () => [401, refusal] }),
    );
    await expect(api.sessions()).rejects.toBeInstanceOf(ApiRequestError);
    expect(accessGateState()).toMatchObject({ locked: true, message: null });
  });
});

describe('read-only report links', () => {
  it('makes, lists and revokes with the seat token, and opens a link with no auth', async () => {
    const share = { id: 'sh1', createdAt: 1, revokedAt: null };
    const shared = 'x'.repeat(43);
    const fetch = server({
      'POST /api/sessions/s%201/shares': () => [201, { ...share, token: shared, path: `#/shared/${shared}` }],
      'GET /api/sessions/s%201/shares': () => [200, [share]],
      'DELETE /api/sessions/s%201/shares/sh1': () => [204, null],
      [`GET /api/shared/${shared}`]: () => [404, { code: 'NOT_FOUND', message: 'its owner revoked it' }],
    });
    vi.stubGlobal('fetch', fetch);
    expect((await api.createShare('s 1', 'seat')).path).toBe(`#/shared/${shared}`);
    expect(await api.shares('s 1', 'seat')).toEqual([share]);
    expect(await api.revokeShare('s 1', 'seat', 'sh1')).toBeNull();
    for (const [, init] of fetch.mock.calls) expect(headersOf(init).authorization).toBe('Bearer seat');
    const gone = await api.shared(shared).catch((error: unknown) => error);
    expect(gone).toMatchObject({ isNotFound: true, message: 'its owner revoked it' });
    expect(headersOf(fetch.mock.calls[3]?.[1]).authorization).toBeUndefined();
  });
});
