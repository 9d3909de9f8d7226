import { setImmediate as nextTurn } from 'node:timers/promises';
import type { CaseStudy, Rubrics } from '@mlsd/rubric';
import { AnalysisCache, adoptRubricData, compileRubric, rubricCompilations } from '@mlsd/scoring';
import type { SessionBrains } from './rooms/solo/brains.ts';
import { createBrains } from './rooms/solo/offline-brains.ts';

/** What `warmCases` did, for the start-up log and the tests. */
export interface WarmReport {
  cases: number;
  /** Cases whose compiled matcher came from the build (`pnpm build`), current for these files. */
  fromBuild: number;
  /** Cases compiled here instead (no build, edited rubrics, other code): slower, same result. */
  compiledHere: number;
  ms: number;
  /** CPU time of the warm-up (all threads): what it costs on a quiet machine, whatever the load. */
  cpuMs: number;
}

/** A statement as a candidate might open with: the matcher, the meaning index and polarity run once. */
const STATEMENT = 'I would start with a simple baseline model, because it is cheap to run.';
/** A question for a fact: it builds the case's fact index (tokenising every fact of the case). */
const QUESTION = 'How many daily users are there?';

/**
 * Prepares every case before the server listens, so the first answer of a case after a restart
 * does not compile its matcher (100-700 ms on the event loop, holding every other session behind
 * it). Each case's matcher is taken from the build when the build's data is current for these
 * files, compiled otherwise; then one scratch statement per case is read through the offline
 * brains as a live session reads it, which builds the case's meaning index and warms the code.
 * The first case also reads a question, so the fact-answering code and the wink model are loaded.
 * Nothing is stored and no session sees the scratch readings.
 */
export async function warmCases(rubrics: Rubrics): Promise<WarmReport> {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const compiledBefore = rubricCompilations();
  const brains = createBrains();
  let fromBuild = 0;
  let first = true;
  for (const [caseId, caseStudy] of rubrics.cases) {
    if (prepareMatcher(rubrics, caseId, caseStudy)) fromBuild += 1;
    await scratchRead(brains, rubrics, caseStudy, first ? `${QUESTION} ${STATEMENT}` : STATEMENT);
    first = false;
  }
  return {
    cases: rubrics.cases.size,
    fromBuild,
    compiledHere: rubricCompilations() - compiledBefore,
    ms: Math.round(performance.now() - started),
    cpuMs: Math.round(cpuMs(process.cpuUsage(cpuBefore))),
  };
}

/** The files a rubric set was loaded from, with the values loaded (the reading workers hold a clone). */
export type RubricFiles = Pick<Rubrics, 'framework' | 'frameworkPath' | 'paths'>;

/**
 * Makes one case's matcher what the scorer returns for `caseStudy`: the build's compiled data when
 * it is current for the case's files (a few milliseconds), compiled here otherwise. True when it
 * came from the build. The server's warm-up and each reading worker prepare cases this way.
 */
export function prepareMatcher(rubrics: RubricFiles, caseId: string, caseStudy: CaseStudy): boolean {
  const path = rubrics.paths.get(caseId);
  const files = path ? { framework: rubrics.frameworkPath, study: path } : null;
  if (files && adoptRubricData(files, caseStudy, rubrics.framework)) return true;
  compileRubric(caseStudy, rubrics.framework);
  return false;
}

/**
 * After listening: builds each remaining case's fact index, one case per event-loop turn, so a
 * candidate's first question in a case finds it ready. Left to the first question, each costs
 * 20-100 ms on the event loop; done here, nothing waits longer than one case's index, and all of
 * them take about 1 s of CPU, which is why it is not done before listening (start goal: 2 s).
 */
export async function warmFactIndexes(rubrics: Rubrics): Promise<void> {
  const brains = createBrains();
  for (const caseStudy of [...rubrics.cases.values()].slice(1)) {
    await nextTurn();
    await scratchRead(brains, rubrics, caseStudy, QUESTION);
  }
}

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

async function scratchRead(
  brains: SessionBrains,
  rubrics: Rubrics,
  caseStudy: CaseStudy,
  text: string,
): Promise<void> {
  await brains.read({
    caseStudy,
    framework: rubrics.framework,
    step: 'requirements',
    text,
    transcript: [],
    notes: '',
    analyses: new AnalysisCache(16),
  });
}
