import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultPromptsDir, loadPrompts, PROMPT_FILES, parseTemplate } from './prompts.ts';

describe('prompt files', () => {
  const dirs: string[] = [];
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlsd-prompts-'));
    dirs.push(dir);
    for (const name of readdirSync(defaultPromptsDir())) {
      writeFileSync(join(dir, name), readFileSync(join(defaultPromptsDir(), name)));
    }
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('load from prompts/ with every placeholder in place and versions recorded', () => {
    const loaded = loadPrompts();
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(loaded.value.interviewer.version).toBe('2');
    expect(loaded.value.judge.system.placeholders).toEqual(PROMPT_FILES.judge);
    expect(loaded.value.interviewer.text).not.toContain('<!--');
  });

  it('refuse a file that lost a placeholder, naming the file and the placeholder', () => {
    const dir = copy();
    const file = join(dir, 'interviewer.md');
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('{{facts}}', 'the facts'));
    const loaded = loadPrompts(dir);
    if (loaded.ok) throw new Error('expected an error');
    expect(loaded.error.issues).toEqual(['interviewer.md: missing placeholder {{facts}}']);
  });

  it('refuse unknown placeholders, stray braces and missing files together', () => {
    const dir = copy();
    writeFileSync(join(dir, 'judge-retry.md'), 'Again: {{problem}} {{score}} and {{ oops');
    rmSync(join(dir, 'summary.md'));
    const loaded = loadPrompts(dir);
    if (loaded.ok) throw new Error('expected an error');
    expect(loaded.error.issues).toHaveLength(3);
    expect(loaded.error.message).toContain(
      'judge-retry.md: unknown placeholder {{score}}; this file may use {{problem}}',
    );
    expect(loaded.error.message).toContain('judge-retry.md: a "{{" that is not part of a {{placeholder}}');
    expect(loaded.error.message).toContain('summary.md: cannot read it');
  });

  it('render in one pass: a value that looks like a placeholder stays as written', () => {
    const parsed = parseTemplate('t', 'Say {{a}} then {{b}}.', ['a', 'b']);
    if (!parsed.ok) throw new Error(parsed.issues.join());
    expect(parsed.value.render({ a: '{{b}}', b: 'two' })).toBe('Say {{b}} then two.');
    expect(() => parsed.value.render({ a: 'x' })).toThrow(/no value for \{\{b\}\}/);
  });
});
