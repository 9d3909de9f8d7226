import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { lanUrls } from '../src/lan-urls.ts';
import { OWNER_HEADERS } from './owner.ts';
import { FIXTURE_CASE_ID, writeFixtureRubrics } from './rubric-fixture.ts';

interface LogLine {
  level: number;
  msg: string;
}

const INFO = 30;

let dir: string;
let app: FastifyInstance;
let lines: LogLine[];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-log-'));
  const dist = join(dir, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log("app")');
  lines = [];
  app = await buildApp({
    db: join(dir, 'db.sqlite'),
    rubricsDir: writeFixtureRubrics(join(dir, 'rubrics')),
    webDistDir: dist,
    // The server's own logger options, with the lines captured instead of printed.
    logger: { level: 'debug', stream: { write: (line: string) => lines.push(JSON.parse(line)) } },
  });
  await app.ready();
  lines.length = 0; // start-up lines (no model configured, …) are not requests
});

afterEach(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const atInfo = () => lines.filter((line) => line.level >= INFO).map((line) => line.msg);

describe('request logging', () => {
  it('logs the web app and its assets at debug only', async () => {
    expect((await app.inject('/assets/app-1234.js')).statusCode).toBe(200);
    expect((await app.inject('/')).statusCode).toBe(200);
    expect((await app.inject('/api/health')).statusCode).toBe(200);
    expect(atInfo()).toEqual([]);
    const debug = lines.filter((line) => line.level < INFO).map((line) => line.msg);
    expect(debug).toHaveLength(3);
    expect(debug[0]).toMatch(/^GET \/assets\/app-1234\.js 200 \(\d+ ms\)$/);
    expect(debug[2]).toMatch(/^GET \/api\/health 200/);
  });

  it('logs one line at info when a session is created, naming the route and not the ids', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/sessions',
      payload: { caseId: FIXTURE_CASE_ID },
      headers: OWNER_HEADERS,
    });
    expect(response.statusCode).toBe(201);
    const info = atInfo();
    expect(info).toHaveLength(1);
    expect(info[0]).toMatch(/^POST \/api\/sessions 201 \(\d+ ms\)$/);
  });

  it('logs a failed read at info', async () => {
    await app.inject('/api/sessions/nope');
    expect(atInfo().some((msg) => /^GET \/api\/sessions\/:id 4\d\d/.test(msg))).toBe(true);
  });
});

describe('lanUrls', () => {
  const at = (address: string, family = 'IPv4'): AddressInfo => ({ address, family, port: 3000 });
  const interfaces = {
    lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
    docker0: [{ address: '172.17.0.1', family: 'IPv4', internal: false }],
    eth0: [
      { address: '192.168.1.20', family: 'IPv4', internal: false },
      { address: 'fe80::1', family: 'IPv6', internal: false },
    ],
  } as unknown as Parameters<typeof lanUrls>[1];

  it('lists the network addresses, home network first, when listening on every interface', () => {
    expect(lanUrls(at('0.0.0.0'), interfaces)).toEqual([
      'http://192.168.1.20:3000',
      'http://172.17.0.1:3000',
    ]);
  });

  it('gives the one address it listens on, and nothing on loopback', () => {
    expect(lanUrls(at('10.0.0.5'), interfaces)).toEqual(['http://10.0.0.5:3000']);
    expect(lanUrls(at('127.0.0.1'), interfaces)).toEqual([]);
    expect(lanUrls(at('::1', 'IPv6'), interfaces)).toEqual([]);
    expect(lanUrls(null, interfaces)).toEqual([]);
  });
});
