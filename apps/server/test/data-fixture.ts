import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach } from 'vitest';
import { buildApp } from '../src/app.ts';
import { FakeClock } from './fake-clock.ts';
import { writeFixtureRubrics } from './rubric-fixture.ts';

/**
 * The data tests' app: the fixture rubrics on a fresh temp SQLite file, ready, for `inject`.
 * Registers its own beforeEach/afterEach; read `current.app` inside a test.
 */
export function useDataApp(prefix: string): { app: FastifyInstance } {
  const current = {} as { app: FastifyInstance };
  let dir = '';
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    current.app = await buildApp({
      db: join(dir, 'mlsd.sqlite'),
      rubricsDir: writeFixtureRubrics(join(dir, 'rubrics')),
      clock: new FakeClock(),
    });
    await current.app.ready();
  });
  afterEach(async () => {
    await current.app.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return current;
}
