import type { SessionSummary } from '@mlsd/protocol';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Insights } from './insights.tsx';

const session: SessionSummary = {
  id: 's1',
  caseId: 'ads',
  caseTitle: 'Ads',
  durationMinutes: 45,
  interviewer: 'offline',
  level: 'senior',
  persona: 'neutral',
  status: 'ended',
  createdAt: 1,
  endedAt: 2,
  reportId: 's1',
  overall: 20,
  stepScores: { requirements: 60, framing: 30, data: 45 },
};

describe('Insights', () => {
  it('averages reached steps only and says how many were reached', () => {
    const html = renderToStaticMarkup(<Insights sessions={[session]} cases={[]} />);
    expect(html).toContain('3 of 7 steps reached; unreached steps are not averaged.');
    // Framing is the weakest reached step; the four unreached steps are not 0s below it.
    expect(html).toMatch(/Framing <span class="muted">averages 30\/100 over 1 interview/);
    expect(html).not.toContain('Monitoring');
  });
});
