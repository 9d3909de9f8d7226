import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { withFrameworkFlags } from './framework-flags.ts';
import { lintRubrics } from './lint.ts';
import { issueAt, locate, type RubricIssue } from './locate.ts';
import type { Rubrics } from './rubric-types.ts';
import { CaseStudy, Framework } from './schema.ts';

// Re-exported: the package index exposes these from here, as before `Rubrics` moved to a leaf file.
export type { RubricIssue, Rubrics };
export type LoadResult<T> = { ok: true; value: T } | { ok: false; issues: RubricIssue[] };

/** Parses and validates one YAML file against a schema, mapping every problem to its line. */
export function loadYamlFile<S extends z.ZodType>(
  file: string,
  schema: S,
  displayName = file,
): LoadResult<z.output<S>> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return fail(displayName, 1, 1, '', `cannot read the file: ${(error as Error).message}`);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((error) => {
        const pos = lineCounter.linePos(error.pos[0]);
        return {
          file: displayName,
          line: pos.line,
          column: pos.col,
          field: '',
          message: `YAML syntax: ${error.message.split('\n')[0]}`,
        };
      }),
    };
  }
  const parsed = schema.safeParse(doc.toJS());
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => {
      const path = issue.path.map(String);
      const { line, column } = locate(doc, lineCounter, path);
      return { file: displayName, line, column, field: path.join('.'), message: issue.message };
    }),
  };
}

function fail(
  file: string,
  line: number,
  column: number,
  field: string,
  message: string,
): { ok: false; issues: RubricIssue[] } {
  return { ok: false, issues: [{ file, line, column, field, message }] };
}

/** A path as the issues show it: relative to the working directory when it is below it. */
export function displayPath(file: string): string {
  return relative(process.cwd(), file) || file;
}

/**
 * The `*.yaml` files of a rubric folder (cases, drills, architectures), sorted by name, as full
 * paths; a folder that cannot be read or holds none is one issue naming `what` ("case files").
 */
export function listYamlFiles(dir: string, what: string): LoadResult<string[]> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'));
  } catch (error) {
    return fail(displayPath(dir), 1, 1, '', `cannot list ${what}: ${(error as Error).message}`);
  }
  if (names.length === 0) return fail(displayPath(dir), 1, 1, '', `no ${what} found`);
  return { ok: true, value: names.sort().map((name) => join(dir, name)) };
}

/**
 * Loads `framework.yaml` and every `cases/*.yaml` under `dir`. All or nothing: any problem in any
 * file returns the full list of problems and no rubrics, so nothing is ever half-loaded.
 */
export function loadRubrics(dir: string): LoadResult<Rubrics> {
  const issues: RubricIssue[] = [];
  const display = displayPath;

  const frameworkFile = join(dir, 'framework.yaml');
  const framework = loadYamlFile(frameworkFile, Framework, display(frameworkFile));
  if (!framework.ok) issues.push(...framework.issues);

  const listed = listYamlFiles(join(dir, 'cases'), 'case files');
  if (!listed.ok) issues.push(...listed.issues);
  const caseFiles = listed.ok ? listed.value : [];

  const cases = new Map<string, CaseStudy>();
  const files = new Map<string, string>();
  const paths = new Map<string, string>();
  for (const file of caseFiles) {
    const loaded = loadYamlFile(file, CaseStudy, display(file));
    if (!loaded.ok) {
      issues.push(...loaded.issues);
      continue;
    }
    const study = loaded.value;
    const expectedName = basename(file).replace(/\.ya?ml$/, '');
    if (study.id !== expectedName) {
      issues.push(
        issueAt(
          file,
          display(file),
          ['id'],
          `case id "${study.id}" must match the file name "${expectedName}"`,
        ),
      );
    }
    if (cases.has(study.id)) {
      issues.push(
        issueAt(
          file,
          display(file),
          ['id'],
          `duplicate case id "${study.id}" (also in ${files.get(study.id)})`,
        ),
      );
    }
    cases.set(study.id, framework.ok ? withFrameworkFlags(study, framework.value) : study);
    files.set(study.id, display(file));
    paths.set(study.id, file);
  }

  if (issues.length > 0 || !framework.ok) return { ok: false, issues };
  const rubrics = {
    framework: framework.value,
    frameworkPath: frameworkFile,
    frameworkFile: display(frameworkFile),
    cases,
    files,
    paths,
  };
  const lintIssues = lintRubrics(rubrics);
  const errors = lintIssues.filter((issue) => issue.severity !== 'warning');
  if (errors.length > 0) return { ok: false, issues: errors };
  return {
    ok: true,
    value: { ...rubrics, warnings: lintIssues.filter((issue) => issue.severity === 'warning') },
  };
}
