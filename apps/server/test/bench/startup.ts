import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, type LaunchMode, prepareLauncher, ServerProcess } from '../durability-server.ts';
import { writeFixtureRubrics } from '../rubric-fixture.ts';
import { percentile } from './stats.ts';

const SERVER_DIR = fileURLToPath(new URL('../../', import.meta.url));
const HERE = fileURLToPath(new URL('.', import.meta.url));

export interface StartupRow {
  mode: LaunchMode;
  rubrics: 'repo' | 'fixture';
  medianMs: number;
  minMs: number;
}

/** Spawn-to-listening of the real server, `runs` times per launch mode and rubric set. */
export async function measureStartups(runs: number): Promise<StartupRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'mlsd-startup-'));
  const fixture = writeFixtureRubrics(join(dir, 'rubrics'));
  const rows: StartupRow[] = [];
  try {
    for (const mode of ['tsx', 'bundle', 'start'] as const) {
      const launcher = await prepareLauncher(mode);
      try {
        for (const rubrics of ['repo', 'fixture'] as const) {
          const times: number[] = [];
          for (let run = 0; run < runs; run++) {
            const server = ServerProcess.spawn(launcher, {
              dataDir: join(dir, `${mode}-${rubrics}-${run}`),
              port: await freePort(),
              env: rubrics === 'fixture' ? { MLSD_RUBRICS_DIR: fixture } : {},
            });
            times.push(await server.ready());
            await server.kill9();
          }
          rows.push({ mode, rubrics, medianMs: percentile(times, 50), minMs: Math.min(...times) });
        }
      } finally {
        launcher.dispose();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

/** Where a cold start goes, measured in a fresh process (see startup-parts.ts). */
export function measureStartupParts(): Record<string, number> {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(HERE, 'startup-parts.ts')], {
    cwd: SERVER_DIR,
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Record<string, number>;
}
