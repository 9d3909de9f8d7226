// @ts-check
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { encodeManifest, MANIFEST, recordInput } from '../bin/bundle-inputs.mjs';
import { SCORE_SCRIPT } from '../bin/score-script.mjs';

/**
 * Compiles the CLI (src/main.ts and everything it imports) into ES modules that plain `node` runs,
 * so `mlsd score` in a fresh process skips tsx and resolving hundreds of files. Each command is its
 * own chunk (`commands.ts` imports them lazily), so `score` never loads the database, the model
 * client or the YAML parser. Used by `pnpm build` (scripts/build.mjs); `bin/mlsd.mjs` runs the
 * result while `dist/inputs.json` says it matches the sources, and the sources through tsx otherwise.
 */

const CLI_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const REPO_ROOT = join(CLI_DIR, '../..');
const PACKAGES_DIR = join(REPO_ROOT, 'packages/');
export const CLI_ENTRY = join(CLI_DIR, 'src/main.ts');
export const CLI_DIST = join(CLI_DIR, 'dist');

/** Files that decide what the bundle holds without being bundled: dependency versions, package exports. */
function dependencyFiles() {
  const files = [join(REPO_ROOT, 'pnpm-lock.yaml'), join(REPO_ROOT, 'tsconfig.base.json')];
  for (const name of readdirSync(PACKAGES_DIR))
    if (existsSync(join(PACKAGES_DIR, name, 'package.json')))
      files.push(join(PACKAGES_DIR, name, 'package.json'));
  return files;
}

/** Builds `outdir` (default `dist/`) and its manifest of inputs. */
export async function bundleCli(outdir = CLI_DIST) {
  // tsx compiles with esbuild; use that same copy rather than adding another (as the server bundle does).
  const fromTsx = createRequire(createRequire(join(REPO_ROOT, 'package.json')).resolve('tsx/package.json'));
  const esbuild = fromTsx('esbuild');
  const sqlite = createRequire(join(REPO_ROOT, 'packages/db/package.json')).resolve('better-sqlite3');
  /** @type {Record<string, import('../bin/bundle-inputs.mjs').InputRecord>} */
  const inputs = {};
  // Recorded before bundling: if one changes meanwhile, the manifest holds the older bytes and the
  // first run falls back to the sources rather than trusting a bundle of a half-edited tree.
  const always = dependencyFiles().map((file) => relative(REPO_ROOT, file));
  for (const file of always) inputs[file] = recordInput(join(REPO_ROOT, file));
  rmSync(outdir, { recursive: true, force: true });
  const result = await esbuild.build({
    entryPoints: { main: CLI_ENTRY },
    absWorkingDir: REPO_ROOT,
    metafile: true,
    outdir,
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    // CommonJS dependencies call require(); give the ES modules one.
    banner: {
      js: "import { createRequire as __mlsdRequire } from 'node:module'; const require = __mlsdRequire(import.meta.url);",
    },
    plugins: [mlsdPlugin(inputs, sqlite)],
  });
  // `mlsd score` once more, as one CommonJS script with a code cache (bin/score-script.mjs).
  await esbuild.build({
    entryPoints: [COMMAND_SOURCES.score],
    absWorkingDir: REPO_ROOT,
    outfile: join(outdir, SCORE_SCRIPT),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
    plugins: [mlsdPlugin(inputs, sqlite)],
  });
  writeScoreCache(outdir);
  mkdirSync(outdir, { recursive: true });
  writeFileSync(join(outdir, MANIFEST), encodeManifest(inputs, commandInputs(result.metafile), always));
}

/**
 * Scores a calibration transcript with `dist/score.cjs` in a fresh process that records the
 * bytecode the run compiled (`dist/score.cache`): the functions a score calls, compiled.
 * @param {string} outdir
 */
function writeScoreCache(outdir) {
  const runner = pathToFileURL(join(CLI_DIR, 'bin/score-script.mjs')).href;
  const transcript = join(REPO_ROOT, 'calibration/ad-click-prediction/strong.json');
  // Without a transcript to score, no cache: the script runs as well without one, only slower.
  if (!existsSync(transcript)) return;
  const program = `import { runScoreScript } from ${JSON.stringify(runner)};
const io = { cwd: process.cwd(), stdout: { write: () => true }, stderr: process.stderr, env: {} };
const { code } = await runScoreScript(${JSON.stringify(outdir)}, [${JSON.stringify(transcript)}, '--json'], io, { writeCache: true });
process.exitCode = code;`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', program], { encoding: 'utf8' });
  if (child.status !== 0)
    throw new Error(`cli bundle: recording the score code cache failed: ${child.stderr}`);
}

