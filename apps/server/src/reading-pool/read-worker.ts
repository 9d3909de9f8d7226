import { workerData } from 'node:worker_threads';
import { AnalysisCache } from '@mlsd/scoring';
import { SESSION_ANALYSES } from '../rooms/solo/brains.ts';
import { createBrains } from '../rooms/solo/offline-brains.ts';
import { prepareMatcher } from '../warm.ts';
import type { ReadingTask, TaskResult, WarmedCase, WorkerSetup } from './tasks.ts';

/**
 * One reading worker (a piscina thread). It holds the rubric set it was started with, a warm
 * matcher for each case, and the analyses of every session routed to it, so each new answer is
 * tokenised once, here, off the server's event loop. The reading itself is the offline brains'
 * (the same code the server runs in-process), so a pooled reading equals an in-process one.
 */
const setup = workerData as WorkerSetup;
const brains = createBrains();

/** Defined by apps/server/scripts/bundle.mjs in the worker bundle; absent when run from sources. */
declare const MLSD_READ_WORKER_BUILD: string | undefined;
const CODE: WarmedCase['code'] = typeof MLSD_READ_WORKER_BUILD === 'string' ? 'bundle' : 'sources';

/** Read once per case by the warm-up (as `warmCases` does on the main thread); nothing is kept. */
const SCRATCH_STATEMENT = 'I would start with a simple baseline model, because it is cheap to run.';
const SCRATCH_QUESTION = 'How many daily users are there?';

/** Each case whose matcher this thread has prepared, and whether it came from the build's data. */
const prepared = new Map<string, boolean>();

/** Sessions whose analyses this worker keeps; the oldest unused go first past the cap. */
const MAX_SESSIONS = 2_000;
const sessions = new Map<string, AnalysisCache>();

function analysesOf(session: string): AnalysisCache {
  let cache = sessions.get(session);
  if (cache) sessions.delete(session);
  else cache = new AnalysisCache(SESSION_ANALYSES);
  // Re-inserted last: the Map's order is the order of last use.
  sessions.set(session, cache);
  if (sessions.size > MAX_SESSIONS) {
    const oldest = sessions.keys().next().value;
    if (oldest !== undefined) sessions.delete(oldest);
  }
  return cache;
}

/**
 * The case and framework to read against, the case's matcher prepared on first use: a reading
 * that arrives before the warm-up reached its case adopts the build's data too, not compiling.
 */
function caseOf(caseId: string) {
  const caseStudy = setup.rubrics.cases.get(caseId);
  if (!caseStudy) throw new Error(`the reading worker has no case '${caseId}'`);
  if (!prepared.has(caseId)) prepared.set(caseId, prepareMatcher(setup.rubrics, caseId, caseStudy));
  return { caseStudy, framework: setup.rubrics.framework };
}

/** The crash hook for tests (see `CrashOnce`): exits once, half-way through a marked message. */
function maybeCrash(text: string): void {
  const crash = setup.crashOnce;
  if (!crash || !text.includes(crash.marker)) return;
  if (Atomics.compareExchange(new Int32Array(crash.done), 0, 0, 1) === 0) process.exit(70);
}

async function run(task: ReadingTask): Promise<TaskResult<unknown> | null> {
  try {
    switch (task.type) {
      case 'warm': {
        const { caseStudy, framework } = caseOf(task.caseId);
        brains.read({
          caseStudy,
          framework,
          step: 'requirements',
          text: task.part === 'facts' ? SCRATCH_QUESTION : SCRATCH_STATEMENT,
          transcript: [],
          notes: '',
          analyses: new AnalysisCache(16),
        });
        return { ok: true, value: { code: CODE, fromBuild: prepared.get(task.caseId) === true } };
      }
      case 'read': {
        const analyses = analysesOf(task.session);
        maybeCrash(task.request.text);
        return { ok: true, value: brains.read({ ...task.request, ...caseOf(task.caseId), analyses }) };
      }
      case 'report': {
        const analyses = analysesOf(task.session);
        return {
          ok: true,
          value: await brains.report({ ...task.request, ...caseOf(task.caseId), analyses }),
        };
      }
      case 'release':
        sessions.delete(task.session);
        return null;
    }
  } catch (error) {
    return { ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

export default run;
