import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloseCode, CreateSessionResponse } from '@mlsd/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPgTestServer } from '../../../packages/db/test/pg-test-server.ts';
import { RESTART_REASON } from '../src/transport/ws/restart.ts';
import type { ScriptedClient } from './durability-client.ts';
import { type DurabilityResult, runDurability } from './durability-harness.ts';
import { freePort, type Launcher, prepareLauncher, ServerProcess } from './durability-server.ts';
import { verifyPostgres, verifySqlite } from './durability-verify.ts';
import { FIXTURE_CASE_ID, writeFixtureRubrics } from './rubric-fixture.ts';
import { TestSocket } from './ws-client.ts';

/** 50 in CI; `pnpm bench` runs 200 (bench/durability.bench.ts). */
const KILLS = Number(process.env.MLSD_DURABILITY_KILLS ?? 50);
/** On PostgreSQL: fewer, so that run stays well under two minutes (each restart also reconnects the pool). */
const PG_KILLS = Number(process.env.MLSD_DURABILITY_PG_KILLS ?? 20);

let dir: string;
let env: Record<string, string>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-durability-test-'));
  // The small fixture rubric set: start-up then costs module loading, not NLP over fifteen cases.
  env = { MLSD_RUBRICS_DIR: writeFixtureRubrics(join(dir, 'rubrics')) };
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the real server process', () => {
  it('on SIGTERM tells clients to reconnect (1012), stores what it acknowledged and closes the database', async () => {
    // Started exactly as `pnpm start` does: node with tsx's loader on src/server.ts.
    const launcher = await prepareLauncher('tsx');
    const dataDir = join(dir, 'sigterm');
    const port = await freePort();
    const server = ServerProcess.spawn(launcher, { dataDir, port, env });
    try {
      await server.ready();
      const response = await fetch(`http://127.0.0.1:${port}/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ caseId: FIXTURE_CASE_ID }),
      });
      const session = CreateSessionResponse.parse(await response.json());
      const socket = await TestSocket.open(`ws://127.0.0.1:${port}/ws`);
      socket.send({ type: 'hello', roomId: session.id, token: session.token, lastSeq: 0 });
      await socket.next('snapshot');
      socket.send({
        type: 'say',
        clientId: 'before-term',
        text: 'We would start from a popularity baseline.',
      });
      await socket.next('ack');
      const exit = server.terminate();
      expect(await socket.closed).toEqual({ code: CloseCode.restart, reason: RESTART_REASON });
      expect(await exit).toEqual({ code: 0, signal: null });
      // Closed cleanly: the write-ahead log was checkpointed into the database file.
      const wal = join(dataDir, 'mlsd.sqlite-wal');
      expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
    } finally {
      await server.kill9();
    }
  }, 120_000);
});

describe('kill -9 at random moments', () => {
  let launcher: Launcher;

  beforeAll(async () => {
    launcher = await prepareLauncher('bundle');
  });

  afterAll(() => launcher?.dispose());

  it(`keeps every acknowledged message exactly once across ${KILLS} crashes`, async () => {
    const result = await runDurability({
      launcher,
      kills: KILLS,
      sessions: 4,
      upMs: [200, 1200],
      startupKillShare: 0.15,
      env,
      seed: 20_260_105,
    });
    report(result);
    expectNothingLost(result, KILLS);
  }, 600_000);

  it('flags an acknowledged frame the database does not hold', async () => {
    // The check itself must be able to fail: a client that saw an ack for a frame never stored.
    const file = join(dir, 'verify', 'mlsd.sqlite');
    mkdirSync(join(dir, 'verify'), { recursive: true });
    expect((await verifySqlite(file, [clientClaimingAnAck()])).violations).toEqual([
      'lost-ses: lost-1 stored 0 times',
    ]);
  });
});

/** What a client that saw `lost-1` acknowledged looks like to the verifier. */
function clientClaimingAnAck(): ScriptedClient {
  const frame = { type: 'timer' as const, action: 'next_step' as const, clientId: 'lost-1' };
  return {
    sessionId: 'lost-session',
    sent: new Map([['lost-1', frame]]),
    acked: new Map([['lost-1', frame]]),
    events: new Map(),
  } as unknown as ScriptedClient;
}

// The same harness with DATABASE_URL: the app is killed, the PostgreSQL server stays up (as a
// managed database would). Skipped without PostgreSQL binaries unless MLSD_REQUIRE_PG=1 (CI).
const pg = await startPgTestServer();
const pgServer = 'server' in pg ? pg.server : undefined;
if (pgServer) afterAll(() => pgServer.stop());
const describePg = pgServer ? describe : describe.skip;

describePg(
  `kill -9 at random moments on PostgreSQL${pgServer ? '' : ` (skipped: ${'skipped' in pg ? pg.skipped : ''})`}`,
  () => {
    let launcher: Launcher;

    beforeAll(async () => {
      launcher = await prepareLauncher('bundle');
    });

    afterAll(() => launcher?.dispose());

    it('flags an acknowledged frame the database does not hold', async () => {
      const database = await pgServer!.createDatabase();
      try {
        expect((await verifyPostgres(database.url, [clientClaimingAnAck()])).violations).toEqual([
          'lost-ses: lost-1 stored 0 times',
        ]);
      } finally {
        await database.drop();
      }
    });

    it(`keeps every acknowledged message exactly once across ${PG_KILLS} crashes`, async () => {
      const database = await pgServer!.createDatabase();
      try {
        const result = await runDurability({
          launcher,
          kills: PG_KILLS,
          sessions: 4,
          upMs: [200, 1200],
          startupKillShare: 0.15,
          env,
          databaseUrl: database.url,
          seed: 20_261_204,
        });
        report(result);
        expectNothingLost(result, PG_KILLS);
      } finally {
        await database.drop();
      }
    }, 300_000);
  },
);

function report(result: DurabilityResult): void {
  console.log(
    `durability (${result.backend}): ${result.kills} kills (${result.startupKills} during start-up) in ${Math.round(result.wallMs)} ms; ` +
      `${result.acknowledged}/${result.sent} frames acknowledged, ${result.duplicateAcks} duplicate acks, ` +
      `${result.reconnects} reconnects, ${result.replayedEvents} events replayed; start-up median ${median(result.startupMs)} ms; ` +
      `integrity ${result.integrity}, ${result.violations.length} violations`,
  );
}

function expectNothingLost(result: DurabilityResult, kills: number): void {
  expect(result.violations).toEqual([]);
  expect(result.integrity).toBe('ok');
  expect(result.kills).toBe(kills);
  expect(result.acknowledged).toBe(result.sent);
  expect(result.acknowledged).toBeGreaterThan(kills);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0);
}
