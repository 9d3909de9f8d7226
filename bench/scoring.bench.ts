import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
 * - fresh process (goal: 150 ms): `mlsd score` of the same transcript in a new `node --import tsx`
 *   process, as a user runs it. The command times itself (`MLSD_SCORE_TIMING=1`) from the start of
 *   `scoreCommand` (reading the transcript, loading the rubric and the word vectors, compiling,
 *   scoring) to the report written; Node and tsx startup and module imports come before that and are
 *   printed apart, with bare `node` and `node --import tsx` startups for comparison.
 *
 * The transcript is stitched from the calibration interviews: their turns, unchanged, spread over
 * seven steps and 45 minutes until it reaches the word count.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TARGET_WORDS = 8_000;
const WARM_UP = 3;
const RUNS = { cold: 20, warm: 50, live: 100, fresh: 7 };

export interface ScoringBench {
  words: number;
  turns: number;
  goalMs: number;
  rubricCompileMs: number;
  cold: Stats;
  matching: Stats;
  cached: Stats;
  liveCoverage: Stats;
  fresh: FreshProcess;
}

/** Medians over fresh `mlsd score` processes (see `freshProcess`). */
interface FreshProcess {
  goalMs: number;
  runs: number;
  /** Whether the build's rubric data was used (`pnpm build`); without it the rubric is parsed and tokenised. */
  builtRubricData: boolean;
  scoringWorkMs: number;
  scoringWorkMinMs: number;
  scoringCpuMs: number;
  phases: Record<string, number>;
  /** Node, tsx and module imports, before the command starts. */
  startupMs: number;
  wallMs: number;
  bareNodeMs: number;
  bareTsxMs: number;
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

  const fresh = freshProcess(turns);

  const result: ScoringBench = {
    words,
    turns: turns.length,
    goalMs: 20,
    rubricCompileMs: round2(rubricCompileMs),
    cold,
    matching,
    cached,
    liveCoverage,
    fresh,
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
  const phases = Object.entries(fresh.phases)
    .map(([name, ms]) => `${name.replace(/Ms$/, '')} ${ms.toFixed(1)}`)
    .join(', ');
  console.log(
    `  fresh process \`mlsd score\` (goal <= ${fresh.goalMs} ms, median of ${fresh.runs}${fresh.builtRubricData ? '' : ', NO built rubric data: run `pnpm build`'})`,
  );
  console.log(
    `    scoring work ${fresh.scoringWorkMs.toFixed(1)} ms (min ${fresh.scoringWorkMinMs.toFixed(1)}, CPU ${fresh.scoringCpuMs.toFixed(1)}): ${phases} ms`,
  );
  console.log(
    `    before it: Node + tsx + imports ${fresh.startupMs.toFixed(0)} ms (bare node ${fresh.bareNodeMs.toFixed(0)} ms, node --import tsx ${fresh.bareTsxMs.toFixed(0)} ms); whole process ${fresh.wallMs.toFixed(0)} ms wall`,
  );
  return result;
}

/**
 * Runs `mlsd score FILE --json` on the transcript in fresh processes and reads the timing the
 * command prints with `MLSD_SCORE_TIMING=1`; wall time is measured around each process.
 */
function freshProcess(turns: SessionTurn[]): FreshProcess {
  const dir = mkdtempSync(join(tmpdir(), 'mlsd-bench-'));
  try {
    const file = join(dir, 'transcript.json');
    const start = turns[0]?.atMs ?? 0;
    writeFileSync(
      file,
      JSON.stringify({
        caseId: 'ad-click-prediction',
        durationMinutes: 45,
        turns: turns.map((turn) => ({
          role: turn.role,
          step: turn.step,
          text: turn.text,
          t: ((turn.atMs ?? start) - start) / 1000,
        })),
      }),
    );
    const empty = join(dir, 'empty.ts');
    writeFileSync(empty, '');
    const wall = (args: string[], env: NodeJS.ProcessEnv = process.env) => {
      const begin = performance.now();
      const child = spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`bench: ${args.join(' ')} failed: ${child.stderr}`);
      return { ms: performance.now() - begin, stderr: child.stderr };
    };
    const cli = ['--import', 'tsx', join(ROOT, 'packages', 'cli', 'src', 'main.ts'), 'score', file, '--json'];
    wall(cli); // tsx compiles the sources into its cache once; the runs below read it as users do
    const timings: { wallMs: number; timing: Record<string, number | boolean> }[] = [];
    for (let i = 0; i < RUNS.fresh; i++) {
      const run = wall(cli, { ...process.env, MLSD_SCORE_TIMING: '1' });
      const json = /mlsd score timing (\{.*\})/.exec(run.stderr)?.[1];
      if (!json) throw new Error(`bench: mlsd score printed no timing: ${run.stderr}`);
      timings.push({ wallMs: run.ms, timing: JSON.parse(json) as Record<string, number | boolean> });
    }
    const median = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return round2(sorted[Math.floor(sorted.length / 2)] ?? Number.NaN);
    };
    const field = (name: string) => median(timings.map((run) => Number(run.timing[name])));
    const phaseNames = ['readTranscriptMs', 'loadRubricMs', 'vectorsMs', 'compileMs', 'scoreMs', 'outputMs'];
    return {
      goalMs: 150,
      runs: RUNS.fresh,
      builtRubricData: timings.every((run) => run.timing.builtRubricData === true),
      scoringWorkMs: field('scoringWorkMs'),
      scoringWorkMinMs: round2(Math.min(...timings.map((run) => Number(run.timing.scoringWorkMs)))),
      scoringCpuMs: field('scoringCpuMs'),
      phases: Object.fromEntries(phaseNames.map((name) => [name, field(name)])),
      startupMs: field('startupMs'),
      wallMs: median(timings.map((run) => run.wallMs)),
      bareNodeMs: median(Array.from({ length: 3 }, () => wall(['-e', '0']).ms)),
      bareTsxMs: median(Array.from({ length: 3 }, () => wall(['--import', 'tsx', empty]).ms)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
export function transcript(): SessionTurn[] {
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
