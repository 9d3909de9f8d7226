import type { Report, ReportFlag, StepReport, Turn } from '@mlsd/protocol';
import type { CaseStudy, Framework } from '@mlsd/rubric';
import { AnalysisCache } from './analyse.ts';
import { compileRubric } from './compile.ts';
import { GRADER_DIRECTED_MESSAGES, type GraderDirectedKind } from './grader-directed.ts';
import { hireSignal, weightedScore } from './grading.ts';
import { assertQuote, matchPoints, matchRedFlags, type Quote, type Utterance } from './matcher.ts';
import { budgetMs, stepDurations } from './pacing.ts';
import { prepareSession, type SessionTurn } from './session.ts';

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
}

/** Scores a session's turns against a case: the offline scorer's whole report. Deterministic. */
export function scoreSession(options: ScoreOptions): Report {
  const { study, framework, turns } = options;
  const notes = options.notes ?? '';
  const durationMinutes = options.durationMinutes ?? 45;
  const rubric = compileRubric(study, framework);
  const prepared = prepareSession(rubric, turns, notes, options.cache ?? new AnalysisCache());
  const { utterances, steps: turnSteps, firstProbe } = prepared;
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
  const used = stepDurations(timed, options.startMs ?? null, options.endMs ?? null);
  const redFlags = matchRedFlags(rubric, utterances);

  const allMatches = matchPoints(rubric, utterances, rubric.points);
  const stepReports: StepReport[] = rubric.steps.map((step) => {
    const matches = allMatches.filter((match) => match.point.step === step.id);
    const covered = matches.flatMap((match) =>
      match.evidence && match.level !== 'missed'
        ? [
            {
              pointId: match.point.point.id,
              title: match.point.point.title,
              weight: match.point.point.weight,
              level: match.level,
              credit: match.credit,
              evidence: checked(match.evidence, turns, notes),
              unprompted: raisedFirst(match.firstOrder, firstProbe.get(match.point.point.id)),
            },
          ]
        : [],
    );
    const missed = matches
      .filter((match) => match.level === 'missed')
      .map((match) => ({
        pointId: match.point.point.id,
        title: match.point.point.title,
        weight: match.point.point.weight,
        strong: match.point.point.strong,
      }));
    return {
      id: step.id,
      title: step.title,
      score: weightedScore(
        matches.map((match) => ({ weight: match.point.point.weight, credit: match.credit })),
      ),
      covered,
      missed,
      redFlags: redFlags
        .filter((hit) => hit.flag.step === step.id)
        .map((hit) => ({
          id: hit.flag.id,
          title: hit.flag.title,
          why: hit.flag.why,
          evidence: checked(hit.evidence, turns, notes),
        })),
      usedMs: used ? (used.get(step.id) ?? 0) : null,
      budgetMs: budgetMs(step.minutes, durationMinutes),
      reached: stepless ? covered.length > 0 : turnSteps.includes(step.id),
    };
  });

  const minutes = new Map(rubric.steps.map((step) => [step.id, step.minutes]));
  const overall =
    utterances.length === 0
      ? 0
      : weightedScore(
          stepReports.map((step) => ({ weight: minutes.get(step.id) ?? 0, credit: step.score / 100 })),
        );
  const credited = stepReports.flatMap((step) => step.covered);
  return {
    version: 1,
    caseId: study.id,
    caseTitle: study.title,
    sessionId: options.sessionId ?? null,
    createdAt: options.now ?? Date.now(),
    scorer: 'offline',
    overall,
    hireSignal: hireSignal(overall),
    steps: stepReports,
    unpromptedShare:
      credited.length === 0
        ? null
        : Math.round((credited.filter((point) => point.unprompted).length / credited.length) * 1000) / 1000,
    flags,
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
}): Report {
  return scoreSession({
    ...options,
    turns: options.turns.map((turn) => ({
      role: turn.role,
      text: turn.text,
      step: turn.step,
      atMs: turn.at,
      // A probe turn without ids is inferred from its text; other interviewer turns probe nothing known.
      ...(turn.probedPointIds ? { probedPointIds: turn.probedPointIds } : {}),
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

/**
 * Raised unprompted: credited in a turn before the first probe for it, or never probed at all.
 * Notes-pad evidence has no time; it counts as unprompted only when the point was never probed.
 */
function raisedFirst(firstOrder: number, probedAt: number | undefined): boolean {
  if (probedAt === undefined) return true;
  return firstOrder < probedAt;
}

/** Re-checks a quote against the turn (or notes) it names before it goes into a report. */
function checked(evidence: Quote, turns: readonly SessionTurn[], notes: string): Quote {
  const source = evidence.turnIndex === null ? notes : turns[evidence.turnIndex]?.text;
  if (
    source === undefined ||
    (evidence.turnIndex !== null && turns[evidence.turnIndex]?.role !== 'candidate')
  ) {
    throw new Error(`evidence points at turn ${evidence.turnIndex}, which is not a candidate turn`);
  }
  assertQuote(evidence.quote, source);
  return evidence;
}
