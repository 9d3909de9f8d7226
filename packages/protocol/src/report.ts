import * as z from '#zod';
import { HintLevel, Persona, SessionLevel, StepId } from './common.ts';

export const HireSignal = z.enum(['strong-hire', 'hire', 'lean-no-hire', 'no-hire']);
export type HireSignal = z.infer<typeof HireSignal>;

/** Which scorer produced a verdict. */
export const ScorerKind = z.enum(['offline', 'judge', 'human']);
export type ScorerKind = z.infer<typeof ScorerKind>;

export const Evidence = z.object({
  /** Verbatim candidate text: always a substring of the turn (or notes) it points at. */
  quote: z.string(),
  /** Index of the turn in the transcript, or null when the quote comes from the notes pad. */
  turnIndex: z.nullable(z.number().check(z.int())),
});
export type Evidence = z.infer<typeof Evidence>;

/** Candidate text that nearly earned a point (or the next level), and why it did not. */
export const NearMiss = z.object({ ...Evidence.shape, why: z.string() });
export type NearMiss = z.infer<typeof NearMiss>;

export const CoveredPoint = z.object({
  pointId: z.string(),
  title: z.string(),
  weight: z.number(),
  level: z.enum(['mentioned', 'explained']),
  /** Share of the point's weight earned, 0..1, after any hint discount (`afterHint.factor`). */
  credit: z.number().check(z.gte(0), z.lte(1)),
  evidence: Evidence,
  /**
   * True when the candidate raised it before the interviewer asked about it (a probe, a follow-up
   * or a hint about this point; a challenge does not count).
   */
  unprompted: z.boolean(),
  /** The strongest hint that steered to this point before the candidate first said it. */
  afterHint: z.optional(z.object({ level: HintLevel, factor: z.number().check(z.gte(0), z.lte(1)) })),
  /** Why the point stayed at `mentioned`, when the matcher can say. */
  nearMiss: z.optional(NearMiss),
  /**
   * The point is expected only above the session's level (a staff point in a senior session): its
   * credit is a bonus on top of the step's expected points, and leaving it out costs nothing.
   */
  beyondLevel: z.optional(z.literal(true)),
});
export type CoveredPoint = z.infer<typeof CoveredPoint>;

export const MissedPoint = z.object({
  pointId: z.string(),
  title: z.string(),
  weight: z.number(),
  /** What a strong answer says. */
  strong: z.string(),
  /** In a staff session: what a staff-level answer adds (scope, cost, roadmap, risk), when the rubric says. */
  staff: z.optional(z.string()),
  /** The closest thing the candidate said, and why it did not count, when the matcher can say. */
  nearMiss: z.optional(NearMiss),
});
export type MissedPoint = z.infer<typeof MissedPoint>;

export const RedFlagSeverity = z.enum(['minor', 'major', 'severe']);
export type RedFlagSeverity = z.infer<typeof RedFlagSeverity>;

export const RedFlagHit = z.object({
  id: z.string(),
  title: z.string(),
  why: z.string(),
  evidence: Evidence,
  /** Absent in reports made before red flags cost points. */
  severity: z.optional(RedFlagSeverity),
  /** Step points this flag takes off `contentScore` (the step score is floored at 0). */
  deduction: z.optional(z.number().check(z.gte(0))),
  /** The candidate's words taking it back within two messages: the flag then costs half. */
  takenBack: z.optional(Evidence),
});
export type RedFlagHit = z.infer<typeof RedFlagHit>;

