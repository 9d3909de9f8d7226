import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { buildApp } from '../../src/app.ts';
import { AUTO_READ_WORKERS_AT, readingSettingsFor } from '../../src/reading-pool/on-demand.ts';
import { REPO_ROOT } from '../helpers.ts';

/**
 * Child process for the offline-answers benchmark: the real app (offline interviewer, real
 * rubrics, a SQLite file with synchronous=FULL) on a port of its own. Over IPC: `create` makes
 * sessions through the runtime (as POST /api/sessions does, one address each so the per-address
 * cap does not apply), `mark` starts a measured window (CPU time and event-loop delay), `figures`
 * ends it. The parent passes the environment (MLSD_READ_WORKERS) it wants measured: a number
 * starts that many workers with the app, `auto` runs as src/server.ts does by default (one worker
 * once enough sessions are live, the main thread reading until it is warm);
 * MLSD_BENCH_WARM_BEFORE_ANSWERS=1 waits for a started pool to be warm before any session answers.
 */
const setting = process.env.MLSD_READ_WORKERS ?? '0';
const reading =
  setting === 'auto'
    ? readingSettingsFor('auto', AUTO_READ_WORKERS_AT, availableParallelism())
    : { workers: Number(setting) };
const dir = mkdtempSync(join(tmpdir(), 'mlsd-offline-bench-'));
const app = await buildApp({
  db: join(dir, 'mlsd.sqlite'),
  rubricsDir: join(REPO_ROOT, 'rubrics'),
  reading,
  groupCommits:
    process.env.MLSD_BENCH_GROUP_COMMITS === '0'
      ? false
      : {
          windowMs: Number(process.env.MLSD_BENCH_GROUP_WINDOW_MS ?? 0),
          syncOffThread: process.env.MLSD_BENCH_SYNC_OFF_THREAD !== '0',
        },
  hardening: {
    restRateLimit: false,
    socketRate: { capacity: 10_000, perSecond: 10_000 },
    maxSocketsPerAddress: 10_000,
  },
});
await app.listen({ port: 0, host: '127.0.0.1' });
// Steady state: every worker's matcher is warm before anything is measured (an on-demand pool
// starts only once the sessions are made, and its start is part of what `auto` is measured with).
if (app.readingPool?.started) await app.readingPool.warmed;
const address = app.server.address();
const caseId = process.argv[2] ?? 'ad-click-prediction';

const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
let cpuAtMark = process.cpuUsage();
let wallAtMark = performance.now();
let loopAtMark = performance.eventLoopUtilization();
let groupsAtMark = { groups: 0, commits: 0 };

process.on('message', async (raw: unknown) => {
  const message = (typeof raw === 'string' ? { type: raw } : raw) as { type: string; count?: number };
  if (message.type === 'create') {
    const sessions: { id: string; token: string }[] = [];
    for (let i = 0; i < (message.count ?? 0); i++) {
      const created = await app.sessions.create(
        { caseId, durationMinutes: 60, interviewer: 'offline', seed: i },
        { address: `bench-${i}` },
      );
      sessions.push({ id: created.id, token: created.token });
    }
    // As when sessions arrive over more than the worker's warm-up: it is warm before they answer.
    if (process.env.MLSD_BENCH_WARM_BEFORE_ANSWERS === '1') await app.readingPool?.warmed;
    process.send?.({ type: 'created', sessions });
  } else if (message.type === 'mark') {
    delay.reset();
    cpuAtMark = process.cpuUsage();
    wallAtMark = performance.now();
    loopAtMark = performance.eventLoopUtilization();
    groupsAtMark = { groups: app.commitGroups?.groups ?? 0, commits: app.commitGroups?.commits ?? 0 };
    process.send?.({ type: 'marked' });
  } else if (message.type === 'figures') {
    const cpu = process.cpuUsage(cpuAtMark);
    process.send?.({
      type: 'figures',
      cpuMs: (cpu.user + cpu.system) / 1000,
      wallMs: performance.now() - wallAtMark,
      delayP50Ms: delay.percentile(50) / 1e6,
      delayP99Ms: delay.percentile(99) / 1e6,
      delayMaxMs: delay.max / 1e6,
      // Share of the window the main thread was busy (not waiting in the event loop).
      mainBusy: performance.eventLoopUtilization(loopAtMark).utilization,
      // Readings and reports the workers returned since the start (0: all read on the main thread).
      pooledTasks: app.readingPool?.pooledTasks ?? 0,
      commitGroups: app.commitGroups
        ? {
            groups: app.commitGroups.groups - groupsAtMark.groups,
            commits: app.commitGroups.commits - groupsAtMark.commits,
            largest: app.commitGroups.largest,
          }
        : null,
    });
  } else if (message.type === 'stop') {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }
});
process.send?.({ type: 'ready', port: typeof address === 'object' && address ? address.port : 0 });
