import type { FastifyInstance } from 'fastify';
import type { SessionBrains } from '../rooms/solo/brains.ts';
import { createBrains } from '../rooms/solo/offline-brains.ts';
import { startWhenBusy } from './on-demand.ts';
import { PoolUnavailable, ReadingPool } from './reading-pool.ts';
import type { CrashOnce } from './tasks.ts';

/** How candidate messages are read: on the server's thread (0 workers) or in a pool of threads. */
export interface ReadingSettings {
  workers: number;
  /**
   * Start the workers once the server listens, and read on the server's own thread (warm for every
   * case before listening, warm.ts) until they have every case ready: neither the start nor the
   * first answers after a restart wait for a worker. src/server.ts sets it. Off: the workers start
   * with the app and a reading that arrives early waits in its worker's queue (what the tests
   * that exercise the workers rely on).
   */
  startAfterListening?: boolean;
  /**
   * Start the workers only once this many rooms are live on this instance, and after listening
   * (`MLSD_READ_WORKERS=auto`, on-demand.ts); until they are warm the main thread reads, as with
   * `startAfterListening`. Once started they stay.
   */
  startAtLiveRooms?: number;
  /** Test hook (see `CrashOnce`). */
  crashOnce?: CrashOnce;
}

/**
 * The offline brains with the reading (and the offline report, which reuses the session's
 * analyses) moved into a reading pool. A live session's requests carry its own analyses object;
 * its identity routes the session to its worker. Requests without one (tools), against a rubric
 * set the pool was not started with (a dev-mode reload), while the workers warm up (with
 * `inProcessUntilWarm`), or when the pool is closing are served in-process by the same code, so
 * nothing is ever lost to the pool and a pooled reading equals an in-process one.
 */
export function pooledBrains(
  base: SessionBrains,
  pool: ReadingPool,
  options: { inProcessUntilWarm?: boolean } = {},
): SessionBrains {
  // The main thread warmed every case before listening (warm.ts): until the workers have too, it
  // reads faster than a worker still loading. The session's analyses are then made anew in its
  // worker on its next message there, as after any restart.
  const inProcess = (request: { caseStudy: unknown }) =>
    !pool.knows(request) || (options.inProcessUntilWarm === true && !pool.warm);
  return {
    ...base,
    async read(request) {
      if (!request.analyses || inProcess(request)) return base.read(request);
      try {
        return await pool.read(request.analyses, request);
      } catch (error) {
        if (error instanceof PoolUnavailable) return base.read(request);
        throw error;
      }
    },
    async report(request) {
      if (!request.analyses || inProcess(request)) return base.report(request);
      try {
        return await pool.report(request.analyses, request);
      } catch (error) {
        if (error instanceof PoolUnavailable) return base.report(request);
        throw error;
      }
    },
  };
}

/**
 * The app's offline brains: in-process with 0 workers, else read in a pool that starts now, once
 * the server listens (`startAfterListening`), or once enough rooms are live (`startAtLiveRooms`,
 * needs the rooms plugin too); its workers warm every case in their own
 * threads, and it closes with the app. Needs the rubrics plugin registered.
 */
export function readingBrains(app: FastifyInstance, settings: ReadingSettings): SessionBrains {
  const base = createBrains();
  if (settings.workers <= 0) return base;
  const onDemandAt = settings.startAtLiveRooms;
  const deferred = settings.startAfterListening === true || onDemandAt !== undefined;
  const pool = new ReadingPool({
    workers: settings.workers,
    deferStart: deferred,
    rubrics: app.rubrics.current,
    ...(settings.crashOnce ? { crashOnce: settings.crashOnce } : {}),
    onWorkerError: (error) =>
      app.log.error({ err: error }, 'a reading worker failed; its message is read again'),
  });
  app.decorate('readingPool', pool);
  void pool.warmed.then((workers) => {
    if (!pool.closed) app.log.info({ workers }, 'the reading workers have every case ready');
  });
  // A read the closing pool drops is read again in-process (see `pooledBrains`), so order does not matter.
  app.addHook('onClose', async () => pool.close());
  // The rooms plugin registers after the brains are made: `app.rooms` exists once the app listens.
  if (onDemandAt !== undefined) {
    app.addHook('onListen', async () => startWhenBusy(pool, app.rooms, onDemandAt, app.log));
  } else if (deferred) {
    app.addHook('onListen', async () => pool.start());
  }
  return pooledBrains(base, pool, { inProcessUntilWarm: deferred });
}

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * The reading pool, when messages may be read in worker threads (`MLSD_READ_WORKERS` > 0 or
     * `auto` on two cores or more; with `auto` its `started` stays false until enough rooms are live).
     */
    readingPool?: ReadingPool;
  }
}
