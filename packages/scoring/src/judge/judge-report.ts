import type {
  CoveredPoint,
  CurveballResult,
  MissedPoint,
  RedFlagHit,
  Report,
  ReportFlag,
  StepId,
  StepReport,
} from '@mlsd/protocol';
import type { CaseStudy, Framework } from '@mlsd/rubric';
import { AnalysisCache } from '../analyse.ts';
import { compileRubric } from '../compile.ts';
import { curveballIdeas } from '../curveball-ideas.ts';
import { hireSignal, weightedScore } from '../grading.ts';
import { DEFAULT_LEVEL, expectedAt } from '../levels.ts';
import { calibratedOverall } from '../overall-scale.ts';
import { finalStepScore, hintBefore, RED_FLAG_DEDUCTIONS } from '../penalties.ts';
import { noInterventions, type PreparedSession, prepareSession } from '../session.ts';
import { checked } from '../step-report.ts';
import { sessionTurnsOf } from './ask.ts';
import type { JudgeTurn } from './prompt.ts';
import type { StepVerdicts } from './verdicts.ts';

/**
 * The judge's report, by the offline report's rules (`step-report.ts`): credit from the checked
 * verdicts, discounted by the hint that led to a point (`hintBefore`); answered curveballs as extra
 * points; the red flags the judge found deducted by severity (`finalStepScore`); a step never
 * reached scores 0. Every total is computed here (the model gives none); time and interventions
 * are the offline report's, which measured them.
 */
export function buildJudgeReport(options: {
  offline: Report;
  study: CaseStudy;
  framework: Framework;
  turns: readonly JudgeTurn[];
  notes?: string;
  verdicts: ReadonlyMap<StepId, StepVerdicts>;
  flags?: readonly ReportFlag[];
  now?: number;
  /** The session read as the offline scorer reads it; prepared here when absent. */
  prepared?: PreparedSession;
}): Report {
  const { offline, study, framework } = options;
  const notes = options.notes ?? '';
  const rubric = compileRubric(study, framework);
  const turns = sessionTurnsOf(options.turns);
  const prepared = options.prepared ?? prepareSession(rubric, turns, notes, new AnalysisCache());
  const stepless = prepared.steps.every((step) => step === null);
  const level = offline.level ?? DEFAULT_LEVEL;

  const steps = rubric.steps.map((step): StepReport => {
    const base = offline.steps.find((candidate) => candidate.id === step.id);
    const judged = options.verdicts.get(step.id);
    const covered: CoveredPoint[] = [];
    const missed: MissedPoint[] = [];
    const credits: { weight: number; credit: number; bonus?: boolean }[] = [];
    for (const { point } of step.points) {
      const verdict = judged?.points.find((candidate) => candidate.pointId === point.id);
      // As in the offline report: a point expected only above the session's level is a bonus.
      const bonus = !expectedAt(point, level);
      if (!verdict?.evidence || verdict.level === 'missed' || verdict.credit === 0) {
        if (bonus) continue;
        missed.push({
          pointId: point.id,
          title: point.title,
          weight: point.weight,
          strong: point.strong,
          ...(level === 'staff' && point.staff ? { staff: point.staff } : {}),
        });
        credits.push({ weight: point.weight, credit: 0 });
        continue;
      }
      // Notes have no time: they count as said after any hint, as in the offline report.
      const order = verdict.evidence.turnIndex ?? Infinity;
      const hint = hintBefore(prepared.hints, point.id, order);
      const credit = Math.round(verdict.credit * (hint?.factor ?? 1) * 1000) / 1000;
      credits.push({ weight: point.weight, credit, bonus });
      const promptedAt = prepared.firstPrompt.get(point.id);
      covered.push({
        pointId: point.id,
        title: point.title,
        weight: point.weight,
        level: verdict.level,
        credit,
        evidence: checked(verdict.evidence, turns, notes),
        unprompted: promptedAt === undefined || order < promptedAt,
        ...(hint ? { afterHint: hint } : {}),
        ...(bonus ? { beyondLevel: true as const } : {}),
      });
    }
    const curveballs = (base?.curveballs ?? []).map((ball): CurveballResult => {
      const verdict = judged?.curveballs.find((candidate) => candidate.curveballId === ball.id);
      const labels = curveballIdeas(ball.expects).map((idea) => idea.label);
      const hit = new Set(verdict?.covered ?? []);
      return {
        ...ball,
        covered: labels.filter((_, index) => hit.has(index)),
        missing: labels.filter((_, index) => !hit.has(index)),
        share: verdict?.share ?? 0,
        credit: verdict?.credit ?? 0,
        evidence: verdict?.evidence ? checked(verdict.evidence, turns, notes) : null,
      };
    });
    for (const ball of curveballs) credits.push({ weight: ball.weight, credit: ball.credit });
    const redFlags = (judged?.redFlags ?? []).flatMap((flag): RedFlagHit[] =>
      flag.stated && flag.evidence
        ? [
            {
              id: flag.flagId,
              title: flag.title,
              why: flag.why,
              evidence: checked(flag.evidence, turns, notes),
              severity: flag.severity,
              deduction: RED_FLAG_DEDUCTIONS[flag.severity],
            },
          ]
        : [],
    );
    const contentScore = weightedScore(credits);
    const reached = stepless ? covered.length > 0 : prepared.steps.includes(step.id);
    return {
      id: step.id,
      title: step.title,
      score: finalStepScore(
        contentScore,
        redFlags.map((flag) => flag.deduction ?? 0),
        reached,
      ),
      contentScore,
      covered,
      missed,
      redFlags,
      curveballs,
      interventions: base?.interventions ?? prepared.interventions.get(step.id) ?? noInterventions(),
      usedMs: base?.usedMs ?? null,
      budgetMs: base?.budgetMs ?? 0,
      reached,
    };
  });

  const minutes = new Map(rubric.steps.map((step) => [step.id, step.minutes]));
  const stepsWeighted =
    prepared.utterances.length === 0
      ? 0
      : weightedScore(steps.map((step) => ({ weight: minutes.get(step.id) ?? 0, credit: step.score / 100 })));
  // The judge's step scores are shares of the rubric's weight too: the same scale applies.
  const overall = calibratedOverall(stepsWeighted);
  const credited = steps.filter((step) => step.reached).flatMap((step) => step.covered);
  return {
    ...offline,
    createdAt: options.now ?? offline.createdAt,
    scorer: 'judge',
    overall,
    stepsWeighted,
    hireSignal: hireSignal(overall),
    steps,
    unpromptedShare:
      credited.length === 0
        ? null
        : Math.round((credited.filter((point) => point.unprompted).length / credited.length) * 1000) / 1000,
    flags: [...offline.flags, ...(options.flags ?? [])],
  };
}
