import type { FastifyBaseLogger } from 'fastify';
import type { ReadingSettings } from './pooled-brains.ts';
import type { ReadingPool } from './reading-pool.ts';

/**
 * Live rooms (solo sessions plus peer rooms on this instance) at which `MLSD_READ_WORKERS=auto`
 * starts its worker. From docs/performance.md: the worker pays off from about 100 live sessions
 * (reply p99 105 against 174 ms at a load of 7 to 8) and clearly from 300 (33 against 162 ms,
 * event-loop delay p99 under 20 ms), while a handful of sessions gains nothing and would carry its
 * 2.4 s of CPU and 195 MB. Half of 100 leaves room for the worker's warm-up (about 2 s, the main
 * thread reading meanwhile) to end before the sessions reach the load where it helps.
 */
export const AUTO_READ_WORKERS_AT = 50;

/** `MLSD_READ_WORKERS`: a fixed number of worker threads, or `auto` (one, started on demand). */
export type ReadWorkersSetting = number | 'auto';

/**
 * How src/server.ts reads: a number starts that many workers once the server listens; `auto` starts
 * one once `atLiveRooms` rooms are live, and none on one core, where a worker would only take turns
 * with the main thread and still cost its memory.
 */
export function readingSettingsFor(
  setting: ReadWorkersSetting,
  atLiveRooms: number,
  cores: number,
): ReadingSettings {
  if (setting !== 'auto') return { workers: setting, startAfterListening: true };
  if (cores < 2) return { workers: 0 };
  return { workers: 1, startAtLiveRooms: atLiveRooms };
}

/** The registry's view that the on-demand start needs (`Rooms` in rooms/registry.ts). */
export interface LiveRooms {
  readonly liveCount: number;
  onRoomOpened(listener: (liveRooms: number) => void): void;
}

/**
 * Starts the pool the first time `threshold` rooms are live, once: a pool that started stays, so a
 * count that wavers around the threshold does not start and stop threads. Sessions move to the
 * worker when it is warm (`pooledBrains` with `inProcessUntilWarm`), as after a start on listening.
 */
export function startWhenBusy(
  pool: ReadingPool,
  rooms: LiveRooms,
  threshold: number,
  log: FastifyBaseLogger,
): void {
  let tried = false;
  const startIfBusy = (liveRooms: number) => {
    if (tried || liveRooms < threshold || pool.closed) return;
    tried = true;
    log.info(
      { liveRooms, threshold },
      `starting the reading pool on demand: ${liveRooms} live sessions reached the threshold of ${threshold} (MLSD_READ_WORKERS=auto)`,
    );
    try {
      pool.start();
    } catch (error) {
      // The pool never gets warm, so the main thread keeps reading: no session loses anything.
      log.error({ err: error }, 'the reading pool could not start; answers stay on the main thread');
    }
  };
  rooms.onRoomOpened(startIfBusy);
  // Rooms resumed before listening (a restart under load) count at once.
  startIfBusy(rooms.liveCount);
}
