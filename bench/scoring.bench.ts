import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StepId } from '../packages/protocol/src/index.ts';
import { CaseStudy, Framework, loadYamlFile, STEP_IDS } from '../packages/rubric/src/index.ts';
import {
  AnalysisCache,
  compileRubric,
  type SessionTurn,
  scoreSession,
  stepCoverage,
} from '../packages/scoring/src/index.ts';

/**
 * Time to score a 45-minute, ~8,000-word transcript with the offline scorer (goal: 20 ms).
 *
 * - cold: everything, including wink-nlp tokenisation of every turn (a report built from nothing);
 * - matching: turns already tokenised, talking points matched and the report built from scratch;
 * - cached: the live server's end-of-session report, where every turn was tokenised and matched
 *   once when it arrived (the `AnalysisCache` the session shares);
 * - live coverage: one `stepCoverage` call after a new message, with the earlier turns cached.
 *
 * The transcript is stitched from the calibration interviews: their turns, unchanged, spread over
 * seven steps and 45 minutes until it reaches the word count.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TARGET_WORDS = 8_000;
const WARM_UP = 3;
const RUNS = { cold: 20, warm: 50, live: 100 };

export interface ScoringBench {
  words: number;
  turns: number;
  goalMs: number;
  rubricCompileMs: number;
  cold: Stats;
  matching: Stats;
  cached: Stats;
  liveCoverage: Stats;
}

interface Stats {
  meanMs: number;
  p95Ms: number;
  runs: number;
}

export async function run(): Promise<ScoringBench> {
  const framework = loadYamlFile(join(ROOT, 'rubrics', 'framework.yaml'), Framework);
  const study = loadYamlFile(join(ROOT, 'rubrics', 'cases', 'ad-click-prediction.yaml'), CaseStudy);
  if (!framework.ok || !study.ok) throw new Error('bench: the ad-click-prediction rubric does not load');
  const options = { study: study.value, framework: framework.value };

  new AnalysisCache().analysis('Load the language model before timing anything.');
  const compileStart = performance.now();
  compileRubric(study.value, framework.value);
  const rubricCompileMs = performance.now() - compileStart;

  const turns = transcript();
  const prepared: AnalysisCache[] = [];
  const words = turns.reduce((sum, turn) => sum + turn.text.split(/\s+/).length, 0);
  const now = 0;

  const cold = measure(RUNS.cold, () => scoreSession({ ...options, turns, now, cache: new AnalysisCache() }));
  const matching = measure(
    RUNS.cold,
    () => scoreSession({ ...options, turns, now, cache: prepared.shift() ?? new AnalysisCache() }),
    () => prepared.push(tokenised(turns)),
  );
  const shared = tokenised(turns);
  scoreSession({ ...options, turns, now, cache: shared });
  const cached = measure(RUNS.warm, () => scoreSession({ ...options, turns, now, cache: shared }));
  const texts = turns.filter((turn) => turn.role === 'candidate').map((turn) => turn.text);
  let round = 0;
  const liveCoverage = measure(RUNS.live, () => {
    // A message the cache has not seen, as after every new candidate turn.
    round += 1;
    stepCoverage(
      study.value,
      framework.value,
      'model',
      [...texts, `New answer ${round}: I would calibrate the scores.`],
      shared,
    );
  });

  const result: ScoringBench = {
    words,
    turns: turns.length,
    goalMs: 20,
    rubricCompileMs: round2(rubricCompileMs),
    cold,
    matching,
    cached,
    liveCoverage,
  };
  const line = (name: string, stats: Stats) =>
    `  ${name.padEnd(34)} mean ${stats.meanMs.toFixed(1).padStart(6)} ms   p95 ${stats.p95Ms.toFixed(1).padStart(6)} ms   (${stats.runs} runs)`;
  console.log(
    `scoring a ${turns.length}-turn, ${words}-word, 45-minute transcript (goal <= ${result.goalMs} ms)`,
  );
  console.log(`  rubric compile (once per case)     ${result.rubricCompileMs.toFixed(1)} ms`);
  console.log(line('cold (tokenise + match + report)', cold));
  console.log(line('matching (turns already tokenised)', matching));
  console.log(line('cached (end of a live session)', cached));
  console.log(line('live coverage after a new message', liveCoverage));
  return result;
}

/** Times `fn` after a warm-up; `before` runs untimed ahead of each call. */
function measure(runs: number, fn: () => unknown, before: () => unknown = () => undefined): Stats {
  for (let i = 0; i < WARM_UP; i++) {
    before();
    fn();
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    before();
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((sum, time) => sum + time, 0) / times.length;
  const p95 = times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)] ?? mean;
  return { meanMs: round2(mean), p95Ms: round2(p95), runs };
}

/** Calibration turns, in order, repeated with a marker so no two turns share a text, up to ~8,000 words. */
function transcript(): SessionTurn[] {
  const dir = join(ROOT, 'calibration');
  const cases = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  const source = cases
    .map((entry) => entry.name)
    .flatMap((caseId) =>
      readdirSync(join(dir, caseId))
        .filter((name) => name.endsWith('.json'))
        .sort()
        .flatMap(
          (name) =>
            (
              JSON.parse(readFileSync(join(dir, caseId, name), 'utf8')) as {
                turns: { role: 'interviewer' | 'candidate'; text: string }[];
              }
            ).turns,
        ),
    );
  const picked: { role: 'interviewer' | 'candidate'; text: string }[] = [];
  let words = 0;
  for (let i = 0; words < TARGET_WORDS && source.length > 0; i++) {
    const turn = source[i % source.length]!;
    const text = i < source.length ? turn.text : `${turn.text} (${Math.floor(i / source.length)})`;
    picked.push({ role: turn.role, text });
    words += text.split(/\s+/).length;
  }
  const start = 1_700_000_000_000;
  return picked.map((turn, i) => ({
    role: turn.role,
    text: turn.text,
    step: STEP_IDS[Math.min(6, Math.floor((i / picked.length) * 7))] as StepId,
    atMs: start + Math.round((i / picked.length) * 45 * 60_000),
  }));
}

/** A cache holding every turn's tokens (but no matches yet: those are cached per analysis object). */
function tokenised(turns: SessionTurn[]): AnalysisCache {
  const cache = new AnalysisCache();
  for (const turn of turns) {
    if (turn.role === 'candidate') cache.analysis(turn.text);
    else cache.lemmaSet(turn.text);
  }
  return cache;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await run();
