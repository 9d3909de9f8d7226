import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloseCode, CreateSessionResponse } from '@mlsd/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESTART_REASON } from '../src/transport/ws/restart.ts';
import { runDurability } from './durability-harness.ts';
import { freePort, type Launcher, prepareLauncher, ServerProcess } from './durability-server.ts';
import { FIXTURE_CASE_ID, writeFixtureRubrics } from './rubric-fixture.ts';
import { TestSocket } from './ws-client.ts';

/** 50 in CI; `pnpm bench` runs 200 (bench/durability.bench.ts). */
const KILLS = Number(process.env.MLSD_DURABILITY_KILLS ?? 50);

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
    console.log(
      `durability: ${result.kills} kills (${result.startupKills} during start-up) in ${Math.round(result.wallMs)} ms; ` +
        `${result.acknowledged}/${result.sent} frames acknowledged, ${result.duplicateAcks} duplicate acks, ` +
        `${result.reconnects} reconnects, ${result.replayedEvents} events replayed; start-up median ${median(result.startupMs)} ms`,
    );
    expect(result.violations).toEqual([]);
    expect(result.integrity).toBe('ok');
    expect(result.kills).toBe(KILLS);
    expect(result.acknowledged).toBe(result.sent);
    expect(result.acknowledged).toBeGreaterThan(KILLS);
  }, 600_000);
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0);
}
