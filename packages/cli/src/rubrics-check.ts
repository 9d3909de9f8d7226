import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatIssue, lintArithmetic, loadRubrics, type Rubrics, STEP_IDS } from '@mlsd/rubric';
import { curveballIdeas } from '@mlsd/scoring';
import type { CliIo } from './command-types.ts';

/** The repository's rubrics folder, found from this file so the command works from any directory. */
export const DEFAULT_RUBRICS_DIR = fileURLToPath(new URL('../../../rubrics', import.meta.url));

/** `mlsd rubrics check [DIR]`: validates every rubric file and prints a cases × steps table. */
export function rubricsCheck(argv: string[], io: CliIo): number {
  const dirArg = argv.find((arg) => !arg.startsWith('-'));
  const dir =
    dirArg === undefined ? DEFAULT_RUBRICS_DIR : isAbsolute(dirArg) ? dirArg : resolve(io.cwd, dirArg);
  const loaded = loadRubrics(dir);
  if (!loaded.ok) {
    for (const issue of loaded.issues) io.stderr.write(`${formatIssue(issue)}\n`);
    const files = new Set(loaded.issues.map((issue) => issue.file)).size;
    io.stderr.write(`\n${loaded.issues.length} problem(s) in ${files} file(s); nothing was loaded.\n`);
    return 1;
  }
  const misaligned = misalignedPlainIdeas(loaded.value);
  if (misaligned.length > 0) {
    for (const line of misaligned) io.stderr.write(`${line}\n`);
    io.stderr.write(
      `\n${misaligned.length} curveball(s) with plain phrasings that do not match their ideas.\n`,
    );
    return 1;
  }
  io.stdout.write(checkTable(loaded.value));
  // Numbers that relate and disagree: only here, not on every load (it reads every sentence's numbers).
  const warnings = [...loaded.value.warnings, ...arithmeticWarnings(loaded.value)];
  if (warnings.length > 0) {
    io.stdout.write(`\n${warnings.map((issue) => `${formatIssue(issue)}\n`).join('')}`);
  }
  const warned = warnings.length > 0 ? ` (${warnings.length} warning(s); they do not fail the check)` : '';
  io.stdout.write(`\n${loaded.value.cases.size} cases ok${warned}.\n`);
  return 0;
}

/**
 * A curveball's `plain` lists pair with the ideas the scorer reads from `expects`, in order; after
 * `expects` is rewritten the counts can differ, and the scorer then ignores the phrasings.
 */
function misalignedPlainIdeas(rubrics: Rubrics): string[] {
  return [...rubrics.cases.values()].flatMap((study) =>
    study.curveballs.flatMap((ball) => {
      const ideas = curveballIdeas(ball.expects).map((idea) => `"${idea.label}"`);
      if (ball.plain.length === 0 || ball.plain.length === ideas.length) return [];
      const file = rubrics.paths.get(study.id) ?? study.id;
      return [
        `${file}: curveball "${ball.id}" has ${ball.plain.length} lists of plain phrasings for ${ideas.length} ideas of its expected reaction (${ideas.join(', ')}); give one list per idea, in that order`,
      ];
    }),
  );
}

function arithmeticWarnings(rubrics: Rubrics) {
  return [...rubrics.cases].flatMap(([id, study]) => {
    const path = rubrics.paths.get(id);
    return path ? lintArithmetic(study, path, rubrics.files.get(id) ?? path) : [];
  });
}

/** One row per case: talking points per step, facts, curveballs. */
export function checkTable(rubrics: Rubrics): string {
  const header = ['case', ...STEP_IDS.map((id) => id.slice(0, 5)), 'points', 'facts', 'curve'];
  const rows = [...rubrics.cases.values()].map((study) => {
    const perStep = STEP_IDS.map((id) => study.steps[id].points.length);
    const total = perStep.reduce((sum, count) => sum + count, 0);
    return [
      study.id,
      ...perStep.map(String),
      String(total),
      String(study.facts.length),
      String(study.curveballs.length),
    ];
  });
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ');
  return `${[line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n')}\n`;
}
