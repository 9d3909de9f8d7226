import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CaseSummary, CreateSessionResponse, type Turn } from '@mlsd/protocol';
import { loadRubrics } from '@mlsd/rubric';
import { AnalysisCache, adoptRubricData } from '@mlsd/scoring';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bundleReadWorker } from '../scripts/bundle.mjs';
import { pooledBrains } from '../src/reading-pool/pooled-brains.ts';
import { ReadingPool } from '../src/reading-pool/reading-pool.ts';
import type { ReadWorkerBundle } from '../src/reading-pool/tasks.ts';
import { createBrains } from '../src/rooms/solo/offline-brains.ts';
import { freePort, prepareLauncher, ServerProcess } from './durability-server.ts';
import { REPO_ROOT } from './helpers.ts';
import { OWNER_HEADERS } from './owner.ts';
import { offlineReportRequest } from './reading-server.ts';
import { writeFixtureRubrics } from './rubric-fixture.ts';
import { answerAndReply } from './solo-session.ts';
import { TestSocket } from './ws-client.ts';

/**
 * The reading worker compiled by the build (apps/server/scripts/bundle.mjs) reads exactly as the
 * worker started from the TypeScript sources, takes each case's matcher from the build's data as
 * the main thread does, and is what the server bundle's pool runs; a bundle that is not the one
 * its server was built with is never run (the worker reads from the sources instead).
 */
const loaded = loadRubrics(join(REPO_ROOT, 'rubrics'));
if (!loaded.ok) throw new Error('the repo rubrics do not load');
const rubrics = loaded.value;
const study = rubrics.cases.get('ad-click-prediction')!;
/** A fact question and an answer in one message, read in and out of the workers. */
const MIXED_MESSAGE = {
  caseStudy: study,
  framework: rubrics.framework,
  step: 'requirements' as const,
  text: 'How many ads are shown a day? I would start with a logistic regression baseline.',
  transcript: [],
  notes: '',
};
const script = (
  JSON.parse(readFileSync(join(REPO_ROOT, 'calibration/ad-click-prediction/strong.json'), 'utf8')) as {
    turns: { role: string; step: Turn['step']; text: string }[];
  }
).turns;

let dir: string;
let bundle: ReadWorkerBundle;
const pools: ReadingPool[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-read-worker-bundle-'));
  bundle = await bundleReadWorker(join(dir, 'read-worker.mjs'));
}, 120_000);

afterAll(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
  rmSync(dir, { recursive: true, force: true });
});

function startPool(workerBundle?: ReadWorkerBundle): ReadingPool {
  const pool = new ReadingPool({ workers: 1, rubrics, ...(workerBundle ? { workerBundle } : {}) });
  pools.push(pool);
  return pool;
}

/** How many cases the main thread would take from the build's data now (each on a fresh copy, as a worker holds). */
function casesAdoptableHere(): number {
  let count = 0;
  for (const [caseId, caseStudy] of rubrics.cases) {
    const path = rubrics.paths.get(caseId);
    if (!path) continue;
    const copy = structuredClone({ caseStudy, framework: rubrics.framework });
    if (adoptRubricData({ framework: rubrics.frameworkPath, study: path }, copy.caseStudy, copy.framework))
      count += 1;
  }
  return count;
}

