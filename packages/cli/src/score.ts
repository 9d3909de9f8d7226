import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report, TranscriptFile } from '@mlsd/protocol';
import { quickParseTranscriptFile } from '@mlsd/protocol/transcript-check';
import type { CaseStudy, Framework } from '@mlsd/rubric';
import { compileRubric, loadRubricData, meaningStatus, scoreTranscript } from '@mlsd/scoring';
import type { CliIo } from './command-types.ts';

/** The repository's rubrics folder, found from this file so the command works from any directory. */
const RUBRICS_DIR = fileURLToPath(new URL('../../../rubrics', import.meta.url));

const USAGE = `usage: mlsd score FILE [--json] [--rubrics DIR]

Scores a transcript file ({ "caseId", "turns": [{ "role", "step"?, "text", "t"? }], "notes"? })
with the offline scorer and prints a summary, or the report as JSON with --json.
`;

/** `mlsd score FILE [--json]`: 0 when scored, 1 when the file or the rubrics are unusable, 2 on bad usage. */
export async function scoreCommand(argv: string[], io: CliIo): Promise<number> {
  // Since the process started: Node and tsx startup and the modules imported so far.
  const startMs = performance.now();
  const startCpu = process.cpuUsage();
  const args = parseArgs(argv);
  if ('help' in args) {
    io.stdout.write(USAGE);
    return 0;
  }
  if ('error' in args) {
    io.stderr.write(`mlsd score: ${args.error}\n\n${USAGE}`);
    return 2;
  }
  const path = isAbsolute(args.file) ? args.file : resolve(io.cwd, args.file);
  const fail = (message: string) => {
    io.stderr.write(`mlsd score: ${message}\n`);
    return 1;
  };

  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return fail(
      `cannot read ${args.file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const { line, column } = lineColumn(text, jsonErrorOffset(text, (error as Error).message));
    return fail(`${args.file}:${line}:${column}: invalid JSON: ${(error as Error).message}`);
  }
  const parsed = await parseTranscriptFile(json);
  if (!parsed.success) {
    const lines = parsed.issues
      .slice(0, 10)
      .map((issue) => `  ${formatPath(issue.path) || '(top level)'}: ${issue.message}`);
    return fail(`${args.file} is not a transcript file:\n${lines.join('\n')}`);
  }

  const readMs = performance.now();
  // The word-vector table, loaded once per process: first, so the phases below are timed apart.
  const vectorsMs = meaningStatus().loadMs;
  const vectorsLoadedMs = performance.now();
  const rubrics = await loadCase(args.rubrics ?? RUBRICS_DIR, parsed.data.caseId);
  if (!rubrics.ok) return fail(rubrics.message);
  const loadedMs = performance.now();
  // Compiled here only to time it apart: `scoreTranscript` reuses it (compiled once per case object;
  // with the build's data, `loadCase` already made the stored compilation the one it returns).
  const study = rubrics.value.cases.get(parsed.data.caseId);
  if (study) compileRubric(study, rubrics.value.framework);
  const compiledMs = performance.now();
  const scored = scoreTranscript(parsed.data, rubrics.value);
  if (!scored.ok) return fail(scored.error.message);
  const scoredMs = performance.now();
  io.stdout.write(args.json ? `${JSON.stringify(scored.value, null, 2)}\n` : summary(scored.value));
  // Without the word-vector table, answers in everyday words are matched by their words alone and
  // score far lower: the report is not the one a built install gives, and says so.
  const meaning = meaningStatus();
  if (!meaning.available) io.stderr.write(`mlsd score: warning: ${meaning.reason}\n`);
  if (io.env?.MLSD_SCORE_TIMING) {
    const endMs = performance.now();
    const ms = (value: number) => Math.round(value * 10) / 10;
    const cpu = process.cpuUsage(startCpu);
    // For `pnpm bench scoring`: where a fresh process spends its time, on stderr.
    const timing = {
      startupMs: ms(startMs),
      readTranscriptMs: ms(readMs - startMs),
      loadRubricMs: ms(loadedMs - vectorsLoadedMs),
      compileMs: ms(compiledMs - loadedMs),
      vectorsMs: ms(vectorsMs),
      scoreMs: ms(scoredMs - compiledMs),
      outputMs: ms(endMs - scoredMs),
      scoringWorkMs: ms(endMs - startMs),
      /** CPU time of the scoring work (all threads): less disturbed than wall time on a busy machine. */
      scoringCpuMs: ms((cpu.user + cpu.system) / 1000),
      /** `bundle` or `tsx` when started by bin/mlsd.mjs (`pnpm mlsd`), else how the caller ran it. */
      runner: io.env?.MLSD_CLI_RUNNER ?? 'direct',
      /** With the prebuilt CLI: whether V8's code cache served (`used`), see bin/score-script.mjs. */
      codeCache: io.env?.MLSD_CLI_CODE_CACHE ?? 'none',
      builtRubricData: rubrics.built,
      builtCompiledRubric: rubrics.compiled,
    };
    io.stderr.write(`mlsd score timing ${JSON.stringify(timing)}\n`);
  }
  return 0;
}

/**
 * The transcript file as the protocol's schema reads it. A valid file is read without zod
 * (`quickParseTranscriptFile`, the same value): zod is loaded only for a file the quick reading
 * declines, to say what is wrong with it (or to accept it after all).
 */
async function parseTranscriptFile(
  json: unknown,
): Promise<
  | { success: true; data: TranscriptFile }
  | { success: false; issues: { path: readonly PropertyKey[]; message: string }[] }
> {
  const quick = quickParseTranscriptFile(json);
  if (quick) return { success: true, data: quick };
  const { TranscriptFile } = await import('@mlsd/protocol');
  const parsed = TranscriptFile.safeParse(json);
  return parsed.success ? parsed : { success: false, issues: parsed.error.issues };
}

type Args = { help: true } | { error: string } | { file: string; json: boolean; rubrics: string | undefined };

function parseArgs(argv: string[]): Args {
  let file: string | undefined;
  let json = false;
  let rubrics: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg === '--json') json = true;
    else if (arg === '--rubrics') {
      rubrics = argv[++i];
      if (rubrics === undefined) return { error: '--rubrics needs a directory' };
    } else if (arg.startsWith('-') && arg !== '-') return { error: `unknown option "${arg}"` };
    else if (file === undefined) file = arg;
    else return { error: `one transcript file at a time (got "${file}" and "${arg}")` };
  }
  if (file === undefined) return { error: 'which transcript file? Pass its path' };
  return { file, json, rubrics };
}

/**
 * Loads the framework and the one case the transcript names. Only that case file has to be valid,
 * so a broken file for another case does not stop scoring; the case ids come from the file names.
 * `built` says the build's data for these exact files was used (`loadRubricData`).
 */
async function loadCase(
  dir: string,
  caseId: string,
): Promise<
  | {
      ok: true;
      value: { framework: Framework; cases: Map<string, CaseStudy> };
      built: boolean;
      compiled: boolean;
    }
  | { ok: false; message: string }
> {
  let known: string[];
  try {
    known = readdirSync(join(dir, 'cases'))
      .filter((name) => /\.ya?ml$/.test(name))
      .map((name) => name.replace(/\.ya?ml$/, ''))
      .sort();
  } catch (error) {
    return {
      ok: false,
      message: `cannot list the rubric cases in ${join(dir, 'cases')}: ${(error as Error).message}`,
    };
  }
  if (!known.includes(caseId)) {
    return { ok: false, message: `unknown case '${caseId}'; known cases: ${known.join(', ') || '(none)'}` };
  }
  const frameworkFile = join(dir, 'framework.yaml');
  const file = ['yaml', 'yml'].map((ext) => join(dir, 'cases', `${caseId}.${ext}`)).find(exists);
  // The build's copy of these exact files, already validated and compiled, when there is one: a
  // fresh process then skips about 100 ms of YAML parsing and 250 ms of tokenising the rubric.
  const built = file ? loadRubricData({ framework: frameworkFile, study: file }, caseId) : null;
  if (built) {
    return {
      ok: true,
      value: { framework: built.framework, cases: new Map([[caseId, built.study]]) },
      built: true,
      compiled: built.compiled,
    };
  }
  // Imported only here: a fresh process served by the build's data never loads the YAML parser.
  const { loadYamlCase } = await import('./score-yaml.ts');
  return loadYamlCase(frameworkFile, file, caseId);
}

function exists(file: string): boolean {
  try {
    readFileSync(file);
    return true;
  } catch {
    return false;
  }
}

/** `turns[3].role`, from a zod issue path. */
function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const line = before.split('\n').length;
  return { line, column: before.length - before.lastIndexOf('\n') };
}

/** Where JSON.parse stopped: from its message when it says, else found by a small scan of the text. */
function jsonErrorOffset(text: string, message: string): number {
  const position = /at position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  const lineCol = /\(line (\d+) column (\d+)\)/.exec(message);
  if (lineCol) {
    const lines = text.split('\n').slice(0, Number(lineCol[1]) - 1);
    return lines.reduce((sum, line) => sum + line.length + 1, 0) + Number(lineCol[2]) - 1;
  }
  return scanJson(text);
}

/** Offset of the first character that cannot continue a JSON document (text.length when it ends too early). */
function scanJson(text: string): number {
  let i = 0;
  const ws = () => {
    while (/\s/.test(text[i] ?? '')) i++;
  };
  const value = (): boolean => {
    ws();
    const char = text[i];
    if (char === '{' || char === '[') {
      const close = char === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return true;
      }
      for (;;) {
        if (char === '{') {
          ws();
          if (text[i] !== '"' || !string()) return false;
          ws();
          if (text[i] !== ':') return false;
          i++;
        }
        if (!value()) return false;
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === close) {
          i++;
          return true;
        } else return false;
      }
    }
    if (char === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i));
    if (!literal) return false;
    i += literal[0].length;
    return true;
  };
  const string = (): boolean => {
    // From the opening quote to the closing one; raw control characters and bad escapes stop it.
    for (i++; i < text.length; i++) {
      const char = text[i] ?? '';
      if (char === '"') {
        i++;
        return true;
      }
      if (char.charCodeAt(0) < 0x20) return false;
      if (char === '\\' && !/^(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/.test(text.slice(i + 1, i + 6))) return false;
      if (char === '\\') i += text[i + 1] === 'u' ? 5 : 1;
    }
    return false;
  };
  if (value()) ws();
  return i;
}

function summary(report: Report): string {
  const out: string[] = [];
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  out.push(`${report.caseTitle} (${report.caseId}), offline scorer`);
  // The overall is on a human grader's scale; the steps below are shares of their rubric.
  const weighted =
    report.stepsWeighted === undefined
      ? ''
      : ` (steps weighted ${Math.round(report.stepsWeighted)}, on a human grader's scale)`;
  out.push(`Overall ${Math.round(report.overall)}/100: ${report.hireSignal}${weighted}`);
  if (report.unpromptedShare !== null)
    out.push(`Raised unprompted: ${percent(report.unpromptedShare)} of credited points`);
  out.push('');
  out.push(`${'step'.padEnd(14)}${'score'.padStart(6)}${'points'.padStart(8)}  time used / budget`);
  for (const step of report.steps) {
    const total = step.covered.length + step.missed.length;
    const time = !step.reached
      ? 'not reached'
      : step.usedMs === null
        ? 'no times'
        : `${clock(step.usedMs)} / ${clock(step.budgetMs)}`;
    out.push(
      `${step.id.padEnd(14)}${String(Math.round(step.score)).padStart(6)}${`${step.covered.length}/${total}`.padStart(8)}  ${time}`,
    );
  }
  for (const step of report.steps) {
    const content =
      step.contentScore !== undefined && Math.round(step.contentScore) !== Math.round(step.score)
        ? ` (content ${Math.round(step.contentScore)}, less red flags)`
        : '';
    out.push('', `${step.title} (${step.id}): ${Math.round(step.score)}/100${content}`);
    for (const point of step.covered) {
      const mark = point.level === 'explained' ? '+' : '~';
      const probed = point.unprompted ? '' : ', after a probe';
      const hinted = point.afterHint
        ? `, after a level-${point.afterHint.level} hint (x${point.afterHint.factor})`
        : '';
      out.push(`  ${mark} ${point.title} (${point.level}, weight ${point.weight}${probed}${hinted})`);
      out.push(`      "${clip(point.evidence.quote)}"`);
    }
    for (const point of step.missed) {
      out.push(`  - ${point.title} (missed, weight ${point.weight})`);
      if (point.nearMiss) out.push(`      closest: "${clip(point.nearMiss.quote)}" (${point.nearMiss.why})`);
    }
    for (const ball of step.curveballs ?? []) {
      out.push(`  * curveball: ${percent(ball.share)} of a good reaction covered`);
      if (ball.evidence) out.push(`      "${clip(ball.evidence.quote)}"`);
    }
    for (const flag of step.redFlags) {
      const cost = flag.deduction ? ` (${flag.severity ?? 'major'}, -${flag.deduction})` : '';
      out.push(`  ! ${flag.title}${cost}: "${clip(flag.evidence.quote)}"`);
    }
  }
  if (report.flags.length > 0) {
    out.push('', 'Flags:');
    for (const flag of report.flags) {
      out.push(
        `  ! ${flag.kind}: ${flag.message}${flag.evidence ? ` ("${clip(flag.evidence.quote)}")` : ''}`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}

function clock(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Shortens a quote for the terminal; the JSON report always carries it whole. */
function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 160 ? `${flat.slice(0, 157)}...` : flat;
}
