import type { CaseStudy, Framework } from '@mlsd/rubric';
import { AnalysisCache } from '@mlsd/scoring';
import { CRITERIA, type Criterion, checkSession, type Violation } from './criteria.ts';
import { PERSONAS, type Persona } from './personas.ts';
import { type HarnessCandidate, type HarnessPlanner, type HarnessVoice, runHarnessSession } from './run.ts';

export interface SessionResult {
  caseId: string;
  persona: string;
  turns: number;
  violations: Violation[];
}

/** Plays every persona on every case with `voice` and checks each session. */
export async function evaluateInterviewer(options: {
  voice: (caseStudy: CaseStudy) => HarnessVoice;
  planner?: (caseStudy: CaseStudy) => HarnessPlanner;
  candidate?: HarnessCandidate;
  cases: readonly CaseStudy[];
  framework: Framework;
  personas?: readonly Persona[];
}): Promise<SessionResult[]> {
  const cache = new AnalysisCache(20_000);
  const results: SessionResult[] = [];
  for (const caseStudy of options.cases) {
    for (const persona of options.personas ?? PERSONAS) {
      const planner = options.planner?.(caseStudy);
      const { turns, state } = await runHarnessSession({
        voice: options.voice(caseStudy),
        ...(planner ? { planner } : {}),
        ...(options.candidate ? { candidate: options.candidate } : {}),
        caseStudy,
        framework: options.framework,
        script: persona.script(caseStudy, options.framework),
        cache,
      });
      results.push({
        caseId: caseStudy.id,
        persona: persona.id,
        turns: turns.length,
        violations: checkSession(turns, caseStudy, options.framework, state.status === 'ended'),
      });
    }
  }
  return results;
}

/** The criteria table: violations per criterion and persona, and a total. */
export function criteriaTable(results: readonly SessionResult[]): string {
  const personas = [...new Set(results.map((result) => result.persona))];
  const count = (criterion: Criterion, persona: string) =>
    results
      .filter((result) => result.persona === persona)
      .reduce((sum, result) => sum + result.violations.filter((v) => v.criterion === criterion).length, 0);
  const header = `| criterion | ${personas.join(' | ')} |`;
  const rule = `|---|${personas.map(() => '---:').join('|')}|`;
  const rows = CRITERIA.map(
    (criterion) => `| ${criterion} | ${personas.map((p) => count(criterion, p)).join(' | ')} |`,
  );
  const sessions = results.length;
  const clean = results.filter((result) => result.violations.length === 0).length;
  const turns = results.reduce((sum, result) => sum + result.turns, 0);
  return [header, rule, ...rows, '', `${clean} of ${sessions} sessions clean, ${turns} turns.`].join('\n');
}
