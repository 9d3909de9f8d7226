import type { FastifyInstance } from 'fastify';
import type { SessionBrains } from '../rooms/solo/brains.ts';
import { createBrains } from '../rooms/solo/offline-brains.ts';
import { PoolUnavailable, ReadingPool } from './reading-pool.ts';
import type { CrashOnce } from './tasks.ts';

/** How candidate messages are read: on the server's thread (0 workers) or in a pool of threads. */
export interface ReadingSettings {
  workers: number;
  /** Test hook (see `CrashOnce`). */
  crashOnce?: CrashOnce;
}

/**
 * The offline brains with the reading (and the offline report, which reuses the session's
 * analyses) moved into a reading pool. A live session's requests carry its own analyses object;
 * its identity routes the session to its worker. Requests without one (tools), against a rubric
 * set the pool was not started with (a dev-mode reload), or when the pool is closing are served
 * in-process by the same code, so nothing is ever lost to the pool.
 */
export function pooledBrains(base: SessionBrains, pool: ReadingPool): SessionBrains {
  return {
    ...base,
    async read(request) {
      if (!request.analyses || !pool.knows(request)) return base.read(request);
      try {
        return await pool.read(request.analyses, request);
      } catch (error) {
        if (error instanceof PoolUnavailable) return base.read(request);
        throw error;
      }
    },
    async report(request) {
      if (!request.analyses || !pool.knows(request)) return base.report(request);
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
 * The app's offline brains: in-process with 0 workers, else read in a pool that starts now (its
 * workers warm every case's matcher in their own threads while the server starts) and closes
 * with the app. Needs the rubrics plugin registered.
 */
export function readingBrains(app: FastifyInstance, settings: ReadingSettings): SessionBrains {
  const base = createBrains();
  if (settings.workers <= 0) return base;
  const pool = new ReadingPool({
    workers: settings.workers,
    rubrics: app.rubrics.current,
    ...(settings.crashOnce ? { crashOnce: settings.crashOnce } : {}),
    onWorkerError: (error) =>
      app.log.error({ err: error }, 'a reading worker failed; its message is read again'),
  });
  app.decorate('readingPool', pool);
  // A read the closing pool drops is read again in-process (see `pooledBrains`), so order does not matter.
  app.addHook('onClose', async () => pool.close());
  return pooledBrains(base, pool);
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The reading pool, when messages are read in worker threads (`MLSD_READ_WORKERS` > 0). */
    readingPool?: ReadingPool;
  }
}
