import { mkdtempSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseLlmConfig } from '@mlsd/llm';
import { buildApp } from '../../src/app.ts';
import { AUTO_READ_WORKERS_AT, readingSettingsFor } from '../../src/reading-pool/on-demand.ts';
import { REPO_ROOT } from '../helpers.ts';
import { installFetchProbe, takeFetchStamps } from './fetch-probe.ts';

/**
 * Child process for the streaming benchmark: the real app with the model interviewer pointed at
 * the fake model (argv[2]), real rubrics, a SQLite file. Over IPC, `create` makes `llm` sessions
 * through the runtime (as POST /api/sessions does, without its per-address limit).
 */
const modelUrl = process.argv[2] ?? '';
/** `normal`: SQLite synchronous=NORMAL instead of the app's FULL, to show what the fsyncs cost. */
const synchronous = process.argv[3] ?? 'full';
const setup = parseLlmConfig({
  OPENAI_BASE_URL: modelUrl,
  MLSD_MODEL: 'fake-model',
  MLSD_LLM_MAX_RETRIES: '0',
});
if (!setup.ok || !setup.value) throw new Error(`bad model settings: ${JSON.stringify(setup)}`);
installFetchProbe('server');
/**
 * Where answers are read, as `MLSD_READ_WORKERS` says (`0`, the default here: on the main thread;
 * `auto`: as `pnpm start` does, one worker once 50 sessions are live). A started worker is warm
 * before the sessions are handed over, as when they arrive over more than its warm-up.
 */
const readWorkers = process.env.MLSD_READ_WORKERS ?? '0';
const reading =
  readWorkers === 'auto'
    ? readingSettingsFor('auto', AUTO_READ_WORKERS_AT, availableParallelism())
    : { workers: Number(readWorkers) };
const dir = mkdtempSync(join(tmpdir(), 'mlsd-streaming-'));
const app = await buildApp({
  db: join(dir, 'mlsd.sqlite'),
  rubricsDir: join(REPO_ROOT, 'rubrics'),
  llm: { config: setup.value },
  reading,
  // One process plays many browsers from one address: lift the per-address limits.
  hardening: {
    restRateLimit: false,
    socketRate: { capacity: 1_000, perSecond: 1_000 },
    maxSocketsPerAddress: 10_000,
  },
});
if (synchronous === 'normal') app.db.sqlite.pragma('synchronous = NORMAL');
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const caseId = app.rubrics.caseSummaries()[0]?.id ?? '';

process.on('message', async (raw: unknown) => {
  const message = (typeof raw === 'string' ? { type: raw } : raw) as { type: string; count?: number };
  if (message.type === 'create') {
    const sessions: { id: string; token: string }[] = [];
    for (let i = 0; i < (message.count ?? 0); i++) {
      // One address per session: the bench plays many browsers, the app caps running sessions per address.
      const created = await app.sessions.create(
        { caseId, durationMinutes: 60, interviewer: 'llm', seed: i },
        { address: `bench-${i}` },
      );
      sessions.push({ id: created.id, token: created.token });
    }
    if (app.readingPool?.started) await app.readingPool.warmed;
    process.send?.({ type: 'created', sessions });
  } else if (message.type === 'sent') {
    process.send?.({ type: 'sent', stamps: takeFetchStamps() });
  } else if (message.type === 'stop') {
    await app.close();
    process.exit(0);
  }
});
process.send?.({ type: 'ready', port: typeof address === 'object' && address ? address.port : 0 });
