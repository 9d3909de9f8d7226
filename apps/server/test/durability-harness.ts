import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '@mlsd/db';
import { CaseSummary, CreateSessionResponse, ServerEvent } from '@mlsd/protocol';
import { z } from 'zod';
import { candidateTurn } from '../src/rooms/candidate-turn.ts';
import { ScriptedClient } from './durability-client.ts';
import { freePort, type Launcher, ServerProcess } from './durability-server.ts';

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
  /** Deterministic kill moments. */
  seed?: number;
  log?: (line: string) => void;
}

export interface DurabilityResult {
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
  const start = () => ServerProcess.spawn(options.launcher, { dataDir, port, env: options.env ?? {} });
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
    const { integrity, violations } = verifyDatabase(join(dataDir, 'mlsd.sqlite'), clients);
    return {
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

/**
 * What must hold after any number of crashes: the file is intact, every acknowledged frame is
 * stored exactly once (answers as one transcript turn with the same text), every event a client
 * saw is stored with the same content, and turns and events are numbered without holes.
 */
export function verifyDatabase(
  file: string,
  clients: ScriptedClient[],
): { integrity: string; violations: string[] } {
  // The server has stopped; opening through createDb applies no migration (all are applied).
  const { sqlite: db, close } = createDb(file);
  const violations: string[] = [];
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((row) => row.integrity_check)
      .join('; ');
    const foreignKeys = db.pragma('foreign_key_check') as unknown[];
    if (foreignKeys.length > 0) violations.push(`${foreignKeys.length} rows break foreign keys`);
    const commands = db.prepare(
      'select count(*) as n from client_commands where session_id = ? and client_id = ?',
    );
    const turns = db.prepare('select text from turns where session_id = ? and client_id = ?');
    const events = db.prepare('select seq, payload from events where session_id = ? order by seq');
    const turnIndexes = db.prepare('select idx from turns where session_id = ? order by idx');
    for (const client of clients) {
      const id = client.sessionId;
      const tag = id.slice(0, 8);
      for (const [clientId, frame] of client.sent) {
        const stored = (commands.get(id, clientId) as { n: number }).n;
        const mustBe = client.acked.has(clientId) ? 1 : stored;
        if (stored !== mustBe || stored > 1) violations.push(`${tag}: ${clientId} stored ${stored} times`);
        if (frame.type !== 'say') continue;
        const rows = turns.all(id, clientId) as { text: string }[];
        if (rows.length !== stored)
          violations.push(`${tag}: ${clientId} has ${rows.length} turns for ${stored} commands`);
        if (rows.some((row) => row.text !== frame.text))
          violations.push(`${tag}: ${clientId} stored with other text`);
      }
      const stored = events.all(id) as { seq: number; payload: string }[];
      stored.forEach((row, index) => {
        if (row.seq !== index + 1)
          violations.push(`${tag}: event numbers jump to ${row.seq} at position ${index + 1}`);
      });
      // Through the same schema the client parsed with, so key order compares equal too.
      const bySeq = new Map(stored.map((row) => [row.seq, ServerEvent.parse(JSON.parse(row.payload))]));
      for (const [seq, seen] of client.events) {
        const kept = bySeq.get(seq);
        if (!kept || JSON.stringify(withoutProbes(kept)) !== JSON.stringify(seen)) {
          violations.push(`${tag}: event ${seq} the client saw is not what is stored`);
        }
      }
      (turnIndexes.all(id) as { idx: number }[]).forEach((row, index) => {
        if (row.idx !== index) violations.push(`${tag}: transcript index jumps to ${row.idx} at ${index}`);
      });
    }
    return { integrity, violations };
  } finally {
    close();
  }
}

/** A stored event as the candidate's seat receives it (the server's own projection). */
function withoutProbes(event: ServerEvent): ServerEvent {
  return event.type === 'turn' ? { ...event, turn: candidateTurn(event.turn) } : event;
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
