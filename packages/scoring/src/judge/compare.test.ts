import type { Report, StepReport } from '@mlsd/protocol';
import { describe, expect, it } from 'vitest';
import { compareVerdicts } from './compare.ts';

const evidence = { quote: 'normalized log loss', turnIndex: 3 };
const step = (covered: StepReport['covered'], missed: StepReport['missed'], score: number): StepReport => ({
  id: 'evaluation',
  title: 'Evaluation',
  score,
  covered,
  missed,
  redFlags: [],
  usedMs: null,
  budgetMs: 1,
  reached: true,
});
const point = (pointId: string, level: 'mentioned' | 'explained', credit: number, weight = 2) => ({
  pointId,
  title: pointId,
  weight,
  level,
  credit,
  evidence,
  unprompted: true,
});
const miss = (pointId: string, weight = 2) => ({
  pointId,
  title: pointId,
  weight,
  strong: 'what a strong answer says',
});
const report = (scorer: Report['scorer'], evaluation: StepReport, overall: number): Report => ({
  version: 1,
  caseId: 'c',
  caseTitle: 'C',
  sessionId: null,
  createdAt: 0,
  scorer,
  overall,
  hireSignal: 'no-hire',
  steps: [evaluation],
  unpromptedShare: null,
  flags: [],
});

describe('compareVerdicts', () => {
  const offline = report(
    'offline',
    step([point('a', 'explained', 1), point('b', 'mentioned', 0.3)], [miss('c'), miss('d', 3)], 40),
    40,
  );
  const judge = report(
    'judge',
    step(
      [point('a', 'explained', 0.9), point('c', 'mentioned', 0.2), point('b', 'explained', 0.8)],
      [miss('d', 3)],
      55,
    ),
    55,
  );
  const comparison = compareVerdicts(offline, judge);

  it('puts both verdicts of every point side by side and names each disagreement', () => {
    const byId = Object.fromEntries(
      comparison.steps[0]!.points.map((entry) => [entry.pointId, entry.agreement]),
    );
    expect(byId).toEqual({ a: 'agree', b: 'level', c: 'judge-only', d: 'agree' });
    expect(comparison.steps[0]).toMatchObject({ offlineScore: 40, judgeScore: 55, disagreements: 2 });
    expect(comparison.overall).toEqual({ offline: 40, judge: 55, delta: 15 });
  });

  it('lists disagreements biggest weighted gap first', () => {
    expect(comparison.disagreements.map((entry) => [entry.pointId, entry.creditDelta])).toEqual([
      ['b', 0.5],
      ['c', 0.2],
    ]);
    expect(comparison.disagreements[0]?.step).toBe('evaluation');
  });
});

describe('compareVerdicts on red flags and curveballs', () => {
  const flag = {
    id: 'auc-only',
    title: 'AUC alone',
    why: 'w',
    evidence,
    severity: 'major' as const,
    deduction: 12,
  };
  const ball = {
    id: 'holiday-peak',
    text: 't',
    expects: 'e',
    turnIndex: 2,
    covered: ['fewer candidates'],
    missing: ['caching', 'smaller model'],
    share: 0.333,
    weight: 2,
    credit: 0.667,
    evidence,
  };
  const offline = report('offline', { ...step([], [], 30), redFlags: [flag], curveballs: [ball] }, 30);
  const judge = report(
    'judge',
    {
      ...step([], [], 50),
      curveballs: [
        {
          ...ball,
          covered: [],
          missing: ['fewer candidates', 'caching', 'smaller model'],
          share: 0,
          credit: 0,
          evidence: null,
        },
      ],
    },
    50,
  );
  const split = {
    flagId: 'leaky-split',
    title: 'Random split',
    why: 'w',
    severity: 'severe' as const,
    stated: false,
    evidence: null,
    reason: 'r',
    rejected: null,
    uncertain: true,
  };
  const comparison = compareVerdicts(
    offline,
    judge,
    new Map([['evaluation', { points: [], redFlags: [split], curveballs: [], runs: 2 }]]),
  );

  it('lists a flag only one scorer found, and one the judge runs split on, costliest first', () => {
    expect(comparison.redFlagDisagreements).toEqual([
      expect.objectContaining({
        id: 'leaky-split',
        agreement: 'agree',
        judge: null,
        uncertain: true,
        deduction: 25,
      }),
      expect.objectContaining({ id: 'auc-only', agreement: 'offline-only', offline: evidence, judge: null }),
    ]);
  });

  it('shows a curveball graded differently, with both views', () => {
    expect(comparison.curveballDisagreements).toEqual([
      expect.objectContaining({
        id: 'holiday-peak',
        step: 'evaluation',
        agreement: 'differs',
        creditDelta: -0.667,
        offline: { covered: ['fewer candidates'], share: 0.333, credit: 0.667, evidence },
        judge: { covered: [], share: 0, credit: 0, evidence: null },
      }),
    ]);
    expect(comparison.steps[0]?.disagreements).toBe(0);
  });
});
