import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRubrics } from '@mlsd/rubric';
import { AnalysisCache } from '@mlsd/scoring';
import { bundleReadWorker } from '../../scripts/bundle.mjs';
import { ReadingPool } from '../../src/reading-pool/reading-pool.ts';
import type { ReadWorkerBundle } from '../../src/reading-pool/tasks.ts';
import { REPO_ROOT } from '../helpers.ts';
import { loadNote, percentile } from './stats.ts';

/**
 * How long a reading worker takes to start, from the thread's creation: to its first reading (a
 * statement on the first case, sent the moment the pool starts, as an answer right after a
 * restart would be) and to every case ready (matchers, then fact indexes). Once with the worker
 * run from the TypeScript sources (tsx, as `pnpm dev` and the tests run it), once from the bundle
 * the build makes (as `pnpm start` runs it). Each run is a fresh pool of one thread on the repo's
 * rubrics; the process's CPU time over the run counts every thread.
 */
export interface WorkerStartRow {
  code: 'sources' | 'bundle';
  runs: number;
  firstReadingMs: number;
  firstCaseMs: number;
  matchersMs: number;
  allCasesMs: number;
  cpuMs: number;
  cases: number;
  fromBuild: number;
  load: string;
}

export async function measureWorkerStarts(runs: number): Promise<WorkerStartRow[]> {
  const loaded = loadRubrics(join(REPO_ROOT, 'rubrics'));
  if (!loaded.ok) throw new Error('the repo rubrics do not load');
  const rubrics = loaded.value;
  const [firstCase] = rubrics.cases.values();
  if (!firstCase) throw new Error('the repo has no case');
  const dir = mkdtempSync(join(tmpdir(), 'mlsd-worker-start-'));
  try {
    const bundle = await bundleReadWorker(join(dir, 'read-worker.mjs'));
    const rows: WorkerStartRow[] = [];
    for (const code of ['sources', 'bundle'] as const) {
      const load = loadNote();
      const samples: Omit<WorkerStartRow, 'code' | 'runs' | 'load'>[] = [];
      for (let run = 0; run < runs; run++) {
        samples.push(await startOnce(rubrics, firstCase, code === 'bundle' ? bundle : undefined));
      }
      const median = (pick: (sample: (typeof samples)[number]) => number) =>
        percentile(samples.map(pick), 50);
      rows.push({
        code,
        runs,
        firstReadingMs: median((s) => s.firstReadingMs),
        firstCaseMs: median((s) => s.firstCaseMs),
        matchersMs: median((s) => s.matchersMs),
        allCasesMs: median((s) => s.allCasesMs),
        cpuMs: median((s) => s.cpuMs),
        cases: samples[0]?.cases ?? 0,
        fromBuild: Math.min(...samples.map((s) => s.fromBuild)),
        load,
      });
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Rubrics = Extract<ReturnType<typeof loadRubrics>, { ok: true }>['value'];

async function startOnce(
  rubrics: Rubrics,
  caseStudy: NonNullable<ReturnType<Rubrics['cases']['get']>>,
  workerBundle: ReadWorkerBundle | undefined,
) {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const pool = new ReadingPool({ workers: 1, rubrics, ...(workerBundle ? { workerBundle } : {}) });
  try {
    const analyses = new AnalysisCache(16);
    const firstReading = pool
      .read(analyses, {
        caseStudy,
        framework: rubrics.framework,
        step: 'requirements',
        text: 'I would start with a logistic regression baseline, because it is cheap to run.',
        transcript: [],
        notes: '',
        analyses,
      })
      .then(() => performance.now() - started);
    const [firstReadingMs, [lane]] = await Promise.all([firstReading, pool.warmed]);
    const cpu = process.cpuUsage(cpuBefore);
    if (!lane) throw new Error('the pool reported no worker');
    const expected = workerBundle ? 'bundle' : 'sources';
    if (lane.code !== expected) throw new Error(`the worker ran its ${lane.code}, not its ${expected}`);
    return {
      firstReadingMs,
      firstCaseMs: lane.firstCaseMs,
      matchersMs: lane.matchersMs,
      allCasesMs: lane.allCasesMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      cases: lane.cases,
      fromBuild: lane.fromBuild,
    };
  } finally {
    await pool.close();
  }
}
