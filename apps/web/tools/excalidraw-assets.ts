import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize } from 'node:path';
import type { Plugin } from 'vite';

/** Where the app serves Excalidraw's fonts from (see src/pages/room/excalidraw-assets.ts). */
const PUBLIC_PATH = '/excalidraw-assets/';
/**
 * Xiaolai is the CJK handwriting font: 13 MB on its own. Left out; CJK text on the whiteboard
 * falls back to the browser's fonts when offline.
 */
const SKIPPED_FONTS = new Set(['Xiaolai']);

function fontsDir(): string {
  const require = createRequire(import.meta.url);
  const entry = require.resolve('@excalidraw/excalidraw');
  // entry: .../dist/prod/index.js (or dist/dev); the fonts are in dist/prod/fonts either way.
  return join(dirname(entry), '..', 'prod', 'fonts');
}

/**
 * Serves Excalidraw's fonts in `vite dev` and copies them into the build, so the whiteboard never
 * reaches a CDN for them.
 */
export function excalidrawAssets(): Plugin {
  let outDir = 'dist';
  return {
    name: 'mlsd-excalidraw-assets',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    configureServer(server) {
      const fonts = fontsDir();
      server.middlewares.use(PUBLIC_PATH, (req, res, next) => {
        const file = normalize(join(fonts, '..', decodeURIComponent((req.url ?? '').split('?')[0] ?? '')));
        if (!file.startsWith(join(fonts, '..')) || !existsSync(file) || !statSync(file).isFile())
          return next();
        res.setHeader('content-type', file.endsWith('.woff2') ? 'font/woff2' : 'application/octet-stream');
        createReadStream(file).pipe(res);
      });
    },
    writeBundle() {
      cpSync(fontsDir(), join(outDir, PUBLIC_PATH, 'fonts'), {
        recursive: true,
        filter: (source) => !SKIPPED_FONTS.has(source.split(/[\\/]/).pop() ?? ''),
      });
    },
  };
}
