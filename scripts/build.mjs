// @ts-check
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleServer, READ_WORKER_FILE } from '../apps/server/scripts/bundle.mjs';
import { bundleCli, CLI_DIST } from '../packages/cli/scripts/bundle.mjs';
import { isFresh, sourceHash, stamp } from './stale.mjs';

/**
 * Builds what the app needs, skipping each part whose inputs have not changed since it was last
 * built: the scorer's generated data (word vectors, rubric data), the web app, the prebuilt CLI,
 * and (for `pnpm start`) the server bundle. `node scripts/build.mjs` builds the first three, as
 * `pnpm build` and `pnpm test` need; `--server` adds the server bundle. `pnpm start` builds all
 * but the CLI.
 */

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const LOCK = 'pnpm-lock.yaml';
const sourceFile = (/** @type {string} */ path) =>
  /\.(ts|tsx|mts|mjs|js|json|css|html|yaml)$/.test(path) && !/\.test\.tsx?$/.test(path);

/** @param {string} what @param {string} command @param {string[]} args @param {string} cwd */
function run(what, command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0)
    throw new Error(`${what} failed (exit ${result.status ?? result.signal}); see the output above`);
}

/**
 * One part: rebuilt when its inputs' hash differs from the stamp its last build left.
 * @param {{ name: string, inputs: string[], outputs: string[], stampFile: string, build: () => Promise<void> | void }} part
 */
async function part({ name, inputs, outputs, stampFile, build }) {
  const hash = sourceHash(ROOT, inputs, sourceFile);
  if (isFresh(stampFile, hash, outputs)) return `${name}: up to date`;
  const started = Date.now();
  await build();
  mkdirSync(dirname(stampFile), { recursive: true });
  stamp(stampFile, hash);
  return `${name}: built in ${((Date.now() - started) / 1000).toFixed(1)} s`;
}

const tsx = (/** @type {string} */ script, /** @type {string} */ cwd) =>
  run(script, process.execPath, ['--import', 'tsx', script], cwd);

/** The scorer's generated data: the word-vector table and the rubric data (`packages/scoring/generated`). */
export const SCORER_DATA = join(ROOT, 'packages/scoring/generated');

/** Builds the scorer's generated data when its inputs changed; says what it did. */
export function buildScorerData() {
  const scoring = join(ROOT, 'packages/scoring');
  return part({
    name: 'scorer data',
    inputs: ['rubrics', 'packages/scoring/scripts', 'packages/scoring/src', 'packages/rubric/src', LOCK],
    outputs: [join(scoring, 'generated/word-vectors.bin'), join(scoring, 'generated/rubric-data')],
    stampFile: join(scoring, 'generated/.source-hash'),
    build() {
      tsx('scripts/build-vectors.ts', scoring);
      tsx('scripts/build-rubric-data.ts', scoring);
    },
  });
}

/** @param {{ server?: boolean, cli?: boolean }} [options] `cli: false` skips the CLI bundle (`pnpm start` does not run it). */
export async function build(options = {}) {
  const lines = [await buildScorerData()];
  const web = join(ROOT, 'apps/web');
  lines.push(
    await part({
      name: 'web app',
      inputs: [
        'apps/web/src',
        'apps/web/index.html',
        'apps/web/vite.config.ts',
        'apps/web/tools',
        'apps/web/package.json',
        'packages/protocol/src',
        // Its `imports` map gives the web build zod/mini.
        'packages/protocol/package.json',
        LOCK,
      ],
      outputs: [join(web, 'dist/index.html')],
      stampFile: join(web, 'dist/.source-hash'),
      build: () =>
        run(
          'the web build',
          process.execPath,
          [join(web, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
          web,
        ),
    }),
  );
  // The prebuilt `mlsd` command (packages/cli/bin/mlsd.mjs runs it while it matches the sources).
  if (options.cli !== false)
    lines.push(
      await part({
        name: 'cli bundle',
        inputs: ['packages', 'tsconfig.base.json', LOCK],
        outputs: [join(CLI_DIST, 'main.js')],
        stampFile: join(CLI_DIST, '.source-hash'),
        build: () => bundleCli(),
      }),
    );
  if (options.server) {
    const server = join(ROOT, 'apps/server');
    lines.push(
      await part({
        name: 'server bundle',
        inputs: ['apps/server/src', 'apps/server/scripts', 'packages', LOCK],
        // The reading worker is compiled with the server, under the same build id (bundle.mjs).
        outputs: [join(server, 'dist/server.mjs'), join(server, 'dist', READ_WORKER_FILE)],
        stampFile: join(server, 'dist/.source-hash'),
        build: () => bundleServer(join(server, 'dist/server.mjs')),
      }),
    );
  }
  return lines;
}

export const SERVER_BUNDLE = join(ROOT, 'apps/server/dist/server.mjs');

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const lines = await build({ server: process.argv.includes('--server') });
  process.stdout.write(`${lines.join('\n')}\n`);
}
