import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Turn } from '@mlsd/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { AUTO_READ_WORKERS_AT, readingSettingsFor } from '../src/reading-pool/on-demand.ts';
import type { ReadingSettings } from '../src/reading-pool/pooled-brains.ts';
import { flushIo } from './fake-clock.ts';
import { REPO_ROOT } from './helpers.ts';
import { createRoom } from './peer-client.ts';
import { startReadingServer } from './reading-server.ts';
import { TestSocket } from './ws-client.ts';

/**
 * `MLSD_READ_WORKERS=auto`: no worker thread while few rooms are live; one worker once the
 * threshold is reached (solo sessions and peer rooms alike), the main thread reading until it is
 * warm; and across the switch every answer is acknowledged once, stored once and answered as on a
 * server that never had a worker.
 */
const CASE_ID = 'ad-click-prediction';
const answers = (
  JSON.parse(readFileSync(join(REPO_ROOT, 'calibration/ad-click-prediction/strong.json'), 'utf8')) as {
    turns: { role: string; text: string }[];
  }
).turns
  .filter((turn) => turn.role === 'candidate')
  .map((turn) => turn.text);
/**
 * Rounds answered while the worker warms up, at most (then the test waits for it): a worker from
 * the sources takes 2 to 13 s to warm here, and each round is paced by `WARMING_PAUSE_MS`.
 */
const MAX_ROUNDS_WHILE_WARMING = 150;
const WARMING_PAUSE_MS = 100;
/**
 * Session time between rounds. The fake clock is the socket rate limiter's too: without it moving,
 * a socket runs out of frames after about 120.
 */
const ROUND_GAP_MS = 1_000;
/** Rounds answered once the worker is warm: every reading in them goes through it. */
const ROUNDS_WHEN_WARM = 2;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('the reading settings src/server.ts runs with', () => {
  it('turns auto into one worker started on demand, and into none on one core', () => {
    expect(readingSettingsFor('auto', AUTO_READ_WORKERS_AT, 2)).toEqual({
      workers: 1,
      startAtLiveRooms: AUTO_READ_WORKERS_AT,
    });
    expect(readingSettingsFor('auto', 7, 8)).toEqual({ workers: 1, startAtLiveRooms: 7 });
    expect(readingSettingsFor('auto', 7, 1)).toEqual({ workers: 0 });
    // A number keeps its meaning: that many workers, started once the server listens.
    expect(readingSettingsFor(0, 7, 2)).toEqual({ workers: 0, startAfterListening: true });
    expect(readingSettingsFor(3, 7, 2)).toEqual({ workers: 3, startAfterListening: true });
  });

  it('gives a one-core server no pool at all', async () => {
    const server = await startServer(readingSettingsFor('auto', 1, 1));
    await server.openSession(0);
    expect(server.app.readingPool).toBeUndefined();
  });
});

describe('MLSD_READ_WORKERS=auto', () => {
  it('reads on the main thread below the threshold, starts one worker at it, and loses no answer in the switch', async () => {
    const onDemand = await interviews({ workers: 1, startAtLiveRooms: 3 });
    expect(onDemand.belowThreshold).toEqual({ liveRooms: 2, started: false, threads: 0, pooledTasks: 0 });
    expect(onDemand.atThreshold).toMatchObject({ liveRooms: 3, started: true, threads: 1 });
    expect(onDemand.afterWarm).toMatchObject({ liveRooms: 4, started: true, threads: 1, sameThread: true });
    // Every answer of the rounds after the warm-up was read in the worker.
    expect(onDemand.pooledWhenWarm).toBe(ROUNDS_WHEN_WARM * 3);

    // Once acknowledged, once stored, in the order sent, for every session.
    for (const session of onDemand.sessions) {
      expect(session.acks).toEqual(session.sent.map((clientId) => ({ clientId, duplicate: false })));
      expect(session.storedClientIds).toEqual(session.sent);
    }
    // And the interviews are move for move those of a server reading on its own thread.
    const inProcess = await interviews({ workers: 0 }, onDemand.rounds);
    expect(onDemand.sessions.map((session) => session.turns)).toEqual(
      inProcess.sessions.map((session) => session.turns),
    );
    expect(onDemand.sessions[0]?.turns.filter((turn) => turn.role === 'interviewer').length).toBeGreaterThan(
      onDemand.rounds,
    );
  }, 240_000);

  it('counts peer rooms as live sessions', async () => {
    const server = await startServer({ workers: 1, startAtLiveRooms: 2 });
    await server.openSession(0);
    const pool = server.app.readingPool;
    expect(pool?.started).toBe(false);
    const room = await createRoom(server.url, { caseId: CASE_ID, durationMinutes: 30 });
    const seat = await TestSocket.open(server.wsUrl);
    cleanups.push(() => seat.close());
    seat.send({ type: 'hello', roomId: room.roomId, token: room.interviewer.token, lastSeq: 0 });
    await seat.next('snapshot');
    expect(server.app.rooms.liveCount).toBe(2);
    expect(pool?.started).toBe(true);
    expect(pool?.threads).toHaveLength(1);
  }, 60_000);
});

