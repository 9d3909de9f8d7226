import type {
  CoveredPoint,
  Evidence,
  MissedPoint,
  Report,
  ReportFlag,
  StepId,
  StepReport,
} from '@mlsd/protocol';
import type { CaseStudy, Framework, TalkingPoint } from '@mlsd/rubric';
import { compileRubric } from '../compile.ts';
import { hireSignal, weightedScore } from '../grading.ts';
import { CREDIT } from '../matcher.ts';
import type { JudgeTurn } from './prompt.ts';
import { checkQuote, type QuoteSource } from './quotes.ts';
import type { JudgeLevel, JudgePointOutput } from './schema.ts';

/** The judge's verdict on one talking point after code has checked it. */
export interface PointVerdict {
  pointId: string;
  level: JudgeLevel;
  /** 0..1, clamped; 0 whenever the quote was not found. */
  credit: number;
  evidence: Evidence | null;
  /** The model's one-sentence reason. */
  reason: string;
  /** Why code overruled the model: its quote was not the candidate's, too short, or written at the grader. */
  rejected: 'not-found' | 'too-short' | 'grader-directed' | null;
  /** The model's credit was out of range or above what its level allows. */
  clamped: boolean;
}

/**
 * Turns the model's entry for a point into a verdict it can be held to: credit clamped to 0..1
 * and to the level's ceiling (a mention earns at most what the offline scorer gives a mention),
 * and nothing at all unless the quote is found verbatim in the candidate's own text.
 */
export function settlePoint(
  point: TalkingPoint,
  raw: JudgePointOutput,
  sources: readonly QuoteSource[],
): PointVerdict {
  const missed = (rejected: PointVerdict['rejected'] = null): PointVerdict => ({
    pointId: point.id,
    level: 'missed',
    credit: 0,
    evidence: null,
    reason: raw.reason,
    rejected,
    clamped: false,
  });
  if (raw.level === 'missed') return missed();
  const ceiling = raw.level === 'mentioned' ? CREDIT.mentioned : 1;
  const credit = Number.isFinite(raw.credit) ? Math.min(ceiling, Math.max(0, raw.credit)) : 0;
  if (credit === 0) return { ...missed(), clamped: raw.credit !== 0 };
  const quote = checkQuote(raw.quote, raw.turn === null ? null : Math.round(raw.turn), sources);
  if (!quote.ok) return missed(quote.reason);
  return {
    pointId: point.id,
    level: raw.level,
    credit: Math.round(credit * 1000) / 1000,
    evidence: quote.evidence,
    reason: raw.reason,
    rejected: null,
    clamped: credit !== raw.credit,
  };
}

/**
 * The judge's report: per-point credit from the checked verdicts, every total computed here (the
 * model gives none). Time, reached steps and red flags are the offline report's, which measured them.
 */
export function buildJudgeReport(options: {
  offline: Report;
  study: CaseStudy;
  framework: Framework;
  turns: readonly JudgeTurn[];
  verdicts: ReadonlyMap<StepId, readonly PointVerdict[]>;
  flags?: readonly ReportFlag[];
  now?: number;
}): Report {
  const { offline, turns } = options;
  const rubric = compileRubric(options.study, options.framework);
  const firstProbe = firstProbes(turns);
  const steps: StepReport[] = rubric.steps.map((step) => {
    const base = offline.steps.find((candidate) => candidate.id === step.id);
    const verdicts = new Map(
      (options.verdicts.get(step.id) ?? []).map((verdict) => [verdict.pointId, verdict]),
    );
    const covered: CoveredPoint[] = [];
    const missed: MissedPoint[] = [];
    const credits = step.points.map(({ point }) => {
      const verdict = verdicts.get(point.id);
      if (!verdict?.evidence || verdict.level === 'missed' || verdict.credit === 0) {
        missed.push({ pointId: point.id, title: point.title, weight: point.weight, strong: point.strong });
        return { weight: point.weight, credit: 0 };
      }
      covered.push({
        pointId: point.id,
        title: point.title,
        weight: point.weight,
        level: verdict.level,
        credit: verdict.credit,
        evidence: verdict.evidence,
        unprompted: raisedFirst(verdict.evidence, firstProbe.get(point.id)),
      });
      return { weight: point.weight, credit: verdict.credit };
    });
    return {
      id: step.id,
      title: step.title,
      score: weightedScore(credits),
      covered,
      missed,
      redFlags: base?.redFlags ?? [],
      usedMs: base?.usedMs ?? null,
      budgetMs: base?.budgetMs ?? 0,
      reached: base?.reached ?? covered.length > 0,
    };
  });
  const minutes = new Map(rubric.steps.map((step) => [step.id, step.minutes]));
  const empty = offline.flags.some((flag) => flag.kind === 'empty-transcript');
  const overall = empty
    ? 0
    : weightedScore(steps.map((step) => ({ weight: minutes.get(step.id) ?? 0, credit: step.score / 100 })));
  const credited = steps.flatMap((step) => step.covered);
  return {
    ...offline,
    createdAt: options.now ?? offline.createdAt,
    scorer: 'judge',
    overall,
    hireSignal: hireSignal(overall),
    steps,
    unpromptedShare:
      credited.length === 0
        ? null
        : Math.round((credited.filter((point) => point.unprompted).length / credited.length) * 1000) / 1000,
    flags: [...offline.flags, ...(options.flags ?? [])],
  };
}

/** Point id -> index of the first interviewer turn that probed for it. */
function firstProbes(turns: readonly JudgeTurn[]): Map<string, number> {
  const first = new Map<string, number>();
  turns.forEach((turn, index) => {
    if (turn.role !== 'interviewer') return;
    for (const id of turn.probedPointIds ?? []) if (!first.has(id)) first.set(id, index);
  });
  return first;
}

/** As the offline report: before the first probe, or never probed; notes count only when never probed. */
function raisedFirst(evidence: Evidence, probedAt: number | undefined): boolean {
  if (probedAt === undefined) return true;
  return evidence.turnIndex !== null && evidence.turnIndex < probedAt;
}
