import { basename } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Logger, Plugin } from 'vite';

interface Chunk {
  fileName: string;
  code: string;
  imports: string[];
  dynamicImports: string[];
  isEntry: boolean;
  facadeModuleId: string | null;
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/**
 * Checks what a first visit downloads: the entry with everything it imports statically, and for
 * each page (a lazily imported module under src/pages) that plus the page's own chunks. Prints
 * the sizes, and fails the build if any chunk on those paths is over `limitBytes`. Chunks fetched
 * later (mermaid and its diagram types) are left to Vite's own size warning.
 */
export function initialLoad(limitBytes: number): Plugin {
  let logger: Logger | undefined;
  return {
    name: 'mlsd-initial-load',
    apply: 'build',
    configResolved(config) {
      logger = config.logger;
    },
    generateBundle(_options, bundle) {
      const chunks = new Map<string, Chunk>();
      for (const item of Object.values(bundle)) if (item.type === 'chunk') chunks.set(item.fileName, item);
      const closure = (start: string[]) => {
        const seen = new Set<string>();
        const stack = [...start];
        for (let file = stack.pop(); file !== undefined; file = stack.pop()) {
          if (seen.has(file)) continue;
          seen.add(file);
          stack.push(...(chunks.get(file)?.imports ?? []));
        }
        return [...seen];
      };
      const entries = [...chunks.values()].filter((c) => c.isEntry).map((c) => c.fileName);
      const loads: [string, string[]][] = [['shell', closure(entries)]];
      for (const entry of entries) {
        for (const lazy of chunks.get(entry)?.dynamicImports ?? []) {
          const page = chunks.get(lazy)?.facadeModuleId;
          if (page?.includes('/src/pages/'))
            loads.push([basename(page).replace(/\.tsx?$/, ''), closure([...entries, lazy])]);
        }
      }
      const lines = loads.map(([name, files]) => {
        const code = files.map((f) => chunks.get(f)?.code ?? '');
        const raw = code.reduce((sum, c) => sum + Buffer.byteLength(c), 0);
        const gzip = code.reduce((sum, c) => sum + gzipSync(c).length, 0);
        return `  ${name.padEnd(20)} ${kB(raw).padStart(10)} │ gzip: ${kB(gzip).padStart(9)}  (${files.length} chunks)`;
      });
      logger?.info(
        `\nInitial JavaScript per page (shell = entry and its static imports):\n${lines.join('\n')}`,
      );
      const tooBig = [...new Set(loads.flatMap(([, files]) => files))].filter(
        (file) => Buffer.byteLength(chunks.get(file)?.code ?? '') > limitBytes,
      );
      if (tooBig.length > 0) {
        this.error(
          `chunks over ${kB(limitBytes)} in a page's initial load: ${tooBig.join(', ')}; import them lazily`,
        );
      }
    },
  };
}
