import { type FSWatcher, watch } from 'node:fs';
import type { CaseSummary } from '@mlsd/protocol';
import { type CaseStudy, formatIssue, loadRubrics, loadRubricsCached, type Rubrics } from '@mlsd/rubric';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.ts';

/** The loaded rubric set. `current` is swapped as a whole on a successful reload, never patched. */
export interface RubricStore {
  readonly current: Rubrics;
  caseSummaries(): CaseSummary[];
  /** The case, or CASE_NOT_FOUND naming the known ids. */
  getCase(id: string): CaseStudy;
}

declare module 'fastify' {
  interface FastifyInstance {
    rubrics: RubricStore;
  }
}

export interface RubricsPluginOptions {
  dir: string;
  /** Watch the directory and reload when the whole set validates again. */
  watch: boolean;
}

/** Loads the rubric set or throws one error listing every problem as `file:line:column field: message`. */
export function loadOrThrow(dir: string): Rubrics {
  // Cached by content: a restart with unchanged files skips two seconds of YAML parsing and linting.
  const loaded = loadRubricsCached(dir);
  if (loaded.ok) return loaded.value;
  const lines = loaded.issues.map((issue) => `  ${formatIssue(issue)}`).join('\n');
  throw new Error(`rubrics in ${dir} are invalid; fix these and start again:\n${lines}`);
}

async function rubricsPlugin(app: FastifyInstance, options: RubricsPluginOptions): Promise<void> {
  let current = loadOrThrow(options.dir);
  const store: RubricStore = {
    get current() {
      return current;
    },
    caseSummaries() {
      return [...current.cases.values()].map((study) => ({
        id: study.id,
        title: study.title,
        summary: study.summary,
        levels: study.levels,
        tags: study.tags,
      }));
    },
    getCase(id) {
      const study = current.cases.get(id);
      if (study) return study;
      const known = [...current.cases.keys()].join(', ');
      throw new AppError('CASE_NOT_FOUND', `unknown case '${id}'; known cases: ${known}`);
    },
  };
  app.decorate('rubrics', store);
  if (!options.watch) return;

  let timer: NodeJS.Timeout | undefined;
  const reload = () => {
    const loaded = loadRubrics(options.dir);
    if (loaded.ok) {
      current = loaded.value;
      app.log.info({ cases: [...current.cases.keys()] }, 'rubrics reloaded');
    } else {
      app.log.error(
        { issues: loaded.issues.map(formatIssue) },
        'rubrics changed but do not validate; keeping the previous set',
      );
    }
  };
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(options.dir, { recursive: true }, () => {
      // Editors write a file in several steps; wait for the burst to settle.
      clearTimeout(timer);
      timer = setTimeout(reload, 150);
    });
  } catch (error) {
    app.log.warn({ err: error }, 'cannot watch the rubrics directory; restart the server to pick up edits');
  }
  app.addHook('onClose', async () => {
    clearTimeout(timer);
    watcher?.close();
  });
}

export default fp(rubricsPlugin, { name: 'mlsd-rubrics', fastify: '5.x' });
