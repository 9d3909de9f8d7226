// @ts-check
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Compiles the server (src/server.ts and everything it imports) into one ES module that plain
 * `node` runs: start-up then skips tsx and resolving hundreds of modules. Used by `pnpm start`
 * (scripts/build.mjs) and by the kill-and-restart tests.
 */

const SERVER_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const REPO_ROOT = join(SERVER_DIR, '../..');
export const SERVER_ENTRY = join(SERVER_DIR, 'src/server.ts');

/** @param {string} outfile */
export async function bundleServer(outfile) {
  // tsx compiles with esbuild; use that same copy rather than adding another.
  const fromTsx = createRequire(createRequire(join(SERVER_DIR, 'package.json')).resolve('tsx/package.json'));
  const esbuild = fromTsx('esbuild');
  const sqlite = createRequire(join(REPO_ROOT, 'packages/db/package.json')).resolve('better-sqlite3');
  await esbuild.build({
    entryPoints: [SERVER_ENTRY],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    // CommonJS dependencies call require(); give the ES module bundle one.
    banner: {
      js: "import { createRequire as __mlsdRequire } from 'node:module'; const require = __mlsdRequire(import.meta.url);",
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
