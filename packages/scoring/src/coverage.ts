import type { SessionLevel } from '@mlsd/protocol';
import type { CaseStudy, Framework, StepId, TalkingPoint } from '@mlsd/rubric';
import { AnalysisCache } from './analyse.ts';
import { compileRubric } from './compile.ts';
import { weightedScore } from './grading.ts';
import { DEFAULT_LEVEL, expectedAt } from './levels.ts';
import { type Level, matchPoints, type Utterance } from './matcher.ts';

/**
 * A candidate text for live coverage, with the interviewer line it answers and the step it was said
 * in, when known (a point read by its meaning, in everyday words, counts only in its own step; in a
 * text of no known step, only when it is the point the text is most about of all).
 */
export type CoverageText = string | { text: string; inReplyTo?: string; step?: StepId };

export interface PointCoverage {
  pointId: string;
  title: string;
  weight: number;
  level: Level;
  credit: number;
  /** Expected only above the session's level: a bonus, never probed. */
  bonus: boolean;
}

export interface StepCoverage {
  step: StepId;
  /** 0..100, as the report would score the step on these texts. */
  score: number;
  /** Every point of the step, in rubric order. */
  points: PointCoverage[];
  /**
   * Points expected at the session's level with no evidence yet, most important first (weight
   * desc, then rubric order): what to probe.
   */
  uncovered: string[];
  /** Points only named so far, most important first: what to ask "why" about. */
  thin: string[];
}

/**
 * Live coverage of one step from the candidate's texts so far (answers and notes; never the
 * interviewer's words). Evidence may come from any text, whatever step it was said in. Pass the
 * same `cache` on every call of a session so each text is tokenised once.
 */
export function stepCoverage(
  study: CaseStudy,
  framework: Framework,
  step: StepId,
  texts: readonly CoverageText[],
  cache: AnalysisCache = new AnalysisCache(),
  level: SessionLevel = DEFAULT_LEVEL,
): StepCoverage {
  const rubric = compileRubric(study, framework);
  const compiledStep = rubric.steps.find((candidate) => candidate.id === step);
  if (!compiledStep) throw new Error(`unknown step "${step}"`);
  const utterances: Utterance[] = [];
  texts.forEach((entry, index) => {
    const text = typeof entry === 'string' ? entry : entry.text;
    const reply = typeof entry === 'string' ? undefined : entry.inReplyTo;
    if (text.trim() === '') return;
    utterances.push({
      analysis: cache.analysis(text),
      turnIndex: index,
      order: index,
      step: typeof entry === 'string' ? null : (entry.step ?? null),
      prompt: reply === undefined ? null : cache.lemmaSet(reply),
    });
  });
  const matches = matchPoints(rubric, utterances, compiledStep.points);
  const points = matches.map((match) => ({
    pointId: match.point.point.id,
    title: match.point.point.title,
    weight: match.point.point.weight,
    level: match.level,
    credit: match.credit,
    bonus: !expectedAt(match.point.point, level),
  }));
  const byImportance = (wanted: Level) =>
    points
      .map((point, order) => ({ point, order }))
      .filter(({ point }) => point.level === wanted && !point.bonus)
      .sort((a, b) => b.point.weight - a.point.weight || a.order - b.order)
      .map(({ point }) => point.pointId);
  return {
    step,
    score: weightedScore(points),
    points,
    uncovered: byImportance('missed'),
    thin: byImportance('mentioned'),
  };
}

/**
 * The talking points a step is scored on: the case's, then the framework's generic ones whose id
 * the case does not reuse. The interviewer looks up probes here for ids `stepCoverage` returns.
 */
export function stepPoints(study: CaseStudy, framework: Framework, step: StepId): TalkingPoint[] {
  const compiledStep = compileRubric(study, framework).steps.find((candidate) => candidate.id === step);
  return compiledStep ? compiledStep.points.map((point) => point.point) : [];
}

/** A talking point of the case or the framework by id, with the step it is scored in. */
export function findPoint(
  study: CaseStudy,
  framework: Framework,
  pointId: string,
): { step: StepId; point: TalkingPoint } | undefined {
  const found = compileRubric(study, framework).byId.get(pointId);
  return found ? { step: found.step, point: found.point } : undefined;
}
