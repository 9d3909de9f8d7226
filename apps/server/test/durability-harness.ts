import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaseSummary, CreateSessionResponse } from '@mlsd/protocol';
import { z } from 'zod';
import { ScriptedClient } from './durability-client.ts';
import { freePort, type Launcher, ServerProcess } from './durability-server.ts';
import { verifyPostgres, verifySqlite } from './durability-verify.ts';

export interface DurabilityOptions {
  launcher: Launcher;
  /** kill -9 this many times. */
  kills: number;
  /** Concurrent scripted sessions. */
  sessions: number;
  /** Time the server runs between being ready and the kill, drawn uniformly. */
  upMs: [number, number];
  /** Share of kills that land during start-up (migrations, resume) instead of after it. */
  startupKillShare: number;
  /** Passed to the server, e.g. MLSD_RUBRICS_DIR. */
  env?: Record<string, string>;
  /**
   * An empty PostgreSQL database (DATABASE_URL) to run the server on instead of a SQLite file in
   * a temp dir; the database server itself stays up, only the app is killed.
   */
  databaseUrl?: string;
  /** Deterministic kill moments. */
  seed?: number;
  log?: (line: string) => void;
}

export interface DurabilityResult {
  backend: 'sqlite' | 'postgres';
  kills: number;
  startupKills: number;
  /** Spawn to "running at", for every start that got there. */
  startupMs: number[];
  acknowledged: number;
  sent: number;
  duplicateAcks: number;
  reconnects: number;
  replayedEvents: number;
  violations: string[];
  integrity: string;
  wallMs: number;
}

/** Runs scripted sessions against the real server while killing it, then checks the database. */
export async function runDurability(options: DurabilityOptions): Promise<DurabilityResult> {
  const wallStart = performance.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'mlsd-durability-'));
  const port = await freePort();
  const random = mulberry32(options.seed ?? 1);
  const log = options.log ?? (() => undefined);
  const env = {
    ...options.env,
    ...(options.databaseUrl === undefined ? {} : { DATABASE_URL: options.databaseUrl }),
  };
  const start = () => ServerProcess.spawn(options.launcher, { dataDir, port, env });
  const startupMs: number[] = [];
  const clients: ScriptedClient[] = [];
  let server = start();
  let kills = 0;
  let startupKills = 0;
  const whenReady = async (running: ServerProcess) => {
    const recorded = running.readyMs !== null;
    const ms = await running.ready();
    if (!recorded) startupMs.push(ms);
  };
  try {
    await whenReady(server);
    const base = `http://127.0.0.1:${port}`;
    const cases = z.array(CaseSummary).parse(await (await fetch(`${base}/api/cases`)).json());
    const caseId = cases[0]?.id ?? 'missing';
    for (let i = 0; i < options.sessions; i++) {
      const response = await fetch(`${base}/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ caseId, durationMinutes: 60 }),
      });
      const created = CreateSessionResponse.parse(await response.json());
      clients.push(new ScriptedClient(`ws://127.0.0.1:${port}/ws`, created));
    }
    for (const client of clients) client.start();
    const driver = setInterval(() => {
      for (const client of clients) client.act();
    }, 20);
    try {
      while (kills < options.kills) {
        if (kills > 0 && random() < options.startupKillShare) {
          // Kill somewhere inside start-up: while opening the database, migrating or resuming.
          const typical = startupMs[startupMs.length - 1] ?? 500;
          await sleep(random() * typical);
          if (server.readyMs === null) startupKills += 1;
        } else {
          await whenReady(server);
          const [low, high] = options.upMs;
          await sleep(low + random() * (high - low));
        }
        const exit = await server.kill9();
        if (exit.signal !== 'SIGKILL')
          throw new Error(`server died on its own (${exit.code}): ${server.stderr.slice(-2_000)}`);
        kills += 1;
        if (kills % 10 === 0) log(`${kills} kills, ${sum(clients.map((c) => c.acked.size))} acknowledged`);
        server = start();
      }
      await whenReady(server);
      await waitFor(() => clients.every((client) => client.joined), 30_000, 'every client to rejoin');
    } finally {
      clearInterval(driver);
    }
    // Let every frame still in flight be acknowledged, then stop cleanly.
    await waitFor(
      () => clients.every((client) => client.unacknowledged === 0),
      30_000,
      'the last acknowledgements',
    );
    await sleep(100);
    for (const client of clients) client.stop();
    const exit = await server.terminate();
    if (exit.code !== 0)
      throw new Error(
        `SIGTERM did not end the server cleanly (${exit.signal ?? exit.code}): ${server.stderr}`,
      );
    const { integrity, violations } =
      options.databaseUrl === undefined
        ? await verifySqlite(join(dataDir, 'mlsd.sqlite'), clients)
        : await verifyPostgres(options.databaseUrl, clients);
    return {
      backend: options.databaseUrl === undefined ? 'sqlite' : 'postgres',
      kills,
      startupKills,
      startupMs,
      acknowledged: sum(clients.map((client) => client.acked.size)),
      sent: sum(clients.map((client) => client.sent.size)),
      duplicateAcks: sum(clients.map((client) => client.stats.duplicateAcks)),
      reconnects: sum(clients.map((client) => client.stats.connects - 1)),
      replayedEvents: sum(clients.map((client) => client.stats.replayed)),
      violations: [...clients.flatMap((client) => client.violations), ...violations],
      integrity,
      wallMs: performance.now() - wallStart,
    };
  } finally {
    for (const client of clients) client.stop();
    await server.kill9();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** A small seeded generator, so a failing run can be replayed with the same kill moments. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
