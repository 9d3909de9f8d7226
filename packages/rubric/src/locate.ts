import { readFileSync } from 'node:fs';
import { isNode, LineCounter, parseDocument } from 'yaml';

/** One problem in one rubric file, located to a line. */
export interface RubricIssue {
  file: string;
  line: number;
  column: number;
  /** Dotted path of the field, e.g. "steps.data.points.2.probe". */
  field: string;
  message: string;
  /** A warning is worth a look but does not stop the rubrics from loading; absent means an error. */
  severity?: 'error' | 'warning';
}

/** Formats an issue the way editors link it: `file:line:column field: message` (warnings say so). */
export function formatIssue(issue: RubricIssue): string {
  const field = issue.field ? ` ${issue.field}:` : '';
  const level = issue.severity === 'warning' ? ' warning:' : '';
  return `${issue.file}:${issue.line}:${issue.column}${level}${field} ${issue.message}`;
}

/** Finds the deepest node on `path` that exists, so a missing field points at its parent. */
export function locate(
  doc: ReturnType<typeof parseDocument>,
  lineCounter: LineCounter,
  path: string[],
): { line: number; column: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    const keys = path.slice(0, depth).map((key) => (/^\d+$/.test(key) ? Number(key) : key));
    const node = depth === 0 ? doc.contents : doc.getIn(keys, true);
    if (isNode(node) && node.range) {
      const pos = lineCounter.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return { line: 1, column: 1 };
}

/** Locates several paths of one file with a single parse (`issueAt` parses the file per call). */
export function locator(file: string): (path: (string | number)[]) => { line: number; column: number } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter });
  return (path) => locate(doc, lineCounter, path.map(String));
}

/** An issue located at a path inside a file that has already parsed. */
export function issueAt(
  file: string,
  displayName: string,
  path: (string | number)[],
  message: string,
): RubricIssue {
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter });
  const { line, column } = locate(doc, lineCounter, path.map(String));
  return { file: displayName, line, column, field: path.join('.'), message };
}
