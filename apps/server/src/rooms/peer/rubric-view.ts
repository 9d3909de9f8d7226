import type { ConsoleFact, ConsoleStep, PeerCoverage, Report, SessionLevel } from '@mlsd/protocol';
import type { CaseStudy, Framework } from '@mlsd/rubric';
import { expectedAt, stepPoints } from '@mlsd/scoring';

/**
 * The interviewer's answer key for a case: every step's opening, talking points (case first,
 * then the framework's generic ones, as they are scored), curveballs and red flags, and the
 * case facts. Points expected only above `level` are marked `bonus`. Only ever sent to an
 * interviewer seat.
 */
export function consoleSteps(caseStudy: CaseStudy, framework: Framework, level: SessionLevel): ConsoleStep[] {
  return framework.steps.map((step) => {
    const caseStep = caseStudy.steps[step.id];
    return {
      id: step.id,
      title: step.title,
      purpose: step.purpose,
      opening: caseStep.opening,
      points: stepPoints(caseStudy, framework, step.id).map((point) => ({
        id: point.id,
        title: point.title,
        weight: point.weight,
        probe: point.probe,
        strong: point.strong,
        ...(expectedAt(point, level) ? {} : { bonus: true as const }),
      })),
      curveballs: caseStudy.curveballs
        .filter((ball) => ball.step === step.id)
        .map((ball) => ({ id: ball.id, text: ball.text, expects: ball.expects })),
      redFlags: caseStep.redFlags.map((flag) => ({ id: flag.id, title: flag.title, why: flag.why })),
    };
  });
}

export function consoleFacts(caseStudy: CaseStudy): ConsoleFact[] {
  return caseStudy.facts.map((fact) => ({ id: fact.id, cues: fact.cues, answer: fact.answer }));
}

/** Live coverage for the console, read off the automatic report of the transcript so far. */
export function coverageOf(report: Report): PeerCoverage {
  const points: PeerCoverage['points'] = {};
  const stepScores: PeerCoverage['stepScores'] = {};
  for (const step of report.steps) {
    stepScores[step.id] = step.score;
    for (const point of step.missed) points[point.pointId] = { level: 'missed', credit: 0, quote: null };
    for (const point of step.covered) {
      points[point.pointId] = { level: point.level, credit: point.credit, quote: point.evidence.quote };
    }
  }
  return { points, stepScores };
}

/** Coverage before anything was said: every expected point missed (a bonus is never missing). */
export function emptyCoverage(steps: ConsoleStep[]): PeerCoverage {
  const points: PeerCoverage['points'] = {};
  const stepScores: PeerCoverage['stepScores'] = {};
  for (const step of steps) {
    stepScores[step.id] = 0;
    for (const point of step.points) {
      if (!point.bonus) points[point.id] = { level: 'missed', credit: 0, quote: null };
    }
  }
  return { points, stepScores };
}
