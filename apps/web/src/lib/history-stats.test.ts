import type { CaseSummary, SessionSummary } from '@mlsd/protocol';
import { describe, expect, it } from 'vitest';
import {
  filterByLevel,
  levelsIn,
  mixedLevelsNote,
  reachNote,
  scoreSeries,
  sessionsMissing,
  stepAverages,
  stepsReached,
  suggestNextCase,
  weakestStep,
} from './history-stats.ts';

const caseOf = (id: string): CaseSummary => ({
  id,
  title: id.toUpperCase(),
  summary: '',
  levels: ['mid'],
  tags: [],
});

function session(
  id: string,
  caseId: string,
  createdAt: number,
  overall: number | null,
  stepScores: SessionSummary['stepScores'] = null,
): SessionSummary {
  return {
    id,
    caseId,
    caseTitle: caseId.toUpperCase(),
    durationMinutes: 45,
    interviewer: 'offline',
    level: 'senior',
    persona: 'neutral',
    status: overall === null ? 'active' : 'ended',
    createdAt,
    endedAt: overall === null ? null : createdAt + 10,
    reportId: overall === null ? null : `r-${id}`,
    overall,
    stepScores,
  };
}

const sessions = [
  session('s3', 'ads', 300, 70, { requirements: 80, framing: 40, data: 60 }),
  session('s1', 'ads', 100, 50, { requirements: 60, framing: 30 }),
  session('s2', 'feed', 200, 40, { requirements: 50, framing: 70 }),
  session('s4', 'feed', 400, null),
];

describe('history stats', () => {
  it('draws one series per case in time order, skipping unscored sessions', () => {
    expect(scoreSeries(sessions, 'overall')).toEqual([
      {
        key: 'ads:senior',
        caseId: 'ads',
        caseTitle: 'ADS',
        level: 'senior',
        points: [
          { at: 110, score: 50, sessionId: 's1' },
          { at: 310, score: 70, sessionId: 's3' },
        ],
      },
      {
        key: 'feed:senior',
        caseId: 'feed',
        caseTitle: 'FEED',
        level: 'senior',
        points: [{ at: 210, score: 40, sessionId: 's2' }],
      },
    ]);
    expect(scoreSeries(sessions, 'data').map((s) => s.points.length)).toEqual([1]);
  });

  it('never joins scores at different levels into one line', () => {
    const staff = { ...session('s5', 'ads', 500, 30), level: 'staff' as const };
    const series = scoreSeries([...sessions, staff], 'overall');
    expect(series.map((s) => s.key)).toEqual(['ads:senior', 'feed:senior', 'ads:staff']);
    expect(series[2]?.points).toEqual([{ at: 510, score: 30, sessionId: 's5' }]);
  });

  it('filters by level and says when averages would mix levels', () => {
    const staff = { ...session('s5', 'ads', 500, 30), level: 'staff' as const };
    const mid = { ...session('s6', 'ads', 600, null), level: 'mid' as const };
    const all = [...sessions, staff, mid];
    expect(levelsIn(all)).toEqual(['mid', 'senior', 'staff']);
    expect(filterByLevel(all, 'staff').map((s) => s.id)).toEqual(['s5']);
    expect(filterByLevel(all, 'all')).toHaveLength(6);
    // The unscored mid session does not count: it has no score to mix.
    expect(mixedLevelsNote(all)).toBe(
      'These averages mix levels: 3 senior, 1 staff. Pick a level to compare like with like.',
    );
    expect(mixedLevelsNote(sessions)).toBeNull();
    expect(mixedLevelsNote(filterByLevel(all, 'staff'))).toBeNull();
  });

  it('averages each step and finds the weakest', () => {
    expect(stepAverages(sessions)).toEqual([
      { step: 'requirements', average: 190 / 3, count: 3 },
      { step: 'framing', average: 140 / 3, count: 3 },
      { step: 'data', average: 60, count: 1 },
    ]);
    expect(weakestStep(sessions)?.step).toBe('framing');
    expect(weakestStep([])).toBeNull();
  });

  it('suggests an untried case first, then the lowest-scoring one', () => {
    expect(suggestNextCase([caseOf('ads'), caseOf('feed'), caseOf('fraud')], sessions)?.case.id).toBe(
      'fraud',
    );
    const suggestion = suggestNextCase([caseOf('ads'), caseOf('feed')], sessions);
    expect(suggestion?.case.id).toBe('feed');
    expect(suggestion?.reason).toContain('40/100');
    expect(suggestNextCase([], sessions)).toBeNull();
  });

  it('leaves unreached steps out of averages and trends, and says so', () => {
    // s1 never reached data: its data step is absent, not a 0 pulling the average down.
    expect(stepAverages(sessions).find((a) => a.step === 'data')).toEqual({
      step: 'data',
      average: 60,
      count: 1,
    });
    expect(sessionsMissing(sessions, 'data')).toBe(2);
    expect(stepsReached(sessions[0] as SessionSummary)).toBe(3);
    expect(stepsReached(sessions[3] as SessionSummary)).toBeNull();
    expect(reachNote([sessions[0] as SessionSummary])).toBe(
      '3 of 7 steps reached; unreached steps are not averaged.',
    );
    expect(reachNote(sessions)).toBe(
      '3 of 3 interviews ended before the last step; unreached steps are not averaged.',
    );
    const all = { requirements: 1, framing: 1, data: 1, model: 1, evaluation: 1, serving: 1, monitoring: 1 };
    expect(reachNote([session('s9', 'ads', 1, 50, all)])).toBeNull();
  });
});
