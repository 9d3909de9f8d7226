import { createRequire } from 'node:module';
import type { MessageReading } from '@mlsd/engine';
import type { Report } from '@mlsd/protocol';
import type { Rubrics } from '@mlsd/rubric';
import type { Piscina as PiscinaPool } from 'piscina';
import type { ReadRequest, ReportRequest } from '../rooms/solo/brains.ts';
import type { CrashOnce, ReadingTask, TaskResult, WorkerSetup } from './tasks.ts';

export interface ReadingPoolOptions {
  /** Worker threads; each session is read by one of them for as long as it lives. */
  workers: number;
  /** The rubric set to read against (cloned into every worker when it starts). */
  rubrics: Rubrics;
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
  readonly #lanes: Piscina[];
  readonly #rubrics: Rubrics;
  #closed = false;
  #nextSession = 0;
  /** Each session's key, by the identity of its in-process analyses object (see `sessionKey`). */
  readonly #keys = new WeakMap<object, string>();
  /** When a session's analyses object is collected (its room is gone), the worker forgets it too. */
  readonly #released = new FinalizationRegistry<string>((session) => {
    if (this.#closed) return;
    this.#lane(session)
      .run({ type: 'release', session } satisfies ReadingTask)
      .catch(() => {});
  });
  /** Resolves when every worker has prepared the matcher of every case. */
  readonly warmed: Promise<void>;

  constructor(options: ReadingPoolOptions) {
    this.#rubrics = options.rubrics;
    const workerData: WorkerSetup = {
      rubrics: { cases: options.rubrics.cases, framework: options.rubrics.framework },
      ...(options.crashOnce ? { crashOnce: options.crashOnce } : {}),
    };
    this.#lanes = Array.from({ length: Math.max(1, options.workers) }, () => {
      const lane = new Piscina({
        filename: WORKER_FILE.href,
        minThreads: 1,
        maxThreads: 1,
        idleTimeout: Number.POSITIVE_INFINITY,
        workerData,
      });
      // Unhandled, piscina's error event would end the server; the task's own promise says enough.
      lane.on('error', (error: unknown) => options.onWorkerError?.(error));
      return lane;
    });
    this.warmed = Promise.all(this.#lanes.map((lane) => this.#warm(lane))).then(() => {});
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
    await Promise.all(this.#lanes.map((lane) => lane.destroy()));
  }

  /** Prepares every case, one task at a time, so a reading that arrives meanwhile waits for one case at most. */
  async #warm(lane: Piscina): Promise<void> {
    for (const caseId of this.#rubrics.cases.keys()) {
      if (this.#closed) return;
      await lane.run({ type: 'warm', caseId } satisfies ReadingTask).catch(() => {});
    }
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
      if (result.ok) return result.value;
      throw new Error(`reading failed in a worker: ${result.message}`);
    }
    throw new PoolUnavailable(`a reading worker died ${ATTEMPTS} times on one task`, { cause: lastError });
  }
}
