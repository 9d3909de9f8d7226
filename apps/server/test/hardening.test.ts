import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { messageReading } from '@mlsd/engine';
import { ApiError, CloseCode, CreateSessionResponse, MAX_FRAME_BYTES, SessionDetail } from '@mlsd/protocol';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { buildApp } from '../src/app.ts';
import { readEnv } from '../src/env.ts';
import type { Hardening } from '../src/hardening.ts';
import type { SessionBrains } from '../src/rooms/solo/brains.ts';
import { createBrains } from '../src/rooms/solo/offline-brains.ts';
import { parseOriginList } from '../src/transport/ws/origin.ts';
import { RESTART_REASON } from '../src/transport/ws/restart.ts';
import { REPO_ROOT } from './helpers.ts';
import { upgradeStatus } from './limits-helpers.ts';
import { FIXTURE_CASE_ID, writeFixtureRubrics } from './rubric-fixture.ts';
import { TestSocket } from './ws-client.ts';

let dir: string;
let app: FastifyInstance | null = null;
let base: string;
let wsUrl: string;
const sockets: TestSocket[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-hardening-'));
});

afterEach(async () => {
  await Promise.all(sockets.splice(0).map((socket) => socket.close()));
  await app?.close();
  app = null;
  rmSync(dir, { recursive: true, force: true });
});

