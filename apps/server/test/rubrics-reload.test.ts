import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { FIXTURE_CASE_ID, writeFixtureRubrics } from './rubric-fixture.ts';

let dir: string;
let rubrics: string;
let app: FastifyInstance;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-reload-'));
  rubrics = writeFixtureRubrics(join(dir, 'rubrics'));
  app = await buildApp({ db: join(dir, 'db.sqlite'), rubricsDir: rubrics, dev: true });
  await app.ready();
});

afterEach(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

async function titles(): Promise<string[]> {
  return ((await app.inject('/api/cases')).json() as { title: string }[]).map((item) => item.title);
}

async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('rubric hot reload (dev)', () => {
  it('swaps in a valid edit and keeps the last good set on a broken one', async () => {
    const file = join(rubrics, 'cases', `${FIXTURE_CASE_ID}.yaml`);
    const study = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...study, title: 'Renamed fixture' }));
    await eventually(async () => (await titles())[0] === 'Renamed fixture', 'the renamed case');

    writeFileSync(file, JSON.stringify({ ...study, title: 'Broken', facts: [] }));
    // Give the watcher time to see and refuse the broken file.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await titles()).toEqual(['Renamed fixture']);
  });
});
