import type { CoveredPoint, StepReport } from '@mlsd/protocol';
import { describe, expect, it } from 'vitest';
import {
  interventionsText,
  pointCounts,
  promptText,
  scoreBreakdown,
  totalDeduction,
  totalInterventions,
} from './report-text.ts';

const point = (extra: Partial<CoveredPoint>): CoveredPoint => ({
  pointId: 'p',
  title: 'P',
  weight: 3,
  level: 'explained',
  credit: 1,
  evidence: { quote: 'q', turnIndex: 1 },
  unprompted: false,
  ...extra,
});

const step = (extra: Partial<StepReport>): StepReport => ({
  id: 'model',
  title: 'Model',
  score: 30,
  contentScore: 42,
  covered: [],
  missed: [],
  redFlags: [
    {
      id: 'f',
      title: 'F',
      why: 'w',
      evidence: { quote: 'q', turnIndex: 1 },
      severity: 'major',
      deduction: 12,
    },
  ],
  usedMs: null,
  budgetMs: 1,
  reached: true,
  ...extra,
});

describe('report text', () => {
  it('counts expected points apart from bonus points above the level', () => {
    const steps = [
      step({ covered: [point({}), point({ pointId: 'b', beyondLevel: true })] }),
      step({ covered: [point({ pointId: 'c' })] }),
    ];
    expect(pointCounts(steps)).toEqual({ expected: 2, bonus: 1 });
    expect(pointCounts([])).toEqual({ expected: 0, bonus: 0 });
  });

  it('says how a point was reached and what a hint cost', () => {
    expect(promptText(point({ unprompted: true }))).toBe('unprompted');
    expect(promptText(point({}))).toBe('after being asked');
    expect(promptText(point({ afterHint: { level: 3, factor: 0.5 } }))).toBe(
      'after a hint that named it (×0.5 credit)',
    );
    expect(promptText(point({ afterHint: { level: 2, factor: 0.8 } }))).toBe('after a hint (×0.8 credit)');
    expect(promptText(point({ afterHint: { level: 1, factor: 1 } }))).toBe('after a rephrased question');
  });

  it('counts the interviewer help, skipping kinds that did not happen and older reports', () => {
    const counts = { probes: 0, followUps: 1, hints: 2, challenges: 0 };
    expect(interventionsText(counts)).toBe('2 hints · 1 follow-up');
    expect(interventionsText({ probes: 0, followUps: 0, hints: 0, challenges: 0 })).toBeNull();
    expect(interventionsText(undefined)).toBeNull();
    expect(
      totalInterventions([step({ interventions: counts }), step({}), step({ interventions: counts })]),
    ).toEqual({
      probes: 0,
      followUps: 2,
      hints: 4,
      challenges: 0,
    });
  });

  it('breaks a score down only when red flags changed a reached step', () => {
    expect(scoreBreakdown(step({}))).toBe('content 42 − red flags 12 = 30');
    expect(scoreBreakdown(step({ reached: false, score: 0 }))).toBeNull();
    expect(scoreBreakdown(step({ redFlags: [] }))).toBeNull();
    // A report from before red flags cost points (or a judge's step) took nothing off.
    expect(scoreBreakdown(step({ contentScore: undefined }))).toBeNull();
    expect(totalDeduction(step({ contentScore: undefined }))).toBe(0);
    expect(totalDeduction(step({}))).toBe(12);
  });
});
