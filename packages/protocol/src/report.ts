import { z } from 'zod';
import { StepId } from './common.ts';

export const HireSignal = z.enum(['strong-hire', 'hire', 'lean-no-hire', 'no-hire']);
export type HireSignal = z.infer<typeof HireSignal>;

/** Which scorer produced a verdict. */
export const ScorerKind = z.enum(['offline', 'judge', 'human']);
export type ScorerKind = z.infer<typeof ScorerKind>;

export const Evidence = z.object({
  /** Verbatim candidate text: always a substring of the turn (or notes) it points at. */
  quote: z.string(),
  /** Index of the turn in the transcript, or null when the quote comes from the notes pad. */
  turnIndex: z.number().int().nullable(),
});
export type Evidence = z.infer<typeof Evidence>;

export const CoveredPoint = z.object({
  pointId: z.string(),
  title: z.string(),
  weight: z.number(),
  level: z.enum(['mentioned', 'explained']),
  /** Share of the point's weight earned, 0..1. */
  credit: z.number().min(0).max(1),
  evidence: Evidence,
  /** True when the candidate raised it before the interviewer probed for it. */
  unprompted: z.boolean(),
});
export type CoveredPoint = z.infer<typeof CoveredPoint>;

export const MissedPoint = z.object({
  pointId: z.string(),
  title: z.string(),
  weight: z.number(),
  /** What a strong answer says. */
  strong: z.string(),
});
export type MissedPoint = z.infer<typeof MissedPoint>;

export const RedFlagHit = z.object({
  id: z.string(),
  title: z.string(),
  why: z.string(),
  evidence: Evidence,
});

export const StepReport = z.object({
  id: StepId,
  title: z.string(),
  /** 0..100 */
  score: z.number().min(0).max(100),
  covered: z.array(CoveredPoint),
  missed: z.array(MissedPoint),
  redFlags: z.array(RedFlagHit),
  /** Time spent in the step and its budget, in ms; null when the transcript carries no times. */
  usedMs: z.number().nullable(),
  budgetMs: z.number(),
  reached: z.boolean(),
});
export type StepReport = z.infer<typeof StepReport>;

export const ReportFlag = z.object({
  kind: z.enum(['grader-directed', 'empty-transcript', 'judge-failed', 'degraded']),
  message: z.string(),
  evidence: Evidence.optional(),
});
export type ReportFlag = z.infer<typeof ReportFlag>;

/** What one scorer said about a talking point, in the comparison. */
export const ScorerView = z.object({
  level: z.enum(['missed', 'mentioned', 'explained']),
  /** Share of the point's weight earned, 0..1. */
  credit: z.number().min(0).max(1),
  evidence: Evidence.nullable(),
});
export type ScorerView = z.infer<typeof ScorerView>;

/**
 * - `agree`: same level
 * - `judge-only` / `offline-only`: one credited the point, the other found nothing
 * - `level`: both credited it, at different levels (mentioned vs explained)
 */
export const Agreement = z.enum(['agree', 'judge-only', 'offline-only', 'level']);
export type Agreement = z.infer<typeof Agreement>;

export const PointComparison = z.object({
  pointId: z.string(),
  title: z.string(),
  weight: z.number(),
  offline: ScorerView,
  judge: ScorerView,
  agreement: Agreement,
  /** Judge credit minus offline credit, as shares of the point's weight (-1..1). */
  creditDelta: z.number(),
});
export type PointComparison = z.infer<typeof PointComparison>;

export const StepComparison = z.object({
  id: StepId,
  title: z.string(),
  offlineScore: z.number(),
  judgeScore: z.number(),
  points: z.array(PointComparison),
  disagreements: z.number().int().min(0),
});
export type StepComparison = z.infer<typeof StepComparison>;

/** The offline scorer and the model judge side by side: per point, per step and overall. */
export const VerdictComparison = z.object({
  overall: z.object({ offline: z.number(), judge: z.number(), delta: z.number() }),
  hireSignal: z.object({ offline: HireSignal, judge: HireSignal }),
  steps: z.array(StepComparison),
  /** Points where the two disagree, biggest weighted credit gap first. */
  disagreements: z.array(PointComparison.extend({ step: StepId })),
});
export type VerdictComparison = z.infer<typeof VerdictComparison>;

export const Report = z.object({
  version: z.literal(1),
  caseId: z.string(),
  caseTitle: z.string(),
  sessionId: z.string().nullable(),
  createdAt: z.number(),
  scorer: ScorerKind,
  /** 0..100 */
  overall: z.number().min(0).max(100),
  hireSignal: HireSignal,
  steps: z.array(StepReport),
  /** Share of credited points the candidate raised before being probed, 0..1; null when none were credited. */
  unpromptedShare: z.number().min(0).max(1).nullable(),
  flags: z.array(ReportFlag),
  /**
   * When a model judge graded the session: both scorers side by side (the headline numbers above
   * are the judge's, `scorer: 'judge'`). Null or absent when only one scorer ran.
   */
  comparison: VerdictComparison.nullable().optional(),
});
export type Report = z.infer<typeof Report>;