async function start(
  hardening: Partial<Hardening> = {},
  extra: { brains?: SessionBrains; webDistDir?: string } = {},
) {
  app = await buildApp({
    db: join(dir, 'mlsd.sqlite'),
    rubricsDir: writeFixtureRubrics(join(dir, 'rubrics')),
    webDistDir: extra.webDistDir ?? join(dir, 'no-web'),
    hardening,
    ...(extra.brains ? { brains: extra.brains } : {}),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  base = `http://127.0.0.1:${address.port}`;
  wsUrl = `ws://127.0.0.1:${address.port}/ws`;
  return app;
}

async function createSession() {
  const response = await fetch(`${base}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ caseId: FIXTURE_CASE_ID, seed: 7 }),
  });
  expect(response.status).toBe(201);
  return CreateSessionResponse.parse(await response.json());
}

async function joinSession(session: { id: string; token: string }, options?: WebSocket.ClientOptions) {
  const socket = await TestSocket.open(wsUrl, options);
  sockets.push(socket);
  socket.send({ type: 'hello', roomId: session.id, token: session.token, lastSeq: 0 });
  await socket.next('snapshot');
  return socket;
}

/** The HTTP status a refused upgrade answers with (and its body), or 101 when the socket opened. */
const upgrade = (headers: Record<string, string>) => upgradeStatus(wsUrl, headers);

/** TCP connections the server holds (upgraded sockets included). */
const connections = (server: FastifyInstance) =>
  new Promise<number>((resolve, reject) =>
    server.server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
  );

const rawSocket = (socket: TestSocket) => (socket.ws as unknown as { _socket: Socket })._socket;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('websocket limits', () => {
  it(`accepts a frame of exactly ${MAX_FRAME_BYTES} bytes and closes a larger one with 1009`, async () => {
    await start();
    const session = await createSession();
    const socket = await joinSession(session);
    const notes = (length: number) => JSON.stringify({ type: 'notes', text: 'n'.repeat(length) });
    const overhead = notes(0).length;
    socket.send(notes(MAX_FRAME_BYTES - overhead));
    expect(await socket.next('error')).toMatchObject({ code: 'TEXT_TOO_LONG' });
    socket.send(notes(MAX_FRAME_BYTES - overhead + 1));
    expect((await socket.closed).code).toBe(CloseCode.tooBig);
  });

  it('never negotiates per-message deflate, even when the client asks for it', async () => {
    await start();
    const socket = await TestSocket.open(wsUrl, { perMessageDeflate: { serverNoContextTakeover: true } });
    sockets.push(socket);
    expect(socket.ws.extensions).toBe('');
  });

  it('refuses a flood of frames with a typed error that says what to do, then lets the socket carry on', async () => {
    await start({ socketRate: { capacity: 5, perSecond: 4 } });
    const session = await createSession();
    const socket = await joinSession(session);
    for (let i = 0; i < 12; i++) socket.send({ type: 'notes', text: `draft ${i}` });
    const refused = await socket.next('error');
    expect(refused.code).toBe('RATE_LIMITED');
    expect(refused.message).toMatch(/too many messages.*send it again/);
    await wait(1_000);
    socket.skipAll();
    socket.send({
      type: 'say',
      clientId: 'after-flood',
      text: 'We would start from a popularity baseline.',
    });
    expect(await socket.next('ack')).toEqual({ type: 'ack', clientId: 'after-flood', duplicate: false });
  });

  it('drops a peer that stops answering pings and keeps the others', async () => {
    const server = await start({ heartbeatMs: 100 });
    const session = await createSession();
    const dead = await joinSession(session);
    const alive = await joinSession(session);
    const before = await connections(server);
    // The kernel still accepts bytes, but nothing is read: no pong ever comes back.
    rawSocket(dead).pause();
    await wait(500);
    expect(await connections(server)).toBe(before - 1);
    alive.send({ type: 'say', clientId: 'still-here', text: 'Latency budget first, then the model.' });
    expect(await alive.next('ack')).toMatchObject({ clientId: 'still-here' });
    rawSocket(dead).resume();
    expect((await dead.closed).code).toBe(1006);
  });

  it('closes a socket whose reader stopped once its unsent bytes pass the cap; the others get everything', async () => {
    const real = createBrains();
    const huge = 'A long interviewer reply. '.repeat(40_000); // about 1 MB per turn
    const brains: SessionBrains = {
      ...real,
      read: () => messageReading(),
      uncovered: () => [],
      voice: async (request) => ({
        text: request.move.kind === 'opening' ? 'Hello.' : huge,
        kind: 'acknowledgement',
      }),
    };
    const server = await start(
      { maxBufferedBytes: 1024 * 1024, socketRate: { capacity: 500, perSecond: 500 } },
      { brains },
    );
    const session = await createSession();
    const stuck = await joinSession(session);
    const reader = await joinSession(session);
    const before = await connections(server);
    rawSocket(stuck).pause();
    const answers = 30;
    for (let i = 0; i < answers; i++) {
      reader.send({ type: 'say', clientId: `big-${i}`, text: `answer ${i}` });
      await reader.waitFor((m) => m.type === 'turn' && m.turn.text === huge, 20_000, `reply ${i}`);
    }
    expect(await connections(server)).toBe(before - 1);
    const replies = reader.received.filter((m) => m.type === 'turn' && m.turn.text === huge);
    expect(replies).toHaveLength(answers);
    expect(reader.received.filter((m) => m.type === 'ack')).toHaveLength(answers);
    rawSocket(stuck).resume();
    expect((await stuck.closed).code).toBe(1006);
    expect(stuck.received.filter((m) => m.type === 'turn' && m.turn.text === huge).length).toBeLessThan(
      answers,
    );
  }, 60_000);
});

describe('origin of websocket upgrades', () => {
  it('allows same-origin pages and clients that send no Origin, and refuses other sites with a 403', async () => {
    await start();
    const host = new URL(base).host;
    expect((await upgrade({})).status).toBe(101);
    expect((await upgrade({ origin: `http://${host}` })).status).toBe(101);
    const refused = await upgrade({ origin: 'https://evil.example' });
    expect(refused.status).toBe(403);
    const body = ApiError.parse(JSON.parse(refused.body));
    expect(body.code).toBe('FORBIDDEN');
    expect(body.message).toContain('MLSD_ALLOWED_ORIGINS');
    // Same host name on another port is another origin.
    expect((await upgrade({ origin: 'http://127.0.0.1:1' })).status).toBe(403);
  });

  it('allows the origins listed in MLSD_ALLOWED_ORIGINS', async () => {
    const env = readEnv({
      MLSD_DATA_DIR: dir,
      MLSD_ALLOWED_ORIGINS: 'http://localhost:5173, https://mlsd.example.com',
    });
    await start({ origins: env.allowedOrigins });
    expect((await upgrade({ origin: 'http://localhost:5173' })).status).toBe(101);
    expect((await upgrade({ origin: 'https://mlsd.example.com:443' })).status).toBe(101);
    expect((await upgrade({ origin: 'http://localhost:5174' })).status).toBe(403);
  });

  it('names the variable when an allowed origin is not an origin', () => {
    expect(() => readEnv({ MLSD_DATA_DIR: dir, MLSD_ALLOWED_ORIGINS: 'localhost:5173/app' })).toThrow(
      /MLSD_ALLOWED_ORIGINS/,
    );
    const parsed = parseOriginList('*');
    expect(parsed.ok && parsed.value.any).toBe(true);
  });
});