/** The real app (see reading-server.ts) with `openSession` on the ad-click case. */
async function startServer(reading: ReadingSettings) {
  const server = await startReadingServer(reading, cleanups, 'mlsd-reading-on-demand');
  return {
    ...server,
    url: `http://127.0.0.1:${server.port}`,
    wsUrl: `ws://127.0.0.1:${server.port}/ws`,
    /** A new solo session (its room goes live now) with a socket that said hello. */
    async openSession(seed: number) {
      const session = await server.createSession(CASE_ID, seed);
      return { id: session.id, socket: await server.open(session), sent: [] as string[] };
    },
  };
}

type Server = Awaited<ReturnType<typeof startServer>>;
type Session = Awaited<ReturnType<Server['openSession']>>;

/**
 * Every session answers at once, then each waits for its acknowledgement and the interviewer's
 * reply; then session time moves on by `ROUND_GAP_MS`.
 */
async function answerRound(server: Server, sessions: Session[], round: number): Promise<void> {
  await Promise.all(
    sessions.map(async (session, index) => {
      const clientId = `s${index}-r${round}`;
      session.sent.push(clientId);
      session.socket.send({ type: 'say', clientId, text: answers[round % answers.length] });
      await session.socket.waitFor((m) => m.type === 'ack' && m.clientId === clientId, 30_000);
      await session.socket.waitFor((m) => m.type === 'turn' && m.turn.role === 'interviewer', 30_000);
    }),
  );
  await server.clock.advance(ROUND_GAP_MS, async () => {
    await flushIo();
    await server.app.rooms.idle();
  });
}

/**
 * Two sessions answer a round, a third opens (the threshold of 3 with `auto`), then all three
 * answer until the worker is warm and `ROUNDS_WHEN_WARM` rounds more (or `rounds` in all, to
 * replay the same interviews on another server); a fourth session opens last.
 */
async function interviews(reading: ReadingSettings, rounds?: number) {
  const server = await startServer(reading);
  const pool = server.app.readingPool;
  const state = () => ({
    liveRooms: server.app.rooms.liveCount,
    started: pool?.started ?? false,
    threads: pool?.threads.length ?? 0,
    pooledTasks: pool?.pooledTasks ?? 0,
  });
  const sessions = [await server.openSession(0), await server.openSession(1)];
  await answerRound(server, sessions, 0);
  const belowThreshold = state();
  sessions.push(await server.openSession(2));
  const atThreshold = state();
  const firstThread = pool?.threads[0];

  let round = 1;
  let pooledWhenWarm = 0;
  if (rounds === undefined) {
    while (round < MAX_ROUNDS_WHILE_WARMING && pool && !pool.warm) {
      await answerRound(server, sessions, round++);
      await new Promise((resolve) => setTimeout(resolve, WARMING_PAUSE_MS));
    }
    await pool?.warmed;
    const pooledBefore = pool?.pooledTasks ?? 0;
    for (const end = round + ROUNDS_WHEN_WARM; round < end; ) await answerRound(server, sessions, round++);
    pooledWhenWarm = (pool?.pooledTasks ?? 0) - pooledBefore;
  } else {
    while (round < rounds) await answerRound(server, sessions, round++);
  }
  await server.openSession(3);
  const afterWarm = { ...state(), sameThread: pool?.threads[0] === firstThread };

  await flushIo();
  await server.app.rooms.idle();
  const stored = await Promise.all(
    sessions.map(async (session) => {
      const transcript = await server.app.store.sessions.transcript(session.id);
      const acks = session.socket.received.flatMap((m) =>
        m.type === 'ack' ? [{ clientId: m.clientId, duplicate: m.duplicate }] : [],
      );
      return {
        sent: session.sent,
        acks,
        storedClientIds: transcript.filter((turn) => turn.role === 'candidate').map((turn) => turn.clientId),
        turns: transcript.map(({ id: _id, ...turn }): Omit<Turn, 'id'> => turn),
      };
    }),
  );
  return { rounds: round, belowThreshold, atThreshold, afterWarm, pooledWhenWarm, sessions: stored };
}
