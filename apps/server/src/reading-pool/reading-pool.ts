import { createRequire } from 'node:module';
import type { MessageReading } from '@mlsd/engine';
import type { Report } from '@mlsd/protocol';
import type { Rubrics } from '@mlsd/rubric';
import type { Piscina as PiscinaPool } from 'piscina';
import type { ReadRequest, ReportRequest } from '../rooms/solo/brains.ts';
import type {
  CrashOnce,
  ReadingTask,
  ReadWorkerBundle,
  TaskResult,
  WarmedCase,
  WorkerSetup,
} from './tasks.ts';

export interface ReadingPoolOptions {
  /** Worker threads; each session is read by one of them for as long as it lives. */
  workers: number;
  /** The rubric set to read against (cloned into every worker when it starts). */
  rubrics: Rubrics;
  /**
   * The compiled reading worker to start threads from. Default: the one built with this server
   * bundle (scripts/bundle.mjs), none when the server runs from sources; without one, or when the
   * file is no longer that build, a worker reads from the TypeScript sources (worker-entry.mjs).
   */
  workerBundle?: ReadWorkerBundle;
  /** Start no thread until `start()` (the server starts them once it listens: pooled-brains.ts). */
  deferStart?: boolean;
  /** Test hook: a worker dies half-way through one message (see `CrashOnce`). */
  crashOnce?: CrashOnce;
  /** Told when a worker thread fails (its task is run again); piscina's own error event goes here. */
  onWorkerError?: (error: unknown) => void;
}

/**
 * Piscina is loaded from where it is installed, not compiled into the server bundle (see
 * apps/server/scripts/bundle.mjs): it finds its own worker script next to itself.
 */
const { Piscina } = createRequire(import.meta.url)('piscina') as typeof import('piscina');
type Piscina = PiscinaPool;

/** What one worker thread's warm-up did, for the start-up log and the benchmarks. */
export interface WorkerWarmReport {
  /** The code the thread runs: the build's bundle, or the sources through tsx. */
  code: WarmedCase['code'];
  cases: number;
  /** Cases whose matcher came from the build's compiled data (the rest were compiled in the thread). */
  fromBuild: number;
  /** From the pool's start to the first case ready in this thread: a reading is served from then on. */
  firstCaseMs: number;
  /** From the pool's start to every case's matcher ready in this thread. */
  matchersMs: number;
  /** From the pool's start to every case ready, fact indexes included. */
  allCasesMs: number;
}

/** Defined by apps/server/scripts/bundle.mjs in the server bundle: the worker compiled with it. */
declare const MLSD_READ_WORKER_BUNDLE: ReadWorkerBundle | undefined;
const BUILT_WORKER = typeof MLSD_READ_WORKER_BUNDLE === 'object' ? MLSD_READ_WORKER_BUNDLE : undefined;

/** Attempts at one task before it is handed back to be read on the server's own thread. */
const ATTEMPTS = 3;
const WORKER_FILE = new URL('./worker-entry.mjs', import.meta.url);

/** Thrown when the pool is closed, or a task kept killing its worker: read in-process instead. */
export class PoolUnavailable extends Error {}

/**
 * Candidate messages read in worker threads, so sockets, hellos and timers never wait behind the
 * matcher. Piscina runs the threads (it starts them, replaces one that dies, queues tasks); the
 * pool is a set of one-thread lanes because a session's analyses live in the worker that read
 * its earlier messages: a session always goes to the same lane, so each text is tokenised once.
 * A task whose worker dies is run again on the replacement (which analyses the session's
 * transcript anew), so a message is never lost; the caller acknowledges only after the result.
 */
