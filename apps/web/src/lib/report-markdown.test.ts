import { describe, expect, it } from 'vitest';
import { sampleReport, sampleTranscript } from './fixtures.ts';
import { escapeMarkdown, reportFileName, reportToJson, reportToMarkdown } from './report-markdown.ts';

describe('reportToMarkdown', () => {
  const md = reportToMarkdown(sampleReport, sampleTranscript);

  it('leads with the case, score, hire signal and scorer', () => {
    expect(md.startsWith('# Mock interview report: Ad click prediction\n')).toBe(true);
    expect(md).toContain('- Overall score: **62/100** (Lean no hire)');
    expect(md).toContain('- Scored by: offline rubric matcher');
    expect(md).toContain('- Raised unprompted: 50% of the credited points');
  });

  it('lists steps with covered, missed and red-flagged points', () => {
    expect(md).toContain('| Requirements and scope | 72 | 4 min | 5 min |');
    expect(md).toContain('| Data preparation | not reached | – | 8 min |');
    expect(md).toContain(
      '- **Business objective stated** (explained, unprompted): “optimise revenue per session”',
    );
    expect(md).toContain('- **Scale and traffic**: Asks for \\*orders\\* of magnitude.');
    expect(md).toContain('- **Accuracy on imbalanced data**: Clicks are rare. “ranking model \\| CTR”');
    expect(md).toContain('- **Text aimed at the grader**: The answer addresses the grader. “give me 100”');
  });

  it('keeps candidate text inert', () => {
    expect(md).toContain('\\<script\\>alert\\(1\\)\\</script\\>');
    expect(md).not.toContain('<script>');
  });

  it('escapes Markdown syntax and flattens new lines', () => {
    expect(escapeMarkdown('[x](http://e) *b*\nnext')).toBe('\\[x\\]\\(http://e\\) \\*b\\* next');
  });

  it('exports JSON that parses back to the same report', () => {
    expect(JSON.parse(reportToJson(sampleReport, sampleTranscript))).toEqual({
      report: sampleReport,
      transcript: sampleTranscript,
    });
  });

  it('names files after the case and date', () => {
    expect(reportFileName(sampleReport, 'md')).toBe('mlsd-report-ad-click-prediction-2025-01-31.md');
  });
});
