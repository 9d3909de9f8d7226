// @ts-check
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Compiles the server (src/server.ts and everything it imports) into one ES module that plain
 * `node` runs: start-up then skips tsx and resolving hundreds of modules. Used by `pnpm start`
 * (scripts/build.mjs) and by the kill-and-restart tests. The reading worker
 * (src/reading-pool/read-worker.ts) is compiled next to it in the same build, for the same reason:
 * a worker thread started from sources registers tsx and compiles the reader itself (seconds).
 */

const SERVER_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const REPO_ROOT = join(SERVER_DIR, '../..');
export const SERVER_ENTRY = join(SERVER_DIR, 'src/server.ts');
export const READ_WORKER_ENTRY = join(SERVER_DIR, 'src/reading-pool/read-worker.ts');
/** The file name of the worker bundle, next to the server bundle. */
export const READ_WORKER_FILE = 'read-worker.mjs';
/**
 * The worker bundle's first line: this, then its build id. The worker entry
 * (src/reading-pool/worker-entry.mjs) loads a bundle only when the id is the one its server was
 * built with, so a server never runs a worker compiled from other sources.
 */
export const READ_WORKER_MARK = '// mlsd read worker, build ';

/** @param {string} outfile */
export async function bundleServer(outfile) {
  const worker = await bundleReadWorker(join(dirname(outfile), READ_WORKER_FILE));
  // The pool starts its workers from this bundle (reading-pool.ts reads MLSD_READ_WORKER_BUNDLE).
  await compile(SERVER_ENTRY, outfile, { MLSD_READ_WORKER_BUNDLE: JSON.stringify(worker) }, '');
}

/**
 * Compiles the reading worker alone into `outfile`, under a new build id.
 * @param {string} outfile
 * @returns {Promise<{ url: string, build: string }>} what a reading pool needs to start its workers from it
 */
export async function bundleReadWorker(outfile) {
  const build = randomUUID();
  await compile(
    READ_WORKER_ENTRY,
    outfile,
    { MLSD_READ_WORKER_BUILD: JSON.stringify(build) },
    `${READ_WORKER_MARK}${build}\n`,
  );
  return { url: pathToFileURL(outfile).href, build };
}

/**
 * @param {string} entry @param {string} outfile
 * @param {Record<string, string>} define @param {string} firstLine
 */
async function compile(entry, outfile, define, firstLine) {
  // tsx compiles with esbuild; use that same copy rather than adding another.
  const fromTsx = createRequire(createRequire(join(SERVER_DIR, 'package.json')).resolve('tsx/package.json'));
  const esbuild = fromTsx('esbuild');
  const sqlite = createRequire(join(REPO_ROOT, 'packages/db/package.json')).resolve('better-sqlite3');
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    define,
    // CommonJS dependencies call require(); give the ES module bundle one.
    banner: {
      js: `${firstLine}import { createRequire as __mlsdRequire } from 'node:module'; const require = __mlsdRequire(import.meta.url);`,
    },
    plugins: [
      {
        name: 'mlsd-keep-locations',
        /** @param {any} build */
        setup(build) {
          // Our sources find files next to themselves (rubrics, migrations, the web build) through
          // import.meta.url; pin each file's own URL so the bundle can live anywhere.
          build.onLoad({ filter: /\.(ts|mts|js|mjs)$/ }, (/** @type {{ path: string }} */ args) => {
            if (args.path.includes('/node_modules/')) return undefined;
            const source = readFileSync(args.path, 'utf8');
            if (!source.includes('import.meta.url')) return undefined;
            return {
              contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
              loader: args.path.endsWith('ts') ? 'ts' : 'js',
            };
          });
          // The native SQLite binding stays where pnpm installed it.
          build.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: sqlite, external: true }));
        },
      },
    ],
  });
}
