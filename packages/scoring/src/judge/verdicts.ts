import type { Evidence, RedFlagSeverity } from '@mlsd/protocol';
import type { TalkingPoint } from '@mlsd/rubric';
import type { CompiledRedFlag } from '../compile.ts';
import { CURVEBALL_FULL_SHARE } from '../curveballs.ts';
import { CREDIT } from '../matcher.ts';
import type { AskedCurveball, StepAsk } from './ask.ts';
import { checkQuote, type QuoteSource } from './quotes.ts';
import type {
  JudgeCurveballOutput,
  JudgeFlagOutput,
  JudgeLevel,
  JudgePointOutput,
  JudgeStepOutput,
} from './schema.ts';

/** Why code overruled the model: its quote was not the candidate's, too short, or written at the grader. */
export type Rejection = 'not-found' | 'too-short' | 'grader-directed';

/** The judge's verdict on one talking point after code has checked it. */
export interface PointVerdict {
  pointId: string;
  level: JudgeLevel;
  /** 0..1, clamped; 0 whenever the quote was not found. Before any hint discount. */
  credit: number;
  evidence: Evidence | null;
  /** The model's one-sentence reason. */
  reason: string;
  rejected: Rejection | null;
  /** The model's credit was out of range or above what its level allows. */
  clamped: boolean;
  /** The two runs gave different levels; this is the lower one. */
  uncertain?: boolean;
}

/** The judge's verdict on one red flag of the step: it costs points only when `stated`. */
export interface FlagVerdict {
  flagId: string;
  title: string;
  why: string;
  severity: RedFlagSeverity;
  stated: boolean;
  evidence: Evidence | null;
  reason: string;
  rejected: Rejection | null;
  /** One run found it stated and the other did not; it is not counted. */
  uncertain?: boolean;
}

/** The judge's grade of the reaction to a curveball. */
export interface CurveballVerdict {
  curveballId: string;
  /** How many ideas a good reaction has. */
  ideas: number;
  /** Indexes (from 0) of the ideas covered. */
  covered: number[];
  /** Share of the ideas covered, 0..1. */
  share: number;
  /** Share of the curveball's weight earned: as the offline scorer, full at `CURVEBALL_FULL_SHARE`. */
  credit: number;
  evidence: Evidence | null;
  reason: string;
  rejected: Rejection | null;
  /** The two runs found different ideas covered; only those both found count. */
  uncertain?: boolean;
}

/** Everything the judge decided about one step, after checks (and after both runs, when there were two). */
export interface StepVerdicts {
  points: PointVerdict[];
  redFlags: FlagVerdict[];
  curveballs: CurveballVerdict[];
  /**
   * Runs behind these verdicts: 2; 1 when the first found nothing a second could confirm; 0 when
   * there was nothing to ask (no candidate text).
   */
  runs: 0 | 1 | 2;
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
  const missed = (rejected: Rejection | null = null): PointVerdict => ({
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
  const quote = checkQuote(raw.quote, turnOf(raw.turn), sources);
  if (!quote.ok) return missed(quote.reason);
  return {
    pointId: point.id,
    level: raw.level,
    credit: round3(credit),
    evidence: quote.evidence,
    reason: raw.reason,
    rejected: null,
    clamped: credit !== raw.credit,
  };
}

/** A red flag counts only when the model says it was stated in earnest and quotes the candidate saying it. */
export function settleRedFlag(
  flag: CompiledRedFlag,
  raw: JudgeFlagOutput,
  sources: readonly QuoteSource[],
): FlagVerdict {
  const base = {
    flagId: flag.id,
    title: flag.title,
    why: flag.why,
    severity: flag.severity,
    reason: raw.reason,
  };
  if (raw.said !== 'stated') return { ...base, stated: false, evidence: null, rejected: null };
  const quote = checkQuote(raw.quote, turnOf(raw.turn), sources);
  if (!quote.ok) return { ...base, stated: false, evidence: null, rejected: quote.reason };
  return { ...base, stated: true, evidence: quote.evidence, rejected: null };
}

/**
 * The ideas the model says the reaction covered, kept only when its quote is found in the
 * reaction (the candidate's answers after the curveball); numbers that name no idea are dropped.
 */
export function settleCurveball(
  ball: AskedCurveball,
  raw: JudgeCurveballOutput,
  sources: readonly QuoteSource[],
): CurveballVerdict {
  const covered = [...new Set(raw.covered.map((n) => Math.round(n) - 1))]
    .filter((index) => index >= 0 && index < ball.ideas.length)
    .sort((a, b) => a - b);
  const none = (rejected: Rejection | null): CurveballVerdict => ({
    curveballId: ball.id,
    ideas: ball.ideas.length,
    covered: [],
    share: 0,
    credit: 0,
    evidence: null,
    reason: raw.reason,
    rejected,
  });
  if (covered.length === 0) return none(null);
  const reaction = sources.filter(
    (source) => source.turnIndex !== null && ball.reaction.includes(source.turnIndex),
  );
  const quote = checkQuote(raw.quote, turnOf(raw.turn), reaction);
  if (!quote.ok) return none(quote.reason);
  return { ...none(null), ...curveballCredit(covered, ball.ideas.length), evidence: quote.evidence };
}

/** The model's entries for a step, checked: quotes found in the candidate's own text, or nothing. */
export function settleStep(
  ask: StepAsk,
  output: JudgeStepOutput,
  sources: readonly QuoteSource[],
): StepVerdicts {
  // parseJudgeReply made sure every asked id has an entry.
  return {
    points: ask.points.map((point) =>
      settlePoint(point, output.points.find((entry) => entry.pointId === point.id)!, sources),
    ),
    redFlags: ask.redFlags.map((flag) =>
      settleRedFlag(flag, output.redFlags!.find((entry) => entry.flagId === flag.id)!, sources),
    ),
    curveballs: ask.curveballs.map((ball) =>
      settleCurveball(ball, output.curveballs!.find((entry) => entry.curveballId === ball.id)!, sources),
    ),
    runs: 1,
  };
}

/** Share and credit of a set of covered ideas, by the offline scorer's rule. */
export function curveballCredit(
  covered: readonly number[],
  ideas: number,
): { covered: number[]; share: number; credit: number } {
  const share = ideas === 0 ? 0 : covered.length / ideas;
  return {
    covered: [...covered],
    share: round3(share),
    credit: round3(Math.min(1, share / CURVEBALL_FULL_SHARE)),
  };
}

function turnOf(turn: number | null): number | null {
  return turn === null ? null : Math.round(turn);
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
