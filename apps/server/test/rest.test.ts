import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ApiError,
  CaseSummary,
  CreateSessionResponse,
  HealthResponse,
  SessionDetail,
  SessionSummary,
} from '@mlsd/protocol';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../src/app.ts';
import { FakeClock } from './fake-clock.ts';
import { OWNER_HEADERS } from './owner.ts';
import { FIXTURE_CASE_ID, writeFixtureRubrics } from './rubric-fixture.ts';

let dir: string;
let app: FastifyInstance;
let clock: FakeClock;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-rest-'));
  clock = new FakeClock();
  app = await buildApp({
    db: join(dir, 'mlsd.sqlite'),
    rubricsDir: writeFixtureRubrics(join(dir, 'rubrics')),
    clock,
  });
});

afterEach(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

async function createSession(body: object = { caseId: FIXTURE_CASE_ID }) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/sessions',
    payload: body,
    headers: OWNER_HEADERS,
  });
  expect(response.statusCode).toBe(201);
  return CreateSessionResponse.parse(response.json());
}

function expectApiError(response: { statusCode: number; json(): unknown }, status: number, code: string) {
  expect(response.statusCode).toBe(status);
  const body = ApiError.parse(response.json());
  expect(body).toMatchObject({ statusCode: status, code });
  return body;
}

describe('GET /api/health', () => {
  it('reports the offline interviewer, no model, and a working database', async () => {
    const response = await app.inject('/api/health');
    expect(response.statusCode).toBe(200);
    expect(HealthResponse.parse(response.json())).toEqual({
      ok: true,
      interviewer: 'offline',
      llm: {
        configured: false,
        reachable: false,
        ready: false,
        detail: expect.stringContaining('set OPENAI_BASE_URL or OPENAI_API_KEY'),
      },
      db: 'ok',
      access: 'open',
    });
  });

  it('says so when the database is gone', async () => {
    await app.ready();
    app.db.close();
    const response = await app.inject('/api/health');
    expect(response.statusCode).toBe(503);
    expect(HealthResponse.parse(response.json())).toMatchObject({ ok: false, db: 'error' });
  });
});

describe('GET /api/cases', () => {
  it('lists the cases of the rubric set', async () => {
    const response = await app.inject('/api/cases');
    expect(response.statusCode).toBe(200);
    expect(z.array(CaseSummary).parse(response.json())).toEqual([
      {
        id: FIXTURE_CASE_ID,
        title: 'Fixture feed ranking',
        summary: 'A fixture case used by the server tests.',
        levels: ['senior'],
        tags: ['ranking', 'fixture'],
      },
    ]);
  });
});

describe('POST /api/sessions', () => {
  it('creates a session with defaults and an unguessable token that is not stored', async () => {
    const created = await createSession();
    expect(created).toMatchObject({ caseId: FIXTURE_CASE_ID, durationMinutes: 45, interviewer: 'offline' });
    expect(Buffer.from(created.token, 'base64url')).toHaveLength(32);
    const row = app.db.sqlite.prepare('select * from sessions where id = ?').get(created.id) as Record<
      string,
      unknown
    >;
    expect(Object.values(row)).not.toContain(created.token);
    expect(row.token_hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('judges at senior with a neutral interviewer unless told, and keeps a chosen persona', async () => {
    const plain = await createSession();
    expect(plain).toMatchObject({ level: 'senior', persona: 'neutral' });
    const tough = await createSession({ caseId: FIXTURE_CASE_ID, persona: 'tough' });
    expect(tough.persona).toBe('tough');
    const listed = await app.inject({ url: '/api/sessions', headers: OWNER_HEADERS });
    const row = z
      .array(SessionSummary)
      .parse(listed.json())
      .find((item) => item.id === tough.id);
    expect(row).toMatchObject({ level: 'senior', persona: 'tough' });
  });

  it('refuses a level the case is not written for, naming the levels it suits', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/sessions',
      payload: { caseId: FIXTURE_CASE_ID, level: 'staff' },
      headers: OWNER_HEADERS,
    });
    const body = expectApiError(response, 400, 'VALIDATION_FAILED');
    expect(body.message).toContain('written for senior candidates, not staff');
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/sessions',
      payload: { caseId: FIXTURE_CASE_ID, persona: 'grumpy' },
      headers: OWNER_HEADERS,
    });
    expectApiError(unknown, 400, 'VALIDATION_FAILED');
  });

  it('answers 404 naming the known cases for an unknown case', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/sessions',
      payload: { caseId: 'ad-clik' },
    });
    const body = expectApiError(response, 404, 'CASE_NOT_FOUND');
    expect(body.message).toBe(`unknown case 'ad-clik'; known cases: ${FIXTURE_CASE_ID}`);
  });

  it('says which field is wrong and what is allowed', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/sessions',
      payload: { caseId: FIXTURE_CASE_ID, durationMinutes: 50 },
    });
    const body = expectApiError(response, 400, 'VALIDATION_FAILED');
    expect(body.message).toBe('invalid session request: durationMinutes: expected one of 30, 45, 60');
  });

  it('refuses a missing body and malformed JSON with a 400', async () => {
    const missing = await app.inject({ method: 'POST', url: '/api/sessions' });
    expect(expectApiError(missing, 400, 'VALIDATION_FAILED').message).toMatch(/caseId/);
    const broken = await app.inject({
      method: 'POST',
      url: '/api/sessions',
      headers: { 'content-type': 'application/json' },
      payload: '{"caseId": ',
    });
    expectApiError(broken, 400, 'VALIDATION_FAILED');
  });

  it('limits how fast sessions are created', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/sessions',
        payload: { caseId: FIXTURE_CASE_ID },
      });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) expectApiError(response, 429, 'RATE_LIMITED');
    }
    expect(statuses.filter((status) => status === 201)).toHaveLength(30);
    expect(statuses.at(-1)).toBe(429);
    expect((await app.inject('/api/cases')).statusCode).toBe(200);
  });

  it('runs an llm session on the offline interviewer, flagged and announced', async () => {
    const created = await createSession({ caseId: FIXTURE_CASE_ID, interviewer: 'llm' });
    expect(created.interviewer).toBe('llm');
    expect(app.db.sessions.get(created.id)?.degraded).toBe(true);
    const first = app.db.sessions.transcript(created.id)[0];
    expect(first).toMatchObject({ role: 'interviewer', kind: 'notice' });
  });
});

