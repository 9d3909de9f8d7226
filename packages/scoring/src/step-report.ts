import type { CoveredPoint, CurveballResult, NearMiss, StepReport } from '@mlsd/protocol';
import type { SessionLevel, StepId } from '@mlsd/rubric';
import type { CompiledPoint, CompiledStep } from './compile.ts';
import { weightedScore } from './grading.ts';
import { expectedAt } from './levels.ts';
import { assertQuote, type PointMatch, type Quote, type RedFlagMatch } from './matcher.ts';
import { budgetMs } from './pacing.ts';
import { finalStepScore, hintBefore, redFlagDeduction } from './penalties.ts';
import { noInterventions, type PreparedSession, type SessionTurn } from './session.ts';

/** Everything about the session a step's report is cut from. */
export interface StepInputs {
  prepared: PreparedSession;
  turns: readonly SessionTurn[];
  notes: string;
  matches: readonly PointMatch[];
  redFlags: readonly RedFlagMatch[];
  curveballs: readonly { step: StepId; result: CurveballResult }[];
  used: Map<StepId, number> | null;
  durationMinutes: number;
  /** The transcript says nothing about steps: "reached" falls back to "has covered points". */
  stepless: boolean;
  /** The level the session is judged at: points expected only above it are bonuses. */
  level: SessionLevel;
}

/**
 * What a framework point weighs against the case's own, as a share of its rubric weight. The
 * framework's points are the same checklist on every case ("name the task type", "feature
 * groups"); a strong answer to a case says its decisions in the case's terms, which the case's
 * points hold. At full weight the generic checklist took as much of a step as the case, and a strong
 * answer on a case without calibration interviews scored far under its band. Chosen on the tune
 * and held-out halves of the calibration set (1, 0.5 and 0 tried; 0.5 kept:
 * packages/scoring/README.md, "Framework points").
 */
export const FRAMEWORK_WEIGHT_SHARE = 0.5;

function scoredWeight(point: CompiledPoint): number {
  return point.source === 'framework' ? point.point.weight * FRAMEWORK_WEIGHT_SHARE : point.point.weight;
}

/**
 * One step of the report. Points are credited from anywhere in the session, discounted when a
 * hint led to them; thrown curveballs join as extra points; red flags are then deducted. A step
 * the interview never reached keeps what was raised early for the reader and scores 0.
 */
export function buildStepReport(step: CompiledStep, inputs: StepInputs): StepReport {
  const { prepared, turns, notes } = inputs;
  const matches = inputs.matches.filter((match) => match.point.step === step.id);
  const covered: CoveredPoint[] = [];
  const credits: { weight: number; credit: number; bonus?: boolean }[] = [];
  for (const match of matches) {
    const { point } = match.point;
    const hint = match.evidence ? hintBefore(prepared.hints, point.id, match.firstOrder) : null;
    const credit = Math.round(match.credit * (hint?.factor ?? 1) * 1000) / 1000;
    const bonus = !expectedAt(point, inputs.level);
    const weight = scoredWeight(match.point);
    credits.push({ weight, credit, bonus });
    if (!match.evidence || match.level === 'missed') continue;
    const nearMiss = nearMissOf(match, turns, notes);
    covered.push({
      pointId: point.id,
      title: point.title,
      weight,
      level: match.level,
      credit,
      evidence: checked(match.evidence, turns, notes),
      unprompted: raisedFirst(match.firstOrder, prepared.firstPrompt.get(point.id)),
      ...(hint ? { afterHint: hint } : {}),
      ...(nearMiss ? { nearMiss } : {}),
      ...(bonus ? { beyondLevel: true as const } : {}),
    });
  }
  // A point expected only above the session's level is not a gap when it is left out.
  const missed = matches
    .filter((match) => match.level === 'missed' && expectedAt(match.point.point, inputs.level))
    .map((match) => {
      const { point } = match.point;
      const nearMiss = nearMissOf(match, turns, notes);
      return {
        pointId: point.id,
        title: point.title,
        weight: scoredWeight(match.point),
        strong: point.strong,
        ...(inputs.level === 'staff' && point.staff ? { staff: point.staff } : {}),
        ...(nearMiss ? { nearMiss } : {}),
      };
    });
  const curveballs = inputs.curveballs.filter((ball) => ball.step === step.id).map((ball) => ball.result);
  for (const ball of curveballs) credits.push({ weight: ball.weight, credit: ball.credit });
  const redFlags = inputs.redFlags
    .filter((hit) => hit.flag.step === step.id)
    .map((hit) => {
      const { severity } = hit.flag;
      return {
        id: hit.flag.id,
        title: hit.flag.title,
        why: hit.flag.why,
        evidence: checked(hit.evidence, turns, notes),
        severity,
        deduction: redFlagDeduction(severity, hit.takenBack !== undefined),
        ...(hit.takenBack ? { takenBack: checked(hit.takenBack, turns, notes) } : {}),
      };
    });
  const contentScore = weightedScore(credits);
  const reached = inputs.stepless ? covered.length > 0 : prepared.steps.includes(step.id);
  return {
    id: step.id,
    title: step.title,
    score: finalStepScore(
      contentScore,
      redFlags.map((flag) => flag.deduction),
      reached,
    ),
    contentScore,
    covered,
    missed,
    redFlags,
    curveballs: curveballs.map((ball) =>
      ball.evidence ? { ...ball, evidence: checked(ball.evidence, turns, notes) } : ball,
    ),
    interventions: prepared.interventions.get(step.id) ?? noInterventions(),
    usedMs: inputs.used ? (inputs.used.get(step.id) ?? 0) : null,
    budgetMs: budgetMs(step.minutes, inputs.durationMinutes),
    reached,
  };
}

/**
 * Raised unprompted: credited in a turn before the first prompt for it, or never prompted at all.
 * Notes-pad evidence has no time; it counts as unprompted only when the point was never prompted.
 */
function raisedFirst(firstOrder: number, promptedAt: number | undefined): boolean {
  if (promptedAt === undefined) return true;
  return firstOrder < promptedAt;
}

/** The matcher's near miss for a point, when it gives one, checked like any other quote. */
function nearMissOf(match: PointMatch, turns: readonly SessionTurn[], notes: string): NearMiss | null {
  if (!match.nearMiss) return null;
  const { quote, turnIndex, why } = checked(match.nearMiss, turns, notes);
  return { quote, turnIndex, why };
}

/** Re-checks a quote against the turn (or notes) it names before it goes into a report. */
export function checked<T extends Quote>(evidence: T, turns: readonly SessionTurn[], notes: string): T {
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
