import type { Persona, Report, ReportFlag, SessionLevel, Turn } from '@mlsd/protocol';
import type { CaseStudy, Framework } from '@mlsd/rubric';
import { AnalysisCache } from './analyse.ts';
import { compileRubric } from './compile.ts';
import { gradeCurveball, thrownCurveballs } from './curveballs.ts';
import { GRADER_DIRECTED_MESSAGES, type GraderDirectedKind } from './grader-directed.ts';
import { hireSignal, weightedScore } from './grading.ts';
import { DEFAULT_LEVEL } from './levels.ts';
import { matchPoints, matchRedFlags, type Quote, type Utterance } from './matcher.ts';
import { calibratedOverall } from './overall-scale.ts';
import { stepDurations } from './pacing.ts';
import { prepareSession, type SessionTurn, turnMeta } from './session.ts';
import { buildStepReport, type StepInputs } from './step-report.ts';

export interface ScoreOptions {
  study: CaseStudy;
  framework: Framework;
  turns: readonly SessionTurn[];
  /** Notes-pad text (candidate-authored). */
  notes?: string;
  durationMinutes?: number;
  sessionId?: string | null;
  /** Clock of `atMs`: when the interview started and ended, if known. */
  startMs?: number | null;
  endMs?: number | null;
  /** `createdAt` of the report; pass it for reproducible output. */
  now?: number;
  /** Share one across calls to tokenise each text once (live sessions). */
  cache?: AnalysisCache;
  /** The level the candidate is judged at; senior when absent. */
  level?: SessionLevel;
  /** The interviewer's manner, named in the report; absent for a transcript file or a peer room. */
  persona?: Persona;
}

/** Scores a session's turns against a case: the offline scorer's whole report. Deterministic. */
export function scoreSession(options: ScoreOptions): Report {
  const { study, framework, turns } = options;
  const notes = options.notes ?? '';
  const durationMinutes = options.durationMinutes ?? 45;
  const rubric = compileRubric(study, framework);
  const cache = options.cache ?? new AnalysisCache();
  const prepared = prepareSession(rubric, turns, notes, cache);
  const { utterances, steps: turnSteps } = prepared;
  const flags: ReportFlag[] = [];

  if (utterances.length === 0) {
    flags.push({
      kind: 'empty-transcript',
      message: 'the transcript has no candidate text (answers or notes), so nothing could be credited',
    });
  }
  flags.push(...graderFlags(utterances));
  const stepless = turnSteps.every((step) => step === null);
  if (stepless && utterances.length > 0) {
    flags.push({
      kind: 'degraded',
      message:
        'the transcript does not say which step each turn belongs to; time per step and reached steps are not measured',
    });
  }

  const timed = turns.map((turn, index) => ({ step: turnSteps[index] ?? null, atMs: turn.atMs }));
  const inputs: StepInputs = {
    prepared,
    turns,
    notes,
    matches: matchPoints(rubric, utterances, rubric.points),
    redFlags: matchRedFlags(rubric, utterances),
    curveballs: thrownCurveballs(rubric, turns, turnSteps, cache).map((thrown) => ({
      step: thrown.step,
      result: gradeCurveball(thrown, turns, turnSteps, cache),
    })),
    used: stepDurations(timed, options.startMs ?? null, options.endMs ?? null),
    durationMinutes,
    stepless,
    level: options.level ?? DEFAULT_LEVEL,
  };
  const stepReports = rubric.steps.map((step) => buildStepReport(step, inputs));

  const minutes = new Map(rubric.steps.map((step) => [step.id, step.minutes]));
  const stepsWeighted =
    utterances.length === 0
      ? 0
      : weightedScore(
          stepReports.map((step) => ({ weight: minutes.get(step.id) ?? 0, credit: step.score / 100 })),
        );
  const overall = calibratedOverall(stepsWeighted);
  // Points raised early in a step never reached are shown but earn nothing, so they are not "credited".
  const credited = stepReports.filter((step) => step.reached).flatMap((step) => step.covered);
  return {
    version: 1,
    caseId: study.id,
    caseTitle: study.title,
    sessionId: options.sessionId ?? null,
    createdAt: options.now ?? Date.now(),
    scorer: 'offline',
    overall,
    stepsWeighted,
    hireSignal: hireSignal(overall),
    steps: stepReports,
    unpromptedShare:
      credited.length === 0
        ? null
        : Math.round((credited.filter((point) => point.unprompted).length / credited.length) * 1000) / 1000,
    flags,
    level: options.level ?? DEFAULT_LEVEL,
    ...(options.persona ? { persona: options.persona } : {}),
  };
}

/** A session's report from protocol turns (server side). `durationMinutes` sets the step budgets. */
export function buildReport(options: {
  study: CaseStudy;
  framework: Framework;
  turns: readonly Turn[];
  notes?: string;
  durationMinutes?: number;
  sessionId?: string | null;
  startedAt?: number | null;
  endedAt?: number | null;
  now?: number;
  cache?: AnalysisCache;
  level?: SessionLevel;
  persona?: Persona;
}): Report {
  return scoreSession({
    ...options,
    turns: options.turns.map((turn) => ({
      role: turn.role,
      text: turn.text,
      step: turn.step,
      atMs: turn.at,
      ...turnMeta(turn),
    })),
    startMs: options.startedAt ?? null,
    endMs: options.endedAt ?? null,
  });
}

/** One flag per kind of grader-directed text, quoting its first passage and counting the rest. */
function graderFlags(utterances: Utterance[]): ReportFlag[] {
  const byKind = new Map<GraderDirectedKind, { first: Quote; count: number }>();
  for (const utterance of utterances) {
    for (const segment of utterance.analysis.segments) {
      if (segment.graderDirected === null) continue;
      const entry = byKind.get(segment.graderDirected);
      if (entry) entry.count++;
      else {
        const quote = utterance.analysis.text.slice(segment.start, segment.end);
        byKind.set(segment.graderDirected, { first: { quote, turnIndex: utterance.turnIndex }, count: 1 });
      }
    }
  }
  return [...byKind].map(([kind, { first, count }]) => ({
    kind: 'grader-directed',
    message: `${GRADER_DIRECTED_MESSAGES[kind]}${count > 1 ? ` (${count} passages)` : ''}`,
    evidence: first,
  }));
}