describe('GET /api/sessions', () => {
  it('lists sessions newest first without tokens', async () => {
    const first = await createSession();
    await clock.advance(1_000);
    const second = await createSession({ caseId: FIXTURE_CASE_ID, durationMinutes: 30 });
    const response = await app.inject({ url: '/api/sessions', headers: OWNER_HEADERS });
    expect(response.statusCode).toBe(200);
    const list = z.array(SessionSummary).parse(response.json());
    expect(list.map((item) => item.id)).toEqual([second.id, first.id]);
    expect(list[0]).toMatchObject({
      caseTitle: 'Fixture feed ranking',
      durationMinutes: 30,
      status: 'active',
      reportId: null,
      overall: null,
      stepScores: null,
    });
    expect(response.body).not.toContain(first.token);
    expect(response.body).not.toContain('token');
  });
});

describe('GET /api/sessions/:id', () => {
  it('returns the session with its transcript for the right token', async () => {
    const created = await createSession();
    const response = await app.inject({
      url: `/api/sessions/${created.id}`,
      headers: { authorization: `Bearer ${created.token}` },
    });
    expect(response.statusCode).toBe(200);
    const detail = SessionDetail.parse(response.json());
    expect(detail.prompt).toContain('fixture feed');
    expect(detail.steps.map((step) => step.status)).toEqual(['active', ...Array(6).fill('pending')]);
    expect(detail.transcript[0]).toMatchObject({
      role: 'interviewer',
      kind: 'opening',
      step: 'requirements',
    });
  });

  it('answers 404 for an unknown session and 401 for a missing or wrong token, alike', async () => {
    const created = await createSession();
    expectApiError(await app.inject(`/api/sessions/nope`), 404, 'SESSION_NOT_FOUND');
    const missing = expectApiError(await app.inject(`/api/sessions/${created.id}`), 401, 'UNAUTHORIZED');
    const wrong = expectApiError(
      await app.inject({
        url: `/api/sessions/${created.id}`,
        headers: { authorization: `Bearer ${created.token}x` },
      }),
      401,
      'UNAUTHORIZED',
    );
    expect(wrong.message).toBe(missing.message);
    expect(wrong.message).not.toContain(created.id);
    const otherScheme = await app.inject({
      url: `/api/sessions/${created.id}`,
      headers: { authorization: `Basic ${created.token}` },
    });
    expectApiError(otherScheme, 401, 'UNAUTHORIZED');
  });

  it('rejects a malformed id with a 400 that says what an id looks like', async () => {
    const body = expectApiError(await app.inject('/api/sessions/not%20an%20id'), 400, 'VALIDATION_FAILED');
    expect(body.message).toMatch(/^invalid session id: id: /);
  });
});

describe('GET /api/reports/:id', () => {
  it('needs the token and says the report is not ready while the interview runs', async () => {
    const created = await createSession();
    expectApiError(await app.inject(`/api/reports/${created.id}`), 401, 'UNAUTHORIZED');
    expectApiError(await app.inject(`/api/reports/unknown`), 404, 'SESSION_NOT_FOUND');
    const running = await app.inject({
      url: `/api/reports/${created.id}`,
      headers: { authorization: `Bearer ${created.token}` },
    });
    expect(expectApiError(running, 409, 'REPORT_NOT_READY').message).toMatch(/still running/);
  });
});

describe('errors', () => {
  it('answers unknown API routes with an ApiError 404', async () => {
    const body = expectApiError(await app.inject('/api/nope'), 404, 'NOT_FOUND');
    expect(body.message).toContain('/api/nope');
  });

  it('hides the internals of a 500', async () => {
    await app.ready();
    app.db.close();
    const response = await app.inject({ url: '/api/sessions', headers: OWNER_HEADERS });
    const body = expectApiError(response, 500, 'INTERNAL');
    expect(body.message).not.toMatch(/database|sqlite|closed/i);
  });
});

describe('startup', () => {
  it('refuses to start with a broken rubric and names file, line and field', async () => {
    const rubrics = writeFixtureRubrics(join(dir, 'broken'));
    const file = join(rubrics, 'cases', 'broken-case.yaml');
    writeFileSync(file, 'id: broken-case\ntitle: ok title\nsummary: 12\n');
    await expect(buildApp({ db: join(dir, 'other.sqlite'), rubricsDir: rubrics, clock })).rejects.toThrow(
      /broken-case\.yaml:3:\d+ summary: /,
    );
  });
});