/** How the candidate reacted to a curveball, graded against what a good reaction covers. */
export const CurveballResult = z.object({
  id: z.string(),
  /** What the interviewer threw (the rubric's wording). */
  text: z.string(),
  /** What a good reaction covers. */
  expects: z.string(),
  /** Index of the interviewer turn that threw it. */
  turnIndex: z.number().check(z.int()),
  /** The ideas of `expects` the reaction covered, and the ones it did not. */
  covered: z.array(z.string()),
  missing: z.array(z.string()),
  /** Share of the ideas covered, 0..1. */
  share: z.number().check(z.gte(0), z.lte(1)),
  /** Weight it carries in the step score, as a talking point's weight would. */
  weight: z.number(),
  /** Share of that weight earned, 0..1. */
  credit: z.number().check(z.gte(0), z.lte(1)),
  /** The candidate's sentence that covered the most; null when the reaction covered nothing. */
  evidence: z.nullable(Evidence),
});
export type CurveballResult = z.infer<typeof CurveballResult>;

/** What the interviewer did in a step besides opening it: how much help the candidate needed. */
export const StepInterventions = z.object({
  probes: z.number().check(z.int(), z.gte(0)),
  followUps: z.number().check(z.int(), z.gte(0)),
  hints: z.number().check(z.int(), z.gte(0)),
  challenges: z.number().check(z.int(), z.gte(0)),
});
export type StepInterventions = z.infer<typeof StepInterventions>;

export const StepReport = z.object({
  id: StepId,
  title: z.string(),
  /**
   * 0..100: `contentScore` minus the red flags' deductions, floored at 0; 0 when the step was not
   * reached.
   */
  score: z.number().check(z.gte(0), z.lte(100)),
  /** 0..100: what the points (and graded curveballs) earned, before red flags; absent in older reports. */
  contentScore: z.optional(z.number().check(z.gte(0), z.lte(100))),
  /** In a step that was not reached: points raised early, shown but not scored. */
  covered: z.array(CoveredPoint),
  missed: z.array(MissedPoint),
  redFlags: z.array(RedFlagHit),
  /** Curveballs thrown in this step; absent in older reports. */
  curveballs: z.optional(z.array(CurveballResult)),
  interventions: z.optional(StepInterventions),
  /** Time spent in the step and its budget, in ms; null when the transcript carries no times. */
  usedMs: z.nullable(z.number()),
  budgetMs: z.number(),
  /** The interview got to this step. An unreached step scores 0 and history does not average it. */
  reached: z.boolean(),
});
export type StepReport = z.infer<typeof StepReport>;

export const ReportFlag = z.object({
  kind: z.enum(['grader-directed', 'empty-transcript', 'judge-failed', 'degraded', 'ignored-input']),
  message: z.string(),
  evidence: z.optional(Evidence),
});
export type ReportFlag = z.infer<typeof ReportFlag>;

