import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureRubric } from '@mlsd/scoring/fixture';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleIsCurrent, encodeManifest, MANIFEST, recordInput } from '../bin/bundle-inputs.mjs';
import { bundleCli } from '../scripts/bundle.mjs';
import { runCommand } from '../src/commands.ts';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-prebuilt-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('bundleIsCurrent', () => {
  function manifestOf(files: string[]): string {
    const file = join(dir, 'manifest.json');
    writeFileSync(
      file,
      encodeManifest(Object.fromEntries(files.map((name) => [name, recordInput(join(dir, name))]))),
    );
    return file;
  }

  it('accepts untouched inputs and a rewrite of the same bytes, and rejects an edit or a deletion', () => {
    writeFileSync(join(dir, 'a.ts'), 'export const a = 1;\n');
    writeFileSync(join(dir, 'b.ts'), 'export const b = 2;\n');
    const manifest = manifestOf(['a.ts', 'b.ts']);
    expect(bundleIsCurrent(dir, manifest)).toBe(true);

    // A checkout that rewrites identical bytes moves the time, not the content.
    writeFileSync(join(dir, 'a.ts'), 'export const a = 1;\n');
    utimesSync(join(dir, 'a.ts'), new Date(), new Date(Date.now() + 5_000));
    expect(bundleIsCurrent(dir, manifest)).toBe(true);

    // Same size, other bytes: only the hash can tell.
    writeFileSync(join(dir, 'a.ts'), 'export const a = 7;\n');
    utimesSync(join(dir, 'a.ts'), new Date(), new Date(Date.now() + 10_000));
    expect(bundleIsCurrent(dir, manifest)).toBe(false);

    writeFileSync(join(dir, 'a.ts'), 'export const a = 1;\n');
    rmSync(join(dir, 'b.ts'));
    expect(bundleIsCurrent(dir, manifest)).toBe(false);
  });

  it('checks only what the command about to run loads, and the dependency files for every command', () => {
    for (const name of ['score.ts', 'prune.ts', 'lock.yaml']) writeFileSync(join(dir, name), `// ${name}\n`);
    const file = join(dir, 'commands.json');
    const record = (name: string) => recordInput(join(dir, name));
    writeFileSync(
      file,
      encodeManifest(
        { 'score.ts': record('score.ts'), 'prune.ts': record('prune.ts'), 'lock.yaml': record('lock.yaml') },
        { score: ['score.ts'], prune: ['prune.ts'] },
        ['lock.yaml'],
      ),
    );
    writeFileSync(join(dir, 'prune.ts'), '// prune.ts, edited\n');
    expect(bundleIsCurrent(dir, file, 'score')).toBe(true);
    expect(bundleIsCurrent(dir, file, 'prune')).toBe(false);
    // A command the manifest does not know, or none: every input counts.
    expect(bundleIsCurrent(dir, file, 'help')).toBe(false);
    expect(bundleIsCurrent(dir, file)).toBe(false);
    writeFileSync(join(dir, 'lock.yaml'), '// lock.yaml, edited\n');
    expect(bundleIsCurrent(dir, file, 'score')).toBe(false);
  });

  it('answers false for a missing, empty or foreign manifest rather than throwing', () => {
    expect(bundleIsCurrent(dir, join(dir, 'nope.json'))).toBe(false);
    writeFileSync(join(dir, 'empty.json'), encodeManifest({}));
    expect(bundleIsCurrent(dir, join(dir, 'empty.json'))).toBe(false);
    writeFileSync(join(dir, 'other.json'), '{"format":99,"files":{"a.ts":{}}}');
    expect(bundleIsCurrent(dir, join(dir, 'other.json'))).toBe(false);
  });
});

