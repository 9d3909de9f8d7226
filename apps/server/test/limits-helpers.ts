import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach } from 'vitest';
import WebSocket from 'ws';
import { buildApp } from '../src/app.ts';
import type { Hardening } from '../src/hardening.ts';
import { FIXTURE_CASE_ID, writeFixtureRubrics } from './rubric-fixture.ts';
import { TestSocket } from './ws-client.ts';

/** One server on the fixture rubrics with the given limits, on 127.0.0.1 and a free port. */
export interface LimitsServer {
  app: FastifyInstance;
  base: string;
  wsUrl: string;
  port: number;
  close(): Promise<void>;
}

export async function startLimited(hardening: Partial<Hardening> = {}): Promise<LimitsServer> {
  const dir = mkdtempSync(join(tmpdir(), 'mlsd-limits-'));
  const app = await buildApp({
    db: join(dir, 'mlsd.sqlite'),
    rubricsDir: writeFixtureRubrics(join(dir, 'rubrics')),
    webDistDir: join(dir, 'no-web'),
    hardening,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return {
    app,
    port: address.port,
    base: `http://127.0.0.1:${address.port}`,
    wsUrl: `ws://127.0.0.1:${address.port}/ws`,
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * One server per test and the sockets it opened, closed after each test (registers the afterEach).
 * `start` closes the test's previous server first, for tests that restart with other settings.
 */
export function limitsFixture() {
  let server: LimitsServer | null = null;
  const sockets: TestSocket[] = [];
  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((socket) => socket.close()));
    await server?.close();
    server = null;
  });
  return {
    async start(hardening: Partial<Hardening> = {}): Promise<LimitsServer> {
      await server?.close();
      server = await startLimited(hardening);
      return server;
    },
    /** A socket on the current server's /ws; nothing sent yet. */
    async open(): Promise<TestSocket> {
      if (!server) throw new Error('start a server first');
      const socket = await TestSocket.open(server.wsUrl);
      sockets.push(socket);
      return socket;
    },
  };
}

export async function createSession(base: string, path = '/api/sessions') {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ caseId: FIXTURE_CASE_ID, seed: 7 }),
  });
  return { status: response.status, body: (await response.json()) as { id: string; token: string } };
}

/** The HTTP status of an upgrade (101 when the socket opened, then closed at once) and its body. */
export function upgradeStatus(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => {
      ws.close();
      resolve({ status: 101, body: '' });
    });
    ws.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => {
        body += chunk.toString('utf8');
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    ws.once('error', (error) => {
      if (!String(error.message).includes('Unexpected server response')) reject(error);
    });
  });
}
