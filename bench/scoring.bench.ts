import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
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
 * - fresh process (goal: 150 ms): `mlsd score FILE --json` of the same transcript in a new process,
 *   as a user runs it. The figure is the whole process, spawn to exit, of what `pnpm mlsd` runs
 *   (`node packages/cli/bin/mlsd.mjs`: the prebuilt CLI when it matches the sources, else tsx);
 *   pnpm's own start comes on top and is printed apart when the bench runs under pnpm, as is the
 *   old way (`node --import tsx packages/cli/src/main.ts`). The command also times itself
 *   (`MLSD_SCORE_TIMING=1`): Node start and module loading before `scoreCommand`, then reading the
 *   transcript, loading the rubric and the word vectors, scoring, and writing the report.
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
  /** The load average (1 minute) before and after the fresh runs: the figures swing with it. */
  load: [number, number];
  /** How `pnpm mlsd` ran the command: `bundle` (prebuilt, current) or `tsx` (sources changed since `pnpm build`). */
  runner: string;
  /** Whether the build's rubric data was used (`pnpm build`); without it the rubric is parsed and tokenised. */
  builtRubricData: boolean;
  /** Spawn to exit of `node packages/cli/bin/mlsd.mjs score FILE --json`: the figure held to the goal. */
  wallMs: number;
  wallMinMs: number;
  /** User + system CPU of that process (all threads): steadier than wall time on a busy machine. */
  cpuMs: number;
  /** Inside the process: Node start and module loading, before `scoreCommand` runs. */
  startupMs: number;
  scoringWorkMs: number;
  phases: Record<string, number>;
  /** The same through pnpm (`pnpm mlsd score`), when the bench runs under pnpm; null otherwise. */
  viaPnpmMs: number | null;
  /** The old way, `node --import tsx packages/cli/src/main.ts`, for comparison. */
  tsxWallMs: number;
  bareNodeMs: number;
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
  const notes = [
    fresh.runner === 'bundle' ? '' : `, ran through ${fresh.runner}: run \`pnpm build\` for the prebuilt CLI`,
    fresh.builtRubricData ? '' : ', NO built rubric data: run `pnpm build`',
  ].join('');
  console.log(
    `  fresh process \`mlsd score\` (goal <= ${fresh.goalMs} ms; median of ${fresh.runs}; load ${fresh.load[0]} -> ${fresh.load[1]} on ${cpus().length} cores${notes})`,
  );
  console.log(
    `    node packages/cli/bin/mlsd.mjs (what \`pnpm mlsd\` runs), spawn to exit: ${fresh.wallMs.toFixed(0)} ms (min ${fresh.wallMinMs.toFixed(0)}, CPU ${fresh.cpuMs.toFixed(0)})`,
  );
  console.log(
    `      inside: Node + module loading ${fresh.startupMs.toFixed(0)} ms, scoring work ${fresh.scoringWorkMs.toFixed(0)} ms (${phases} ms)`,
  );
  console.log(
    `    with pnpm's own start (\`pnpm mlsd score\`): ${fresh.viaPnpmMs === null ? 'not measured (run the bench through pnpm)' : `${fresh.viaPnpmMs.toFixed(0)} ms`}`,
  );
  console.log(
    `    before: node --import tsx packages/cli/src/main.ts ${fresh.tsxWallMs.toFixed(0)} ms; bare \`node -e 0\` ${fresh.bareNodeMs.toFixed(0)} ms`,
  );
  return result;
}

/**
 * Runs `mlsd score FILE --json` on the transcript in fresh processes, as `pnpm mlsd` does, and
 * reads the timing the command prints with `MLSD_SCORE_TIMING=1`; wall and CPU time are measured
 * around each process (`/usr/bin/time` is not assumed: the child's CPU comes from its resource usage).
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
    const run = (command: string, args: string[], env: NodeJS.ProcessEnv = process.env) => {
      const cpuBefore = childCpuMs();
      const begin = performance.now();
      const child = spawnSync(command, args, { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 1 << 28 });
      const ms = performance.now() - begin;
      if (child.status !== 0) throw new Error(`bench: ${command} ${args.join(' ')} failed: ${child.stderr}`);
      return { ms, cpuMs: childCpuMs() - cpuBefore, stderr: child.stderr };
    };
    const cliArgs = ['score', file, '--json'];
    const launcher = join(ROOT, 'packages', 'cli', 'bin', 'mlsd.mjs');
    const timed = { ...process.env, MLSD_SCORE_TIMING: '1' };
    run(process.execPath, [launcher, ...cliArgs]); // disk caches warm, as for a user's second run
    const load0 = loadAverage();
    const runs: { wallMs: number; cpuMs: number; timing: Record<string, number | boolean | string> }[] = [];
    for (let i = 0; i < RUNS.fresh; i++) {
      const result = run(process.execPath, [launcher, ...cliArgs], timed);
      const json = /mlsd score timing (\{.*\})/.exec(result.stderr)?.[1];
      if (!json) throw new Error(`bench: mlsd score printed no timing: ${result.stderr}`);
      runs.push({ wallMs: result.ms, cpuMs: result.cpuMs, timing: JSON.parse(json) });
    }
    // `pnpm bench` runs under pnpm, which names its own entry point in npm_execpath.
    const pnpm = process.env.npm_execpath;
    const viaPnpm =
      pnpm && /pnpm/.test(pnpm)
        ? median(Array.from({ length: 3 }, () => run(process.execPath, [pnpm, 'mlsd', ...cliArgs]).ms))
        : null;
    const tsxMain = join(ROOT, 'packages', 'cli', 'src', 'main.ts');
    const tsxWallMs = median(
      Array.from({ length: 3 }, () => run(process.execPath, ['--import', 'tsx', tsxMain, ...cliArgs]).ms),
    );
    const field = (name: string) => median(runs.map((entry) => Number(entry.timing[name])));
    const phaseNames = ['readTranscriptMs', 'loadRubricMs', 'vectorsMs', 'compileMs', 'scoreMs', 'outputMs'];
    return {
      goalMs: 150,
      runs: RUNS.fresh,
      load: [load0, loadAverage()],
      runner: runs.every((entry) => entry.timing.runner === 'bundle') ? 'bundle' : 'tsx',
      builtRubricData: runs.every((entry) => entry.timing.builtRubricData === true),
      wallMs: median(runs.map((entry) => entry.wallMs)),
      wallMinMs: round2(Math.min(...runs.map((entry) => entry.wallMs))),
      cpuMs: median(runs.map((entry) => entry.cpuMs)),
      startupMs: field('startupMs'),
      scoringWorkMs: field('scoringWorkMs'),
      phases: Object.fromEntries(phaseNames.map((name) => [name, field(name)])),
      viaPnpmMs: viaPnpm,
      tsxWallMs,
      bareNodeMs: median(Array.from({ length: 3 }, () => run(process.execPath, ['-e', '0']).ms)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * CPU time (user + system) of this process's waited-for children so far, in ms, from Linux's
 * /proc (cutime and cstime, in clock ticks of 10 ms); NaN where there is no /proc.
 */
function childCpuMs(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return Number.NaN;
  }
}

function loadAverage(): number {
  return Math.round((loadavg()[0] ?? 0) * 100) / 100;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return round2(sorted[Math.floor(sorted.length / 2)] ?? Number.NaN);
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
