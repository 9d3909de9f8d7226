import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { curveballIdeas } from '@mlsd/scoring';
import { fixtureRubric } from '@mlsd/scoring/fixture';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCaptured } from './run-captured.ts';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-rubrics-check-'));
  mkdirSync(join(dir, 'cases'), { recursive: true });
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Writes the fixture rubric (JSON is YAML), its first curveball given `plain` lists, and checks it. */
async function checkWith(plain: (ideas: number) => string[][]) {
  const { study, framework } = fixtureRubric();
  const [ball, ...rest] = study.curveballs;
  if (!ball) throw new Error('the fixture has no curveball');
  const ideas = curveballIdeas(ball.expects).length;
  writeFileSync(join(dir, 'framework.yaml'), JSON.stringify(framework));
  writeFileSync(
    join(dir, 'cases', `${study.id}.yaml`),
    JSON.stringify({ ...study, curveballs: [{ ...ball, plain: plain(ideas) }, ...rest] }),
  );
  return { ...(await runCaptured(['rubrics', 'check', dir], dir)), id: ball.id };
}

describe('mlsd rubrics check: plain phrasings of a curveball', () => {
  it('passes one list of phrasings per idea of the expected reaction', async () => {
    const { code, stdout } = await checkWith((ideas) =>
      Array.from({ length: ideas }, () => ['say it plainly']),
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/cases ok/);
  });

  it('fails, naming the curveball and its ideas, when the lists do not match the ideas', async () => {
    const { code, stderr, id } = await checkWith((ideas) =>
      Array.from({ length: ideas + 1 }, () => ['say it plainly']),
    );
    expect(code).toBe(1);
    expect(stderr).toContain(`curveball "${id}"`);
    expect(stderr).toMatch(/give one list per idea, in that order/);
  });
});