describe('REST limits and headers', () => {
  it('answers 429 with a clear message past the limit, for the API and socket upgrades, not for the app', async () => {
    const web = join(dir, 'web');
    mkdirSync(web, { recursive: true });
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>app</title>');
    const server = await start({ restRateLimit: { max: 3, windowMs: 60_000 } }, { webDistDir: web });
    for (let i = 0; i < 3; i++) expect((await server.inject('/api/health')).statusCode).toBe(200);
    const limited = await server.inject('/api/cases');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    const body = ApiError.parse(limited.json());
    expect(body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect(body.message).toMatch(/too many requests.*try again/);
    expect((await upgrade({})).status).toBe(429);
    for (let i = 0; i < 5; i++) expect((await server.inject('/')).statusCode).toBe(200);
  });

  it('sends a content security policy the built app works under, and no HSTS on plain http', async () => {
    const web = join(dir, 'web');
    mkdirSync(web, { recursive: true });
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>app</title>');
    const server = await start({}, { webDistDir: web });
    const response = await server.inject('/');
    const csp = String(response.headers['content-security-policy']);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "connect-src 'self' ws: wss:",
      "img-src 'self' data: blob:",
      "object-src 'none'",
      "frame-ancestors 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(csp).not.toContain('unsafe-eval');
    expect(response.headers['strict-transport-security']).toBeUndefined();
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('user text stays text', () => {
  it('stores and returns markup exactly as typed, only ever as JSON', async () => {
    const server = await start();
    const session = await createSession();
    const socket = await joinSession(session);
    const markup = '<script>alert(1)</script><img src=x onerror="alert(2)"> & "quotes" \u2028';
    socket.send({ type: 'say', clientId: 'markup', text: markup });
    await socket.next('ack');
    const turn = await socket.waitFor((m) => m.type === 'turn' && m.turn.clientId === 'markup');
    expect(turn.type === 'turn' && turn.turn.text).toBe(markup.trim());
    const detail = await server.inject({
      url: `/api/sessions/${session.id}`,
      headers: { authorization: `Bearer ${session.token}` },
    });
    expect(detail.headers['content-type']).toMatch(/^application\/json/);
    expect(SessionDetail.parse(detail.json()).transcript.some((t) => t.text === markup.trim())).toBe(true);
    const missing = await server.inject('/api/%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(missing.headers['content-type']).toMatch(/^application\/json/);
  });

  it('has no code in the web app that turns a string into markup', () => {
    const offenders: string[] = [];
    const walk = (folder: string) => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
          const source = readFileSync(path, 'utf8');
          if (
            /dangerouslySetInnerHTML|\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|createContextualFragment/.test(
              source,
            )
          ) {
            offenders.push(path);
          }
        }
      }
    };
    walk(join(REPO_ROOT, 'apps/web/src'));
    // The one sink allowed: mermaid's SVG, which mermaid sanitises (DOMPurify) in strict mode.
    const diagrams = join(REPO_ROOT, 'apps/web/src/components/markdown-view.tsx');
    if (offenders.includes(diagrams)) {
      expect(readFileSync(join(REPO_ROOT, 'apps/web/src/lib/mermaid.ts'), 'utf8')).toContain(
        "securityLevel: 'strict'",
      );
    }
    expect(offenders.filter((path) => path !== diagrams)).toEqual([]);
  });
});

describe('shutdown', () => {
  it('tells connected clients to reconnect with 1012 and refuses new ones', async () => {
    const server = await start();
    const session = await createSession();
    const socket = await joinSession(session);
    const closing = server.close();
    const closed = await socket.closed;
    expect(closed).toEqual({ code: CloseCode.restart, reason: RESTART_REASON });
    await closing;
    app = null;
    await expect(TestSocket.open(wsUrl)).rejects.toThrow();
  });
});