describe('the prebuilt CLI', () => {
  it('scores a transcript exactly as the sources do, and records what it was built from', async () => {
    const out = join(dir, 'dist');
    await bundleCli(out);
    const manifest = JSON.parse(readFileSync(join(out, MANIFEST), 'utf8')) as {
      files: Record<string, unknown>;
      commands: Record<string, string[] | undefined>;
      always: string[];
    };
    expect(Object.keys(manifest.files)).toEqual(
      expect.arrayContaining([
        'pnpm-lock.yaml',
        'packages/cli/src/score.ts',
        'packages/scoring/src/matcher.ts',
      ]),
    );
    expect(Object.keys(manifest.files).some((file) => file.includes('node_modules'))).toBe(false);
    // `score` is checked against what it loads: the scorer, not the database package.
    expect(manifest.commands.score).toEqual(expect.arrayContaining(['packages/scoring/src/matcher.ts']));
    expect(manifest.commands.score?.some((file) => file.startsWith('packages/db/'))).toBe(false);
    expect(manifest.commands.prune?.some((file) => file.startsWith('packages/db/'))).toBe(true);
    expect(manifest.always).toContain('pnpm-lock.yaml');
    // `score` loads neither zod nor the YAML parser when the build's data serves (packages/scoring/
    // README.md, "Speed"): importing them through a package index would pull them back in.
    const scoreModules = staticallyLoaded(out, scoreChunk(out)).join('\n');
    expect(scoreModules).toContain('wink-nlp');
    expect(scoreModules).not.toMatch(/node_modules\/\.pnpm\/(zod|yaml)@/);

    const rubrics = join(dir, 'rubrics');
    mkdirSync(join(rubrics, 'cases'), { recursive: true });
    const { study, framework } = fixtureRubric();
    writeFileSync(join(rubrics, 'framework.yaml'), JSON.stringify(framework));
    writeFileSync(join(rubrics, 'cases', `${study.id}.yaml`), JSON.stringify(study));
    const transcript = join(dir, 'session.json');
    writeFileSync(
      transcript,
      JSON.stringify({
        caseId: study.id,
        turns: [
          { role: 'interviewer', step: 'model', text: 'Tell me about the model.', t: 0 },
          {
            role: 'candidate',
            step: 'model',
            text: 'I would calibrate with Platt scaling, because the folder threshold of 0.9 must mean 90% spam.',
            t: 30,
          },
        ],
      }),
    );
    const args = ['score', transcript, '--json', '--rubrics', rubrics];
    const child = spawnSync(process.execPath, [join(out, 'main.js'), ...args], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);

    let stdout = '';
    const code = await runCommand(args, {
      cwd: dir,
      stdout: { write: (text) => (stdout += text) },
      stderr: process.stderr,
    });
    expect(code).toBe(0);
    const withoutTime = (text: string) => ({ ...JSON.parse(text), createdAt: undefined });
    expect(withoutTime(child.stdout)).toEqual(withoutTime(stdout));
    expect(JSON.parse(child.stdout).overall).toBeGreaterThan(0);

    // `mlsd score` as bin/mlsd.mjs runs it: the CommonJS script, with the code cache the build
    // recorded, which V8 takes (same Node), and the same report.
    const runner = new URL('../bin/score-script.mjs', import.meta.url).href;
    const program = `import { runScoreScript } from ${JSON.stringify(runner)};
const io = { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, env: {} };
const { code, cache } = await runScoreScript(${JSON.stringify(out)}, ${JSON.stringify(args.slice(1))}, io);
process.stderr.write(cache);
process.exitCode = code;`;
    const script = spawnSync(process.execPath, ['--input-type=module', '-e', program], { encoding: 'utf8' });
    expect(script.stderr).toBe('used');
    expect(script.status).toBe(0);
    expect(withoutTime(script.stdout)).toEqual(withoutTime(stdout));
  });
});

/** The chunk main.js imports for `mlsd score`. */
function scoreChunk(out: string): string {
  const chunk = /import\("\.\/(chunks\/score-[^"]+\.js)"\)/.exec(
    readFileSync(join(out, 'main.js'), 'utf8'),
  )?.[1];
  if (!chunk) throw new Error('main.js imports no score chunk');
  return join(out, chunk);
}

/** The source paths esbuild noted in `file` and in every chunk it imports statically, transitively. */
function staticallyLoaded(out: string, file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  const sources = text.match(/^\/\/ \S+/gm) ?? [];
  // `from "./x.js"` and `import "./x.js"`; a dynamic `import("./x.js")` is loaded only when run.
  const imports = [...text.matchAll(/(?:from |^import )"(\.\/[^"]+)"/gm)].map((match) => match[1] ?? '');
  const dir = file.slice(0, file.lastIndexOf('/'));
  return [...sources, ...imports.flatMap((path) => staticallyLoaded(out, join(dir, path), seen))];
}
