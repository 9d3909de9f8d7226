import type { VerdictComparison } from '@mlsd/protocol';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { JudgeComparison } from './judge-comparison.tsx';

const comparison: VerdictComparison = {
  overall: { offline: 41.2, judge: 55.6, delta: 14.4 },
  hireSignal: { offline: 'lean-no-hire', judge: 'hire' },
  steps: [
    {
      id: 'requirements',
      title: 'Clarifying requirements',
      offlineScore: 40,
      judgeScore: 60,
      disagreements: 1,
      points: [],
    },
    { id: 'framing', title: 'Framing', offlineScore: 30, judgeScore: 30, disagreements: 0, points: [] },
  ],
  disagreements: [
    {
      step: 'requirements',
      pointId: 'scale',
      title: 'Scale and latency',
      weight: 2,
      offline: { level: 'missed', credit: 0, evidence: null },
      judge: {
        level: 'explained',
        credit: 0.9,
        evidence: { quote: '150k QPS <b>peak</b>', turnIndex: 3 },
      },
      agreement: 'judge-only',
      creditDelta: 0.9,
    },
  ],
};

describe('JudgeComparison', () => {
  const html = renderToStaticMarkup(<JudgeComparison comparison={comparison} onShowTurn={() => {}} />);

  it('shows which scorer produced each number, overall and per step', () => {
    expect(html).toContain('Offline matcher');
    expect(html).toContain('Model judge');
    expect(html).toContain('41 · Lean no hire');
    expect(html).toContain('56 · Hire');
    expect(html).toContain('(+14)');
    expect(html).toMatch(/Clarifying requirements<\/th><td>40<\/td><td>60<\/td>/);
  });

  it('marks disagreements and quotes the candidate as text', () => {
    expect(html).toContain('≠ 1');
    expect(html).toContain('only the judge credits it');
    expect(html).toContain('150k QPS &lt;b&gt;peak&lt;/b&gt;');
    expect(html).not.toContain('<b>peak');
    expect(html.match(/compare__row--differs/g)).toHaveLength(1);
  });
});
