import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DrillDeckResponse } from '@mlsd/protocol';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { REPO_ROOT } from './helpers.ts';
import { writeFixtureRubrics } from './rubric-fixture.ts';

let dir: string;
let rubrics: string;
let app: FastifyInstance;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-study-reload-'));
  rubrics = writeFixtureRubrics(join(dir, 'rubrics'));
  mkdirSync(join(rubrics, 'drills'));
  copyFileSync(join(REPO_ROOT, 'rubrics/drills/general.yaml'), join(rubrics, 'drills/general.yaml'));
  app = await buildApp({ db: join(dir, 'db.sqlite'), rubricsDir: rubrics, dev: true });
  await app.ready();
});

afterEach(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const firstTitle = async () =>
  DrillDeckResponse.parse((await app.inject('/api/drills')).json()).cards[0]?.title;

async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 8_000;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('drill hot reload (dev)', () => {
  it('reads an edited deck with the rubrics, and keeps the last good deck on a broken one', async () => {
    const file = join(rubrics, 'drills/general.yaml');
    const original = readFileSync(file, 'utf8');
    const before = await firstTitle();
    expect(before).toBeTruthy();
    writeFileSync(file, original.replace(`title: ${before}`, 'title: Renamed drill card'));
    await eventually(async () => (await firstTitle()) === 'Renamed drill card', 'the renamed card');

    writeFileSync(file, original.replace(/minutes: \d+/, 'minutes: 99'));
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await firstTitle()).toBe('Renamed drill card');
  });
});
