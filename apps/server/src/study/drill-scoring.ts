import type { DrillCreditedPoint, DrillMissedPoint, DrillRedFlagHit } from '@mlsd/protocol';
import {
  type CaseStep,
  type CaseStudy,
  type DrillCard,
  type Framework,
  STEP_IDS,
  type StepId,
} from '@mlsd/rubric';
import { scoreSession } from '@mlsd/scoring';

/** A drill answer as the offline scorer reads it: one interview step's worth of points. */
export interface ScoredDrill {
  score: number;
  credited: DrillCreditedPoint[];
  missed: DrillMissedPoint[];
  redFlags: DrillRedFlagHit[];
}

/**
 * Scores a drill answer with the interview scorer, as one step of a one-question interview: the
 * card's question is the interviewer's turn (so echoing it earns nothing, as in a session), the
 * answer the candidate's. The step holds only the card's points and red flags; every other step and
 * the framework's generic points are empty, so nothing outside the card can be credited.
 */
export class DrillScorer {
  readonly #framework: Framework;
  readonly #studies = new Map<string, CaseStudy>();

  constructor(framework: Framework) {
    // The framework's step titles and minutes stay; its generic points do not apply to a drill.
    this.#framework = { steps: framework.steps.map((step) => ({ ...step, points: [] })) };
  }

  score(card: DrillCard, answer: string, grounding?: CaseStudy): ScoredDrill {
    const study = this.#study(card, grounding);
    const report = scoreSession({
      study,
      framework: this.#framework,
      turns: [
        { role: 'interviewer', text: card.question, step: card.step, atMs: 0 },
        { role: 'candidate', text: answer, step: card.step, atMs: 1 },
      ],
      now: 0,
    });
    const step = report.steps.find((each) => each.id === card.step);
    if (!step) throw new Error(`the scorer returned no "${card.step}" step for drill "${card.id}"`);
    return {
      score: Math.round(step.score),
      credited: step.covered.map((point) => ({
        pointId: point.pointId,
        title: point.title,
        weight: point.weight,
        level: point.level,
        credit: point.credit,
        quote: point.evidence.quote,
        ...(point.nearMiss ? { nearMiss: point.nearMiss } : {}),
      })),
      missed: step.missed.map((point) => ({
        pointId: point.pointId,
        title: point.title,
        weight: point.weight,
        strong: point.strong,
        ...(point.nearMiss ? { nearMiss: point.nearMiss } : {}),
      })),
      redFlags: step.redFlags.map((flag) => ({
        id: flag.id,
        title: flag.title,
        why: flag.why,
        quote: flag.evidence.quote,
      })),
    };
  }

  /**
   * The card as a case of one step, made once per card: the scorer compiles and caches per case
   * object. A case card keeps its case's prompt and facts, whose words make an answer specific.
   */
  #study(card: DrillCard, grounding: CaseStudy | undefined): CaseStudy {
    const cached = this.#studies.get(card.id);
    if (cached) return cached;
    const steps = Object.fromEntries(
      STEP_IDS.map((id: StepId): [StepId, CaseStep] => [
        id,
        id === card.step
          ? { opening: card.question, points: card.points, redFlags: card.redFlags, notApplicable: [] }
          : { opening: card.question, points: [], redFlags: [], notApplicable: [] },
      ]),
    ) as CaseStudy['steps'];
    const study: CaseStudy = {
      id: `drill-${card.id}`,
      title: card.title,
      summary: card.title,
      levels: ['mid', 'senior', 'staff'],
      tags: ['drill'],
      prompt: grounding ? `${grounding.prompt}\n${card.question}` : card.question,
      facts: grounding?.facts ?? [],
      steps,
      curveballs: [],
    };
    this.#studies.set(card.id, study);
    return study;
  }
}
