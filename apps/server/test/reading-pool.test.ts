import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Turn } from '@mlsd/protocol';
import { loadRubrics } from '@mlsd/rubric';
import { AnalysisCache } from '@mlsd/scoring';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReadingSettings } from '../src/reading-pool/pooled-brains.ts';
import { ReadingPool } from '../src/reading-pool/reading-pool.ts';
import { createBrains } from '../src/rooms/solo/offline-brains.ts';
import { flushIo } from './fake-clock.ts';
import { REPO_ROOT } from './helpers.ts';
import { offlineReportRequest, startReadingServer } from './reading-server.ts';

/**
 * Candidate messages read in worker threads (`MLSD_READ_WORKERS` > 0) read exactly as on the
 * server's own thread, and a worker that dies half-way through a message loses nothing: the
 * message is read again by its replacement and acknowledged once.
 */
const loaded = loadRubrics(join(REPO_ROOT, 'rubrics'));
if (!loaded.ok) throw new Error('the repo rubrics do not load');
const rubrics = loaded.value;
const study = rubrics.cases.get('ad-click-prediction')!;
const script = (
  JSON.parse(readFileSync(join(REPO_ROOT, 'calibration/ad-click-prediction/strong.json'), 'utf8')) as {
    turns: { role: string; step: Turn['step']; text: string }[];
  }
).turns;
const answers = script.filter((turn) => turn.role === 'candidate').map((turn) => turn.text);

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('the reading pool', () => {
  it('reads every message of a whole interview and its report exactly as in-process', async () => {
    const pool = new ReadingPool({ workers: 2, rubrics });
    cleanups.push(() => pool.close());
    const brains = createBrains();
    const local = new AnalysisCache(4096);
    const pooled = new AnalysisCache(4096);
    const transcript: Turn[] = [];
    for (const [index, turn] of script.entries()) {
      if (turn.role === 'candidate') {
        const request = { caseStudy: study, framework: rubrics.framework, step: turn.step, text: turn.text };
        const context = { transcript: [...transcript], notes: 'p99 under 50 ms; 1B impressions a day' };
        const inProcess = brains.read({ ...request, ...context, analyses: local });
        const inPool = await pool.read(pooled, { ...request, ...context, analyses: pooled });
        expect(inPool).toEqual(inProcess);
      }
      transcript.push({
        id: String(index),
        role: turn.role === 'candidate' ? 'candidate' : 'interviewer',
        step: turn.step,
        kind: turn.role === 'candidate' ? 'answer' : 'probe',
        text: turn.text,
        at: index * 60_000,
      });
    }
    const reportRequest = offlineReportRequest('pool-equality', study, rubrics.framework, transcript);
    const inProcess = await brains.report({ ...reportRequest, analyses: local });
    const inPool = await pool.report(pooled, { ...reportRequest, analyses: pooled });
    expect(inPool).toEqual(inProcess);
    expect(inPool.overall).toBeGreaterThan(0);
  }, 120_000);

  it('gives the same interview, move for move, on a real server with and without workers', async () => {
    const inProcess = await scriptedInterview({ workers: 0 });
    const inPool = await scriptedInterview({ workers: 2 });
    expect(inPool.turns).toEqual(inProcess.turns);
    expect(inPool.turns.filter((turn) => turn.role === 'interviewer').length).toBeGreaterThan(answers.length);
    expect(inPool.report).toEqual(inProcess.report);
  }, 180_000);

  it('reads a message again when its worker dies half-way, and acknowledges it once', async () => {
    const done = new SharedArrayBuffer(4);
    const server = await startServer({ workers: 1, crashOnce: { marker: '[crash here]', done } });
    const socket = await server.open();
    const before = server.app.readingPool?.threads[0];
    expect(before).toBeDefined();

    socket.send({ type: 'say', clientId: 'first', text: `${answers[0]} [crash here]` });
    const ack = await socket.next('ack', 30_000);
    expect(ack).toMatchObject({ clientId: 'first', duplicate: false });
    await socket.waitFor((m) => m.type === 'turn' && m.turn.role === 'interviewer', 30_000);
    // The worker really died inside the message, and piscina started another.
    expect(new Int32Array(done)[0]).toBe(1);
    expect(server.app.readingPool?.threads[0]).not.toBe(before);

    socket.send({ type: 'say', clientId: 'second', text: answers[1] });
    await socket.waitFor((m) => m.type === 'ack' && m.clientId === 'second', 30_000);
    await socket.waitFor((m) => m.type === 'turn' && m.turn.role === 'interviewer', 30_000);
    await server.app.rooms.idle();
    const acks = socket.received.filter((m) => m.type === 'ack');
    expect(acks.map((m) => m.type === 'ack' && m.clientId)).toEqual(['first', 'second']);
    const stored = await server.app.store.sessions.transcript(server.sessionId);
    const mine = stored.filter((turn) => turn.role === 'candidate');
    expect(mine.map((turn) => turn.clientId)).toEqual(['first', 'second']);
    expect(mine[0]?.text).toContain('[crash here]');
  }, 60_000);
});

/** The real app (see reading-server.ts) with one solo session on the ad-click case. */
async function startServer(reading: ReadingSettings) {
  const server = await startReadingServer(reading, cleanups, 'mlsd-reading-pool');
  const session = await server.createSession(study.id, 7);
  return { app: server.app, clock: server.clock, sessionId: session.id, open: () => server.open(session) };
}

/** Every answer of the strong transcript, a minute apart, then the end: the stored turns and report. */
async function scriptedInterview(reading: ReadingSettings) {
  const server = await startServer(reading);
  const socket = await server.open();
  const settle = async () => {
    await flushIo();
    await server.app.rooms.idle();
  };
  for (const [index, text] of answers.entries()) {
    await server.clock.advance(60_000, settle);
    socket.send({ type: 'say', clientId: `a${index}`, text });
    await socket.waitFor((m) => m.type === 'ack' && m.clientId === `a${index}`, 30_000);
    await socket.waitFor((m) => m.type === 'turn' && m.turn.role === 'interviewer', 30_000);
    await settle();
  }
  socket.send({ type: 'timer', action: 'end', clientId: 'end' });
  await socket.next('ended', 30_000);
  await settle();
  const turns = (await server.app.store.sessions.transcript(server.sessionId)).map(
    ({ id: _id, ...turn }) => turn,
  );
  const stored = await server.app.store.sessions.report(server.sessionId);
  const { id: _id, sessionId: _session, ...report } = (stored?.report ?? {}) as Record<string, unknown>;
  return { turns, report };
}
