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
