import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { CreateSessionResponse, HealthResponse } from '@mlsd/protocol';
import { type FakeOpenAi, startFakeOpenAi } from '@mlsd/testkit';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { readLlmSetup } from '../src/env.ts';
import { MODEL_FAILED_NOTICE } from '../src/rooms/solo/voice.ts';
import { FakeClock } from './fake-clock.ts';
import { REPO_ROOT } from './helpers.ts';

/** Start-up and health with a model endpoint that answers, refuses, is gone, or is misconfigured. */

let dir: string;
let app: FastifyInstance | null = null;
let fake: FakeOpenAi | null = null;
let logs: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-llm-health-'));
  logs = [];
});

afterEach(async () => {
  await app?.close();
  app = null;
  await fake?.close();
  fake = null;
  rmSync(dir, { recursive: true, force: true });
});

const FAST = { MLSD_LLM_MAX_RETRIES: '0', MLSD_LLM_TIMEOUT_MS: '2000', MLSD_LLM_IDLE_MS: '1000' };

async function start(env: Record<string, string>): Promise<FastifyInstance> {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  app = await buildApp({
    db: join(dir, 'mlsd.sqlite'),
    rubricsDir: join(REPO_ROOT, 'rubrics'),
    clock: new FakeClock(),
    llm: readLlmSetup({ ...FAST, ...env }),
    logger: { level: 'info', stream },
  });
  await app.ready();
  return app;
}

async function health(server: FastifyInstance): Promise<HealthResponse> {
  const response = await server.inject('/api/health');
  expect(response.statusCode).toBe(200);
  return HealthResponse.parse(response.json());
}

/** Waits for a log line containing `text` (the start-up check does not hold the start-up up). */
async function logged(text: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const line = logs.find((entry) => entry.includes(text));
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no log line with "${text}"; got:\n${logs.join('')}`);
}

/** An endpoint that refuses every request as a wrong key would. */
async function refusingServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({ error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function closedPortUrl(): Promise<string> {
  const gone = await startFakeOpenAi();
  await gone.close();
  return gone.url;
}

describe('GET /api/health with a model endpoint', () => {
  it('offers the model when the endpoint answers and serves it', async () => {
    fake = await startFakeOpenAi();
    const server = await start({ OPENAI_BASE_URL: fake.url, MLSD_MODEL: 'fake-model' });
    expect(await health(server)).toEqual({
      ok: true,
      interviewer: 'llm',
      llm: {
        configured: true,
        reachable: true,
        ready: true,
        detail: `${fake.url} answers; using fake-model`,
      },
      db: 'ok',
      access: 'open',
    });
    await logged('model interviewer ready: fake-model at');
  });

  it('starts offline and says why when the endpoint does not answer', async () => {
    const url = await closedPortUrl();
    const server = await start({ OPENAI_BASE_URL: url, MLSD_MODEL: 'fake-model' });
    const body = await health(server);
    expect(body.ok).toBe(true);
    expect(body.interviewer).toBe('offline');
    expect(body.llm).toMatchObject({ configured: true, reachable: false, ready: false });
    expect(body.llm.detail).toContain(`${url} does not answer`);
    expect(body.llm.detail).toContain('offline interviewer');
    expect(await logged('model interviewer unavailable')).toContain('does not answer');
  });

  it('starts offline and says why when the key is refused', async () => {
    const refusing = await refusingServer();
    try {
      const server = await start({
        OPENAI_BASE_URL: refusing.url,
        OPENAI_API_KEY: 'sk-wrong',
        MLSD_MODEL: 'm',
      });
      const body = await health(server);
      expect(body).toMatchObject({ interviewer: 'offline', llm: { reachable: false, ready: false } });
      expect(body.llm.detail).toContain('AUTH');
      await logged('model interviewer unavailable');
    } finally {
      await app?.close();
      app = null;
      await refusing.close();
    }
  });

  it('stays offline while the endpoint does not serve the model yet (Ollama before the pull)', async () => {
    fake = await startFakeOpenAi();
    const server = await start({ OPENAI_BASE_URL: fake.url, MLSD_MODEL: 'qwen2.5:7b-instruct' });
    const body = await health(server);
    expect(body).toMatchObject({ interviewer: 'offline', llm: { reachable: true, ready: false } });
    expect(body.llm.detail).toContain('does not list qwen2.5:7b-instruct');
  });

  it('starts offline with invalid model settings and names the variable', async () => {
    const server = await start({ OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
    const body = await health(server);
    expect(body).toMatchObject({ interviewer: 'offline', llm: { configured: false, ready: false } });
    expect(body.llm.detail).toContain('MLSD_MODEL: required');
    await logged('MLSD_MODEL: required');
  });
});

describe('an llm session whose endpoint is gone', () => {
  it('runs on the offline interviewer with one notice, stored as degraded', async () => {
    const server = await start({ OPENAI_BASE_URL: await closedPortUrl(), MLSD_MODEL: 'fake-model' });
    const response = await server.inject({
      method: 'POST',
      url: '/api/sessions',
      payload: { caseId: 'ad-click-prediction', interviewer: 'llm' },
    });
    expect(response.statusCode).toBe(201);
    const created = CreateSessionResponse.parse(response.json());
    await server.rooms.idle();
    const transcript = server.db.sessions.transcript(created.id);
    expect(transcript.map((turn) => turn.kind)).toEqual(['notice', 'opening']);
    expect(transcript[0]?.text).toBe(MODEL_FAILED_NOTICE);
    expect(server.db.sessions.get(created.id)?.degraded).toBe(true);
  });
});
