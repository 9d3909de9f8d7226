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

  it('shows what red flags cost and how much help the interviewer gave', () => {
    expect(html).toContain('−12 step points');
    expect(html).toContain('2 hints · 1 challenge · 1 probe');
  });
});
