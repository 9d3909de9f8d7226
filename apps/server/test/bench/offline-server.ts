import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { buildApp } from '../../src/app.ts';
import { REPO_ROOT } from '../helpers.ts';

/**
 * Child process for the offline-answers benchmark: the real app (offline interviewer, real
 * rubrics, a SQLite file with synchronous=FULL) on a port of its own. Over IPC: `create` makes
 * sessions through the runtime (as POST /api/sessions does, one address each so the per-address
 * cap does not apply), `mark` starts a measured window (CPU time and event-loop delay), `figures`
 * ends it. The parent passes the environment (MLSD_READ_WORKERS) it wants measured.
 */
const dir = mkdtempSync(join(tmpdir(), 'mlsd-offline-bench-'));
const app = await buildApp({
  db: join(dir, 'mlsd.sqlite'),
  rubricsDir: join(REPO_ROOT, 'rubrics'),
  reading: { workers: Number(process.env.MLSD_READ_WORKERS ?? 0) },
  groupCommits:
    process.env.MLSD_BENCH_GROUP_COMMITS === '0'
      ? false
      : { windowMs: Number(process.env.MLSD_BENCH_GROUP_WINDOW_MS ?? 0) },
  hardening: {
    restRateLimit: false,
    socketRate: { capacity: 10_000, perSecond: 10_000 },
    maxSocketsPerAddress: 10_000,
  },
});
await app.listen({ port: 0, host: '127.0.0.1' });
// Steady state: every worker's matcher is warm before anything is measured.
await app.readingPool?.warmed;
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
