import { workerData } from 'node:worker_threads';
import { AnalysisCache } from '@mlsd/scoring';
import { SESSION_ANALYSES } from '../rooms/solo/brains.ts';
import { createBrains } from '../rooms/solo/offline-brains.ts';
import type { ReadingTask, TaskResult, WorkerSetup } from './tasks.ts';

/**
 * One reading worker (a piscina thread). It holds the rubric set it was started with, a warm
 * matcher for each case, and the analyses of every session routed to it, so each new answer is
 * tokenised once, here, off the server's event loop. The reading itself is the offline brains'
 * (the same code the server runs in-process), so a pooled reading equals an in-process one.
 */
const setup = workerData as WorkerSetup;
const brains = createBrains();

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

function caseOf(caseId: string) {
  const caseStudy = setup.rubrics.cases.get(caseId);
  if (!caseStudy) throw new Error(`the reading worker has no case '${caseId}'`);
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
          text: 'How many daily users are there? I would start with a simple baseline model.',
          transcript: [],
          notes: '',
          analyses: new AnalysisCache(16),
        });
        return null;
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
