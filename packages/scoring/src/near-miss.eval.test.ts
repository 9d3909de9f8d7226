import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadRubrics, type StepId } from '@mlsd/rubric';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AnalysisCache } from './analyse.ts';
import { stepCoverage } from './coverage.ts';

/**
 * Near misses, point by point: for every talking point of every case, one thing a candidate might
 * say in that step that sounds close to the point but does not make it, written in the
 * twenty-first session by two hands that saw each point's title and strong answer but never the
 * scorer. Five kinds, in rotation: the idea considered and dismissed (`reject`), a platitude true
 * of any system (`generic`), another decision of the same step in some of the same words
 * (`other`), a question about the topic (`question`) and a confident wrong version of it
 * (`wrong`). A careful grader gives the point nothing for any of them; a platitude may at most be
 * "mentioned". Split by case: `dev` (read) and `blind` (never read), the same cases as the
 * plain-words sets `dev29` and `blind29`, so a change is judged on what it hears and what it
 * wrongly credits at once.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const loaded = loadRubrics(`${root}rubrics`);
if (!loaded.ok) throw new Error('the rubrics do not load');
const { framework, cases } = loaded.value;

const KINDS = ['reject', 'generic', 'other', 'question', 'wrong'] as const;
const Entry = z.object({
  caseId: z.string(),
  step: z.string(),
  pointId: z.string(),
  kind: z.enum(KINDS),
  text: z.string(),
});
type Entry = z.infer<typeof Entry>;

function load(name: string): Entry[] {
  const url = new URL(`../eval/near-miss.${name}.json`, import.meta.url);
  return z.array(Entry).parse(JSON.parse(readFileSync(url, 'utf8')));
}

/** The level the sentence alone earns its point in its step; null when the step no longer scores it. */
function levelOf(entry: Entry, cache: AnalysisCache): string | null {
  const study = cases.get(entry.caseId);
  if (!study) throw new Error(`${entry.pointId}: unknown case '${entry.caseId}'`);
  const step = entry.step as StepId;
  const coverage = stepCoverage(study, framework, step, [{ text: entry.text, step }], cache);
  return coverage.points.find((each) => each.pointId === entry.pointId)?.level ?? null;
}

/** Wrong credit: anything for a near miss, more than a mention for a platitude. */
function wronglyCredited(entry: Entry, level: string): boolean {
  return entry.kind === 'generic' ? level === 'explained' : level !== 'missed';
}

describe.each([
  { name: 'dev', role: 'read', ceiling: 0.25 },
  { name: 'blind', role: 'unseen', ceiling: 0.25 },
] as const)('near misses, point by point (near-miss.$name)', ({ name, role, ceiling }) => {
  const entries = load(name);
  const cache = new AnalysisCache();
  const results = entries
    .map((entry) => ({ entry, level: levelOf(entry, cache) }))
    .filter((each): each is { entry: Entry; level: string } => each.level !== null);
  const wrong = results.filter(({ entry, level }) => wronglyCredited(entry, level));

  it(`credits at most ${Math.round(ceiling * 100)}% of sentences that do not make their point`, () => {
    const share = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(1)}%`;
    const byKind = KINDS.map((kind) => {
      const all = results.filter(({ entry }) => entry.kind === kind);
      const bad = wrong.filter(({ entry }) => entry.kind === kind);
      return `${kind} ${share(bad.length, all.length)} of ${all.length}`;
    });
    console.log(
      `near-miss.${name} (${role}): ${share(wrong.length, results.length)} of ${results.length} wrongly credited (${byKind.join(', ')})`,
    );
    // Misses only on request, and never the blind set's: once read, it would be a dev set.
    if (name === 'dev' && (process.env.MLSD_EVAL_MISSES ?? '').split(',').includes('near-dev')) {
      for (const { entry, level } of wrong)
        console.log(`  WRONG ${level} ${entry.kind} ${entry.caseId}/${entry.pointId}: ${entry.text}`);
    }
    expect(entries.length).toBeGreaterThan(400);
    expect(wrong.length / results.length).toBeLessThanOrEqual(ceiling);
  });
});