/**
 * The esbuild plugin of both builds. Records every source of ours it reads in `inputs`.
 * @param {Record<string, import('../bin/bundle-inputs.mjs').InputRecord>} inputs @param {string} sqlite
 */
function mlsdPlugin(inputs, sqlite) {
  return {
    name: 'mlsd-cli',
    /** @param {any} build */
    setup(build) {
      // Every source of ours is read here, so the manifest records the very bytes bundled. Our
      // sources find files next to themselves (rubrics, generated data, migrations) through
      // import.meta.url; pin each file's own URL so the chunks can live anywhere.
      build.onLoad({ filter: /\.(ts|mts|js|mjs|json)$/ }, (/** @type {{ path: string }} */ args) => {
        if (args.path.includes('/node_modules/') || !args.path.startsWith(REPO_ROOT)) return undefined;
        const source = readFileSync(args.path, 'utf8');
        inputs[relative(REPO_ROOT, args.path)] = recordInput(args.path, source);
        const loader = args.path.endsWith('.json') ? 'json' : args.path.endsWith('ts') ? 'ts' : 'js';
        return {
          contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
          loader,
        };
      });
      // The native SQLite binding stays where pnpm installed it.
      build.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: sqlite, external: true }));
      // wink-nlp's language model (3.5 MB of JSON) is read by Node's JSON loader at run time:
      // JSON.parse reads it faster than V8 parses the same data bundled as a JavaScript literal.
      build.onResolve({ filter: /\.json$/ }, (/** @type {any} */ args) =>
        args.importer.includes('/wink-eng-lite-web-model/')
          ? { path: join(args.resolveDir, args.path), external: true }
          : undefined,
      );
      // Our packages' modules only define things (none is imported for its side effects), so a
      // module none of whose exports a command uses is left out: `score` loads the rubric
      // package's text functions without its drills, architectures and linters.
      build.onResolve({ filter: /.*/ }, async (/** @type {any} */ args) => {
        if (args.pluginData?.mlsdInner || args.importer.includes('/node_modules/')) return undefined;
        const resolved = await build.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: { mlsdInner: true },
        });
        if (resolved.errors.length > 0 || resolved.external) return undefined;
        if (!resolved.path.startsWith(PACKAGES_DIR) || resolved.path.includes('/node_modules/'))
          return undefined;
        return { path: resolved.path, sideEffects: false };
      });
    },
  };
}

/** Each command's chunk, by the word that selects it in `commands.ts`. */
const COMMAND_SOURCES = {
  rubrics: 'packages/cli/src/rubrics-check.ts',
  score: 'packages/cli/src/score.ts',
  eval: 'packages/cli/src/eval-interviewer.ts',
  play: 'packages/cli/src/play.ts',
  prune: 'packages/cli/src/prune.ts',
};

/**
 * The repository files each command runs: those of the entry chunk and what it imports statically,
 * and of the command's chunk and everything it imports. A run of `mlsd score` then checks only what
 * `score` loads, so an edit to the database package does not send it back to tsx.
 * @param {{ outputs: Record<string, { entryPoint?: string, inputs: Record<string, unknown>, imports: { path: string, kind: string }[] }> }} metafile
 */
function commandInputs(metafile) {
  const { outputs } = metafile;
  const chunkOf = (/** @type {string} */ source) =>
    Object.keys(outputs).find((key) => outputs[key]?.entryPoint === source);
  /** @param {string | undefined} key @param {Set<string>} files @param {boolean} followDynamic */
  const collect = (key, files, followDynamic, seen = new Set()) => {
    const output = key === undefined ? undefined : outputs[key];
    if (!output || seen.has(key)) return;
    seen.add(key);
    for (const input of Object.keys(output.inputs)) if (!input.includes('node_modules/')) files.add(input);
    for (const imported of output.imports)
      if (followDynamic || imported.kind !== 'dynamic-import')
        collect(imported.path, files, followDynamic, seen);
  };
  /** @type {Record<string, string[]>} */
  const commands = {};
  for (const [command, source] of Object.entries(COMMAND_SOURCES)) {
    const chunk = chunkOf(source);
    if (!chunk) continue;
    const files = new Set();
    collect(chunkOf(relative(REPO_ROOT, CLI_ENTRY)), files, false);
    collect(chunk, files, true);
    commands[command] = [...files].sort();
  }
  return commands;
}
