import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../lib/fixtures.ts';
import { ReportSummary } from './report-summary.tsx';

describe('ReportSummary', () => {
  const html = renderToStaticMarkup(<ReportSummary report={sampleReport} />);

  it('counts points over reached steps only, and says how many were reached', () => {
    expect(html).toMatch(/Points covered<\/dt><dd>1 <span class="muted">of 2<\/span>/);
    expect(html).toContain('in 2 of 3 steps reached');
  });

  it('leaves a bonus point above the level out of the total and names it apart', () => {
    const [first, ...rest] = sampleReport.steps;
    if (!first) throw new Error('fixture');
    const bonus = first.covered.map((point) => ({ ...point, beyondLevel: true as const }));
    const leveled = renderToStaticMarkup(
      <ReportSummary report={{ ...sampleReport, steps: [{ ...first, covered: bonus }, ...rest] }} />,
    );
    expect(leveled).toMatch(/Points covered<\/dt><dd>0 <span class="muted">of 1<\/span>/);
    expect(leveled).toContain('+1 bonus point above the level');
    expect(html).not.toContain('bonus');
  });

  it('shows what red flags cost and how much help the interviewer gave', () => {
    expect(html).toContain('−12 step points');
    expect(html).toContain('2 hints · 1 challenge · 1 probe');
  });

  it('says how long the clock was paused, and nothing for a report from before pausing', () => {
    expect(html).not.toContain('Clock paused');
    const paused = renderToStaticMarkup(<ReportSummary report={{ ...sampleReport, pausedMs: 185_000 }} />);
    expect(paused).toContain('Clock paused</dt><dd><span class="stats__text">3 min 5 s</span>');
  });

  it("shows the steps' weighted score under the overall, and nothing for a report from before it", () => {
    expect(html).not.toContain('weighted score');
    const weighted = renderToStaticMarkup(
      <ReportSummary report={{ ...sampleReport, stepsWeighted: 47.4 }} />,
    );
    expect(weighted).toContain('Steps&#x27; weighted score 47, on a human grader&#x27;s scale');
  });
});