describe('the bundled reading worker', () => {
  it('reads a whole interview and its report exactly as the worker run from the sources', async () => {
    const bundled = startPool(bundle);
    const fromSources = startPool();
    const [bundledWarm, sourcesWarm] = await Promise.all([bundled.warmed, fromSources.warmed]);
    // Each really runs the code it says: the bundle in one thread, tsx and the sources in the other.
    expect(bundledWarm.map((lane) => lane.code)).toEqual(['bundle']);
    expect(sourcesWarm.map((lane) => lane.code)).toEqual(['sources']);
    // Both prepared every case, and took from the build's data every case the main thread would.
    const adoptable = casesAdoptableHere();
    for (const lane of [...bundledWarm, ...sourcesWarm]) {
      expect(lane.cases).toBe(rubrics.cases.size);
      expect(lane.fromBuild).toBe(adoptable);
    }

    const bundledAnalyses = new AnalysisCache(4096);
    const sourcesAnalyses = new AnalysisCache(4096);
    const transcript: Turn[] = [];
    let read = 0;
    for (const [index, turn] of script.entries()) {
      if (turn.role === 'candidate') {
        const request = {
          caseStudy: study,
          framework: rubrics.framework,
          step: turn.step,
          text: turn.text,
          transcript: [...transcript],
          notes: 'p99 under 50 ms; 1B impressions a day',
        };
        const [inBundle, inSources] = await Promise.all([
          bundled.read(bundledAnalyses, { ...request, analyses: bundledAnalyses }),
          fromSources.read(sourcesAnalyses, { ...request, analyses: sourcesAnalyses }),
        ]);
        expect(inBundle).toEqual(inSources);
        read += 1;
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
    expect(read).toBeGreaterThan(5);
    const reportRequest = offlineReportRequest('bundle-equality', study, rubrics.framework, transcript);
    const [inBundle, inSources] = await Promise.all([
      bundled.report(bundledAnalyses, { ...reportRequest, analyses: bundledAnalyses }),
      fromSources.report(sourcesAnalyses, { ...reportRequest, analyses: sourcesAnalyses }),
    ]);
    expect(inBundle).toEqual(inSources);
    expect(inBundle.overall).toBeGreaterThan(0);
  }, 180_000);

  it('is not run when its file is not the build the pool was given: the worker reads from the sources', async () => {
    const otherBuild = startPool({ url: bundle.url, build: 'another-build' });
    const missing = startPool({ url: pathToFileURL(join(dir, 'gone.mjs')).href, build: bundle.build });
    const [otherWarm, missingWarm] = await Promise.all([otherBuild.warmed, missing.warmed]);
    expect(otherWarm.map((lane) => [lane.code, lane.cases])).toEqual([['sources', rubrics.cases.size]]);
    expect(missingWarm.map((lane) => [lane.code, lane.cases])).toEqual([['sources', rubrics.cases.size]]);
    // And it reads as the server's own thread does.
    const request = MIXED_MESSAGE;
    const pooled = new AnalysisCache(64);
    const inPool = await otherBuild.read(pooled, { ...request, analyses: pooled });
    expect(inPool).toEqual(createBrains().read({ ...request, analyses: new AnalysisCache(64) }));
  }, 120_000);

  it('reads on the server thread until the workers it starts later are warm, then in them', async () => {
    // As src/server.ts runs it: no thread before `start()` (once the server listens), and the
    // brains read in-process until the workers have every case ready.
    const pool = new ReadingPool({ workers: 1, rubrics, workerBundle: bundle, deferStart: true });
    pools.push(pool);
    const brains = pooledBrains(createBrains(), pool, { inProcessUntilWarm: true });
    const request = MIXED_MESSAGE;
    expect(pool.threads).toHaveLength(0);
    const beforeStart = await brains.read({ ...request, analyses: new AnalysisCache(64) });
    pool.start();
    expect(pool.threads).toHaveLength(1);
    // The worker cannot have finished its warm-up before this turn of the event loop ends.
    expect(pool.warm).toBe(false);
    const whileWarming = await brains.read({ ...request, analyses: new AnalysisCache(64) });
    expect(pool.pooledTasks).toBe(0);
    const [lane] = await pool.warmed;
    expect(lane?.cases).toBe(rubrics.cases.size);
    expect(pool.warm).toBe(true);
    const warm = await brains.read({ ...request, analyses: new AnalysisCache(64) });
    expect(pool.pooledTasks).toBe(1);
    expect(whileWarming).toEqual(beforeStart);
    expect(warm).toEqual(beforeStart);
  }, 120_000);

  it('is what the server bundle runs with MLSD_READ_WORKERS=1, and answers through it', async () => {
    const launcher = await prepareLauncher('bundle');
    const dataDir = join(dir, 'data');
    const port = await freePort();
    const server = ServerProcess.spawn(launcher, {
      dataDir,
      port,
      env: { MLSD_READ_WORKERS: '1', MLSD_RUBRICS_DIR: writeFixtureRubrics(join(dir, 'rubrics')) },
    });
    try {
      const workersReady = server.stdoutLine('the reading workers have every case ready');
      await server.ready();
      const logged = z
        .object({ workers: z.array(z.object({ code: z.string(), cases: z.number() })) })
        .parse(JSON.parse(await workersReady));
      expect(logged.workers).toEqual(
        [{ code: 'bundle', cases: 1 }].map((lane) => expect.objectContaining(lane)),
      );

      const base = `http://127.0.0.1:${port}`;
      const [fixture] = z.array(CaseSummary).parse(await (await fetch(`${base}/api/cases`)).json());
      const response = await fetch(`${base}/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...OWNER_HEADERS },
        body: JSON.stringify({ caseId: fixture?.id, durationMinutes: 45, seed: 7 }),
      });
      const session = CreateSessionResponse.parse(await response.json());
      const socket = await TestSocket.open(`ws://127.0.0.1:${port}/ws`);
      try {
        socket.send({ type: 'hello', roomId: session.id, token: session.token, lastSeq: 0 });
        await socket.next('snapshot', 30_000);
        const { ack, reply } = await answerAndReply(
          socket,
          'bundled-1',
          'I would start with a zebra facet1 baseline, because it is cheap to run.',
        );
        expect(ack).toMatchObject({ clientId: 'bundled-1', duplicate: false });
        expect(reply.turn.text).not.toBe('');
      } finally {
        await socket.close();
      }
    } finally {
      await server.kill9();
      launcher.dispose();
    }
  }, 180_000);
});
