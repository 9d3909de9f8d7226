import { z } from 'zod';
import { AppError } from './errors.ts';

/** Says which field was wrong and what was expected, e.g. `durationMinutes: expected one of 30, 45, 60`. */
export function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const field = issue.path.length > 0 ? issue.path.join('.') : 'body';
      return `${field}: ${explain(issue)}`;
    })
    .join('; ');
}

/** Parses a request part or throws VALIDATION_FAILED naming the field and the fix. */
export function parseOrThrow<S extends z.core.$ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const parsed = z.safeParse(schema, value);
  if (parsed.success) return parsed.data;
  throw new AppError('VALIDATION_FAILED', `invalid ${what}: ${describeIssues(parsed.error)}`);
}

/** zod says "Invalid input" for a union of literals; name the allowed values instead. */
function explain(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'invalid_union') return issue.message;
  const allowed = issue.errors
    .flat()
    .flatMap((inner) => (inner.code === 'invalid_value' ? inner.values : []));
  if (allowed.length === 0) return issue.message;
  return `expected one of ${allowed.map((value) => JSON.stringify(value)).join(', ')}`;
}