export class ReadingPool {
  #lanes: Piscina[] = [];
  readonly #options: ReadingPoolOptions;
  readonly #workerData: WorkerSetup;
  readonly #rubrics: Rubrics;
  #closed = false;
  #warm = false;
  #pooledTasks = 0;
  #nextSession = 0;
  /** Each session's key, by the identity of its in-process analyses object (see `sessionKey`). */
  readonly #keys = new WeakMap<object, string>();
  /** When a session's analyses object is collected (its room is gone), the worker forgets it too. */
  readonly #released = new FinalizationRegistry<string>((session) => {
    if (this.#closed || this.#lanes.length === 0) return;
    this.#lane(session)
      .run({ type: 'release', session } satisfies ReadingTask)
      .catch(() => {});
  });
  /** Resolves when every worker has prepared every case, matcher and fact index (a failed warm-up task is left out). */
  readonly warmed: Promise<WorkerWarmReport[]>;
  #settleWarmed: (reports: WorkerWarmReport[] | Promise<WorkerWarmReport[]>) => void = () => {};

  constructor(options: ReadingPoolOptions) {
    this.#options = options;
    this.#rubrics = options.rubrics;
    const { cases, framework, frameworkPath, paths } = options.rubrics;
    const bundle = options.workerBundle ?? BUILT_WORKER;
    this.#workerData = {
      rubrics: { cases, framework, frameworkPath, paths },
      ...(bundle ? { bundle } : {}),
      ...(options.crashOnce ? { crashOnce: options.crashOnce } : {}),
    };
    this.warmed = new Promise((resolve) => {
      this.#settleWarmed = resolve;
    });
    void this.warmed.then(() => {
      this.#warm = true;
    });
    if (!options.deferStart) this.start();
  }

  /** Starts the worker threads and their warm-up, once (the constructor does, unless `deferStart`). */
  start(): void {
    if (this.#lanes.length > 0 || this.#closed) return;
    const started = performance.now();
    this.#lanes = Array.from({ length: Math.max(1, this.#options.workers) }, () => {
      const lane = new Piscina({
        filename: WORKER_FILE.href,
        minThreads: 1,
        maxThreads: 1,
        idleTimeout: Number.POSITIVE_INFINITY,
        workerData: this.#workerData,
      });
      // Unhandled, piscina's error event would end the server; the task's own promise says enough.
      lane.on('error', (error: unknown) => this.#options.onWorkerError?.(error));
      return lane;
    });
    this.#settleWarmed(Promise.all(this.#lanes.map((lane) => this.#warmLane(lane, started))));
  }

  /** True once the worker threads were started (`start()`, or the constructor without `deferStart`). */
  get started(): boolean {
    return this.#lanes.length > 0;
  }

  /** True once every worker has every case ready (`warmed` has resolved). */
  get warm(): boolean {
    return this.#warm;
  }

  /** Readings and reports the workers have returned so far (warm-up tasks aside). */
  get pooledTasks(): number {
    return this.#pooledTasks;
  }

  /** True once `close` was called. */
  get closed(): boolean {
    return this.#closed;
  }

  /** The worker threads (tests kill one). */
  get threads() {
    return this.#lanes.flatMap((lane) => lane.threads);
  }

  /** True when `caseStudy` is the pool's (a dev-mode rubric reload swaps the set; read in-process then). */
  knows(request: { caseStudy: unknown }): boolean {
    return this.#rubrics.cases.get((request.caseStudy as { id: string }).id) === request.caseStudy;
  }

  async read(sessionAnalyses: object, request: ReadRequest): Promise<MessageReading> {
    const { caseStudy, framework: _framework, analyses: _analyses, ...rest } = request;
    const session = this.#sessionKey(sessionAnalyses);
    return this.#run<MessageReading>(session, { type: 'read', session, caseId: caseStudy.id, request: rest });
  }

  async report(sessionAnalyses: object, request: ReportRequest): Promise<Report> {
    const { caseStudy, framework: _framework, analyses: _analyses, signal: _signal, ...rest } = request;
    const session = this.#sessionKey(sessionAnalyses);
    return this.#run<Report>(session, { type: 'report', session, caseId: caseStudy.id, request: rest });
  }

  async close(): Promise<void> {
    this.#closed = true;
    // Never started: nothing warms any more (a started pool's `warmed` is already settled on its lanes).
    this.#settleWarmed([]);
    await Promise.all(this.#lanes.map((lane) => lane.destroy()));
  }

  /**
   * Prepares every case, one task at a time, so a reading that arrives meanwhile waits for one case
   * at most: first each case's matcher (a reading is served from the first one on), then each
   * case's fact index, as the main thread does before and after listening (warm.ts).
   */
  async #warmLane(lane: Piscina, started: number): Promise<WorkerWarmReport> {
    const report: WorkerWarmReport = {
      code: 'sources',
      cases: 0,
      fromBuild: 0,
      firstCaseMs: 0,
      matchersMs: 0,
      allCasesMs: 0,
    };
    const since = () => Math.round(performance.now() - started);
    for (const part of ['matcher', 'facts'] as const) {
      for (const caseId of this.#rubrics.cases.keys()) {
        if (this.#closed) break;
        const result = (await lane
          .run({ type: 'warm', caseId, part } satisfies ReadingTask)
          .catch(() => null)) as TaskResult<WarmedCase> | null;
        if (!result?.ok || part === 'facts') continue;
        if (report.cases === 0) report.firstCaseMs = since();
        report.code = result.value.code;
        report.cases += 1;
        if (result.value.fromBuild) report.fromBuild += 1;
      }
      if (part === 'matcher') report.matchersMs = since();
    }
    report.allCasesMs = since();
    return report;
  }

  #sessionKey(analyses: object): string {
    let key = this.#keys.get(analyses);
    if (key === undefined) {
      key = `s${this.#nextSession++}`;
      this.#keys.set(analyses, key);
      this.#released.register(analyses, key);
    }
    return key;
  }

  #lane(session: string): Piscina {
    // A reading sent to a pool not started yet starts it rather than waiting for nothing.
    this.start();
    const index = Number(session.slice(1)) % this.#lanes.length;
    return this.#lanes[index] as Piscina;
  }

  async #run<T>(session: string, task: ReadingTask): Promise<T> {
    let lastError: unknown;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (this.#closed) throw new PoolUnavailable('the reading pool is closed');
      let result: TaskResult<T>;
      try {
        result = (await this.#lane(session).run(task)) as TaskResult<T>;
      } catch (error) {
        // The worker died holding this task; piscina has started another: run it again there.
        lastError = error;
        continue;
      }
      this.#pooledTasks += 1;
      if (result.ok) return result.value;
      throw new Error(`reading failed in a worker: ${result.message}`);
    }
    throw new PoolUnavailable(`a reading worker died ${ATTEMPTS} times on one task`, { cause: lastError });
  }
}
