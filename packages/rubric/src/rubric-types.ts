import type { RubricIssue } from './locate.ts';
import type { CaseStudy, Framework } from './schema.ts';

/**
 * The loaded rubric set. In its own file so that the linter (which reads it) and the loader
 * (which runs the linter) both depend on it instead of on each other.
 */
export interface Rubrics {
  framework: Framework;
  /** framework.yaml on disk, and as shown in messages. */
  frameworkPath: string;
  frameworkFile: string;
  cases: Map<string, CaseStudy>;
  /** The file each case came from, as shown in messages (relative to the working directory). */
  files: Map<string, string>;
  /** The absolute path of each case file. */
  paths: Map<string, string>;
  /** Lint findings worth a look that did not stop loading (`severity: 'warning'`). */
  warnings: RubricIssue[];
}
