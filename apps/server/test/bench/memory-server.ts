import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/app.ts';
import { REPO_ROOT } from '../helpers.ts';

/**
 * Child process for the memory benchmark: the real app (real rubrics, a SQLite file, the offline
 * interviewer) listening on a free port. Over IPC: `create` makes sessions through the runtime (as
 * POST /api/sessions does, without its per-address limit), `measure` collects garbage and reports
 * process.memoryUsage().
 */
const gc = (globalThis as { gc?: () => void }).gc;
const dir = mkdtempSync(join(tmpdir(), 'mlsd-memory-'));
const app = await buildApp({
  db: join(dir, 'mlsd.sqlite'),
  rubricsDir: join(REPO_ROOT, 'rubrics'),
  // One process plays thousands of browsers from one address: lift the per-address limit.
  hardening: { restRateLimit: false },
});
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const caseId = app.rubrics.caseSummaries()[0]?.id ?? '';

process.on('message', async (message: { type: string; count?: number }) => {
  if (message.type === 'create') {
    const sessions: { id: string; token: string }[] = [];
    for (let i = 0; i < (message.count ?? 0); i++) {
      const created = await app.sessions.create({
        caseId,
        durationMinutes: 45,
        interviewer: 'offline',
        seed: i,
      });
      sessions.push({ id: created.id, token: created.token });
    }
    process.send?.({ type: 'created', sessions });
  } else if (message.type === 'measure') {
    for (let i = 0; i < 4; i++) {
      gc?.();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    process.send?.({ type: 'measured', usage: process.memoryUsage() });
  } else if (message.type === 'stop') {
    await app.close();
    process.exit(0);
  }
});
process.send?.({ type: 'ready', port: typeof address === 'object' && address ? address.port : 0 });