/** What one scorer said about a talking point, in the comparison. */
export const ScorerView = z.object({
  level: z.enum(['missed', 'mentioned', 'explained']),
  /** Share of the point's weight earned, 0..1. */
  credit: z.number().check(z.gte(0), z.lte(1)),
  evidence: z.nullable(Evidence),
  /**
   * Judge only: its two runs gave the point different levels, and the lower one is shown. Absent
   * in reports made before the judge ran twice.
   */
  uncertain: z.optional(z.boolean()),
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

/**
 * A red flag either scorer found. `agree`: both found it or neither did (only a judge run that
 * found it alone, `uncertain`, lists such a flag); otherwise which one found it.
 */
export const RedFlagComparison = z.object({
  id: z.string(),
  title: z.string(),
  severity: RedFlagSeverity,
  /** Step points the flag costs where it counts. */
  deduction: z.number().check(z.gte(0)),
  offline: z.nullable(Evidence),
  judge: z.nullable(Evidence),
  agreement: z.enum(['agree', 'judge-only', 'offline-only']),
  /** Only one of the judge's two runs found it; it costs nothing in the judge's score. */
  uncertain: z.optional(z.boolean()),
});
export type RedFlagComparison = z.infer<typeof RedFlagComparison>;

/** What one scorer made of the reaction to a curveball. */
export const CurveballView = z.object({
  /** The ideas of `expects` it found covered. */
  covered: z.array(z.string()),
  share: z.number().check(z.gte(0), z.lte(1)),
  credit: z.number().check(z.gte(0), z.lte(1)),
  evidence: z.nullable(Evidence),
  /** Judge only: its two runs found different ideas covered; only those both found count. */
  uncertain: z.optional(z.boolean()),
});
export type CurveballView = z.infer<typeof CurveballView>;

/** A thrown curveball as both scorers graded it; `agree` when they found the same ideas covered. */
export const CurveballComparison = z.object({
  id: z.string(),
  text: z.string(),
  /** Weight in the step score (0 when the candidate never answered it). */
  weight: z.number(),
  offline: CurveballView,
  judge: CurveballView,
  agreement: z.enum(['agree', 'differs']),
  /** Judge credit minus offline credit (-1..1). */
  creditDelta: z.number(),
});
export type CurveballComparison = z.infer<typeof CurveballComparison>;

export const StepComparison = z.object({
  id: StepId,
  title: z.string(),
  offlineScore: z.number(),
  judgeScore: z.number(),
  points: z.array(PointComparison),
  /** Talking points the two disagree on (red flags and curveballs are counted apart). */
  disagreements: z.number().check(z.int(), z.gte(0)),
  /** Absent in reports made before the judge graded red flags and curveballs. */
  redFlags: z.optional(z.array(RedFlagComparison)),
  curveballs: z.optional(z.array(CurveballComparison)),
});
export type StepComparison = z.infer<typeof StepComparison>;

/** The offline scorer and the model judge side by side: per point, per step and overall. */
export const VerdictComparison = z.object({
  overall: z.object({ offline: z.number(), judge: z.number(), delta: z.number() }),
  hireSignal: z.object({ offline: HireSignal, judge: HireSignal }),
  steps: z.array(StepComparison),
  /** Points where the two disagree, biggest weighted credit gap first. */
  disagreements: z.array(z.object({ ...PointComparison.shape, step: StepId })),
  /** Red flags one found and the other did not, or the judge's runs split on; costliest first. */
  redFlagDisagreements: z.optional(z.array(z.object({ ...RedFlagComparison.shape, step: StepId }))),
  /** Curveballs graded differently, biggest weighted credit gap first. */
  curveballDisagreements: z.optional(z.array(z.object({ ...CurveballComparison.shape, step: StepId }))),
});
export type VerdictComparison = z.infer<typeof VerdictComparison>;

export const Report = z.object({
  version: z.literal(1),
  caseId: z.string(),
  caseTitle: z.string(),
  sessionId: z.nullable(z.string()),
  createdAt: z.number(),
  scorer: ScorerKind,
  /** 0..100, on a careful human's scale (`stepsWeighted` mapped onto it). */
  overall: z.number().check(z.gte(0), z.lte(100)),
  /**
   * The steps' scores weighted by their minutes, 0..100, before the calibration to a human's scale
   * (packages/scoring/src/overall-scale.ts), for either scorer. Absent in reports made before the
   * calibration (their overall was this number).
   */
  stepsWeighted: z.optional(z.number().check(z.gte(0), z.lte(100))),
  hireSignal: HireSignal,
  steps: z.array(StepReport),
  /** Share of credited points the candidate raised before being probed, 0..1; null when none were credited. */
  unpromptedShare: z.nullable(z.number().check(z.gte(0), z.lte(1))),
  flags: z.array(ReportFlag),
  /** The level the session was judged at; absent in reports made before levels (judged as senior). */
  level: z.optional(SessionLevel),
  /** The interviewer's manner; absent when there was none to choose (a peer room, a transcript file, older reports). */
  persona: z.optional(Persona),
  /**
   * Total time the interview clock stood paused, in ms (not charged to any step). Absent in
   * reports built before pausing was recorded, and in reports of a transcript file.
   */
  pausedMs: z.optional(z.number().check(z.int(), z.gte(0))),
  /**
   * When a model judge graded the session: both scorers side by side (the headline numbers above
   * are the judge's, `scorer: 'judge'`). Null or absent when only one scorer ran.
   */
  comparison: z.optional(z.nullable(VerdictComparison)),
});
export type Report = z.infer<typeof Report>;
