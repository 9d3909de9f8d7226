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

/** Most gzip bytes of JavaScript a page's first visit may download, by page (`home-page`, ...). */
export type PageBudgets = Readonly<Record<string, number>>;

/**
 * Checks what a first visit downloads: the entry with everything it imports statically, and for
 * each page (a lazily imported module under src/pages) that plus the page's own chunks. Prints
 * the sizes, and fails the build if any chunk on those paths is over `limitBytes`, or if a page
 * in `budgets` downloads more gzip bytes than its budget. Chunks fetched later (mermaid and its
 * diagram types) are left to Vite's own size warning.
 */
export function initialLoad(limitBytes: number, budgets: PageBudgets = {}): Plugin {
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
      const sizes = loads.map(([name, files]) => {
        const code = files.map((f) => chunks.get(f)?.code ?? '');
        const raw = code.reduce((sum, c) => sum + Buffer.byteLength(c), 0);
        const gzip = code.reduce((sum, c) => sum + gzipSync(c).length, 0);
        return { name, raw, gzip, chunkCount: files.length };
      });
      const lines = sizes.map(
        ({ name, raw, gzip, chunkCount }) =>
          `  ${name.padEnd(20)} ${kB(raw).padStart(10)} │ gzip: ${kB(gzip).padStart(9)}  (${chunkCount} chunks)`,
      );
      logger?.info(
        `\nInitial JavaScript per page (shell = entry and its static imports):\n${lines.join('\n')}`,
      );
      const overBudget = budgetFailures(sizes, budgets);
      if (overBudget.length > 0) this.error(overBudget.join('\n'));
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

/** What is wrong with each page's initial load against its budget; empty when every page fits. */
export function budgetFailures(
  sizes: readonly { name: string; gzip: number }[],
  budgets: PageBudgets,
): string[] {
  return Object.entries(budgets).flatMap(([page, budget]) => {
    const size = sizes.find((s) => s.name === page);
    if (!size) {
      const known = sizes.map((s) => s.name).join(', ');
      return [`initial-load budget names no page '${page}'; pages: ${known}`];
    }
    if (size.gzip <= budget) return [];
    return [
      `${page}'s initial JavaScript is ${kB(size.gzip)} gzip, ${kB(size.gzip - budget)} over its budget of ${kB(budget)}; ` +
        'move code it does not need at first paint into a lazily imported chunk, or out of the shell',
    ];
  });
}
