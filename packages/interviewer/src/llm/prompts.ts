import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JUDGE_PLACEHOLDERS, type JudgePrompts } from '@mlsd/scoring';

/** A prompt file: text with `{{placeholders}}`, its HTML comments removed. */
export interface PromptTemplate {
  name: string;
  /** From a `version: N` note in the file's leading comment; recorded with what it produced. */
  version: string | null;
  text: string;
  placeholders: readonly string[];
  /** Fills every placeholder in one pass (values are never scanned for placeholders themselves). */
  render(values: Readonly<Record<string, string>>): string;
}

/** Every prompt file and the placeholders it must use (no more, no fewer). */
export const PROMPT_FILES = {
  persona: [],
  interviewer: ['framework', 'case_title', 'case_prompt', 'facts', 'openings'],
  'interviewer-turn': ['step', 'time_left', 'manner', 'uncovered', 'move'],
  'interviewer-choice': ['step', 'time_left', 'manner', 'uncovered', 'options'],
  'interviewer-plan': ['step', 'message', 'points', 'red_flags', 'facts', 'moves'],
  summary: ['max_words'],
  judge: JUDGE_PLACEHOLDERS.system,
  'judge-step': JUDGE_PLACEHOLDERS.step,
  'judge-retry': JUDGE_PLACEHOLDERS.retry,
} as const satisfies Record<string, readonly string[]>;

export type PromptName = keyof typeof PROMPT_FILES;

export interface PromptSet {
  persona: PromptTemplate;
  interviewer: PromptTemplate;
  interviewerTurn: PromptTemplate;
  /** The end of a reply to an answer that also chooses its move (`LlmInterviewer.choose`). */
  interviewerChoice: PromptTemplate;
  interviewerPlan: PromptTemplate;
  summary: PromptTemplate;
  judge: JudgePrompts & { system: PromptTemplate; step: PromptTemplate; retry: PromptTemplate };
}

export type PromptsResult =
  | { ok: true; value: PromptSet }
  | { ok: false; error: { code: 'INVALID_PROMPTS'; message: string; issues: string[] } };

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g;
const COMMENT = /<!--[\s\S]*?-->\n?/g;

/** The repository's prompts/ directory. */
export function defaultPromptsDir(): string {
  return fileURLToPath(new URL('../../../../prompts/', import.meta.url));
}

/** Parses one template, checking it uses exactly the `expected` placeholders. */
export function parseTemplate(
  name: string,
  source: string,
  expected: readonly string[],
): { ok: true; value: PromptTemplate } | { ok: false; issues: string[] } {
  const version = /version:\s*([\w.-]+)/.exec(source.match(COMMENT)?.[0] ?? '')?.[1] ?? null;
  const text = source.replace(COMMENT, '').trim();
  const used = [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
  const issues: string[] = [];
  for (const want of expected) {
    if (!used.includes(want)) issues.push(`${name}.md: missing placeholder {{${want}}}`);
  }
  for (const found of new Set(used)) {
    if (!expected.includes(found)) {
      issues.push(`${name}.md: unknown placeholder {{${found}}}; this file may use ${listOf(expected)}`);
    }
  }
  const stray = text.replace(PLACEHOLDER, '').match(/\{\{|\}\}/);
  if (stray) issues.push(`${name}.md: a "${stray[0]}" that is not part of a {{placeholder}}`);
  if (text === '') issues.push(`${name}.md: the file is empty`);
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      name,
      version,
      text,
      placeholders: expected,
      render(values) {
        return text.replace(PLACEHOLDER, (_, key: string) => {
          const value = values[key];
          if (value === undefined) throw new Error(`prompt ${name}: no value for {{${key}}}`);
          return value;
        });
      },
    },
  };
}

/** Loads and checks every prompt file at start-up; all problems are reported together. */
export function loadPrompts(dir: string = defaultPromptsDir()): PromptsResult {
  const issues: string[] = [];
  const loaded = new Map<PromptName, PromptTemplate>();
  for (const [name, expected] of Object.entries(PROMPT_FILES) as [PromptName, readonly string[]][]) {
    let source: string;
    try {
      source = readFileSync(join(dir, `${name}.md`), 'utf8');
    } catch (error) {
      issues.push(
        `${name}.md: cannot read it in ${dir} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
      continue;
    }
    const parsed = parseTemplate(name, source, expected);
    if (parsed.ok) loaded.set(name, parsed.value);
    else issues.push(...parsed.issues);
  }
  if (issues.length > 0) {
    return {
      ok: false,
      error: { code: 'INVALID_PROMPTS', message: `invalid prompt files: ${issues.join('; ')}`, issues },
    };
  }
  const get = (name: PromptName) => loaded.get(name)!;
  return {
    ok: true,
    value: {
      persona: get('persona'),
      interviewer: get('interviewer'),
      interviewerTurn: get('interviewer-turn'),
      interviewerChoice: get('interviewer-choice'),
      interviewerPlan: get('interviewer-plan'),
      summary: get('summary'),
      judge: { system: get('judge'), step: get('judge-step'), retry: get('judge-retry') },
    },
  };
}

function listOf(names: readonly string[]): string {
  return names.length === 0 ? 'no placeholders' : names.map((name) => `{{${name}}}`).join(', ');
}
