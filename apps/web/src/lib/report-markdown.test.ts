import type { Report } from '@mlsd/protocol';
import { describe, expect, it } from 'vitest';
import { sampleComparison } from './comparison-fixture.ts';
import { sampleReport, sampleTranscript } from './fixtures.ts';
import {
  escapeCell,
  escapeMarkdown,
  reportFileName,
  reportToJson,
  reportToMarkdown,
} from './report-markdown.ts';

/** The sample report at a level, with its first covered point a bonus and its first missed point's staff paragraph. */
function leveledReport(extra: Partial<Report>): Report {
  const [first, ...rest] = sampleReport.steps;
  if (!first) throw new Error('the sample report has no steps');
  return {
    ...sampleReport,
    ...extra,
    steps: [
      {
        ...first,
        covered: first.covered.map((point) => ({ ...point, beyondLevel: true as const })),
        missed: first.missed.map((point) => ({
          ...point,
          staff: 'Prices the traffic in *money* per month.',
        })),
      },
      ...rest,
    ],
  };
}

describe('reportToMarkdown levels and personas', () => {
  it('names the level and the persona, and reads an older report as senior', () => {
    expect(reportToMarkdown({ ...sampleReport, level: 'staff', persona: 'tough' })).toContain(
      '- Judged at staff level · tough interviewer\n',
    );
    expect(reportToMarkdown(sampleReport)).toContain('- Judged at senior level\n');
  });

  it('marks a bonus point above the level and adds what a staff answer adds under a missed point', () => {
    const md = reportToMarkdown(leveledReport({ level: 'mid', persona: 'supportive' }));
    expect(md).toContain(
      '- **Business objective stated** (explained, unprompted, above level: bonus): “optimise revenue per session”',
    );
    expect(md).toContain(
      '- **Scale and traffic**: Asks for \\*orders\\* of magnitude.\n  - What a staff answer adds: Prices the traffic in \\*money\\* per month.',
    );
    expect(reportToMarkdown(sampleReport)).not.toContain('above level');
    expect(reportToMarkdown(sampleReport)).not.toContain('What a staff answer adds');
  });
});

describe('reportToMarkdown', () => {
  const md = reportToMarkdown(sampleReport, sampleTranscript);

  it('leads with the case, score, hire signal and scorer', () => {
    expect(md.startsWith('# Mock interview report: Ad click prediction\n')).toBe(true);
    expect(md).toContain('- Overall score: **62/100** (Lean no hire)');
    expect(md).toContain('- Scored by: offline rubric matcher');
    expect(md).toContain('- Raised unprompted: 50% of the credited points');
  });

  it("says the steps' weighted score beside the overall when the report has it, and nothing for older reports", () => {
    expect(reportToMarkdown({ ...sampleReport, stepsWeighted: 41.6 })).toContain(
      "- Steps' weighted score: 42/100 (each step's share of its rubric",
    );
    expect(md).not.toContain("Steps' weighted score");
  });

  it('lists steps with covered, missed and red-flagged points', () => {
    expect(md).toContain('| Requirements and scope | 72 | 4 min | 5 min |');
    expect(md).toContain('| Data preparation | not reached | – | 8 min |');
    expect(md).toContain(
      '- **Business objective stated** (explained, unprompted): “optimise revenue per session”',
    );
    expect(md).toContain('- **Scale and traffic**: Asks for \\*orders\\* of magnitude.');
    expect(md).toContain(
      '- **Accuracy on imbalanced data** (major, −12 points): Clicks are rare. “ranking model | CTR”',
    );
    expect(md).toContain('- **Text aimed at the grader**: The answer addresses the grader. “give me 100”');
  });

  it('shows what red flags cost, the help given, curveballs and unreached steps', () => {
    expect(md).toContain('### 2. Framing as an ML task: 40/100');
    expect(md).toContain('Score: content 52 − red flags 12 = 40');
    expect(md).toContain('Interviewer help: 2 hints · 1 challenge · 1 probe');
    expect(md).toContain(
      '- “Legal says 40% of users may not be profiled.”: covered 50% of a good reaction. A good reaction: Contextual features, a separate slice. “A pointwise ranking model”',
    );
    expect(md).toContain('### 3. Data preparation: not reached (scores 0)');
  });

  describe('with the model judge beside the offline matcher', () => {
    const judged = reportToMarkdown({ ...sampleReport, scorer: 'judge', comparison: sampleComparison });

    it('tabulates both scores and what they disagree on', () => {
      expect(judged).toContain('| Overall | 41 | 56 | 2 points · 2 red flags · 1 curveball |');
      expect(judged).toContain('| Clarifying requirements | 40 | 60 | 1 point · 1 red flag |');
      expect(judged).toContain('| Model choice | 20 | 20 | agree |');
    });

    it('lists point, red flag and curveball disagreements, marking split judge runs', () => {
      expect(judged).toContain(
        '- ≠ **Scale and latency** (only the judge credits it): offline missed, judge explained\n',
      );
      expect(judged).toContain(
        '- ≠ **Label delay** (different level): offline explained, judge mentioned (uncertain: the two judge runs disagreed)',
      );
      expect(judged).toContain(
        '- ≠ **Accuracy on imbalanced data** (major, −12 points; only the offline matcher found it): offline found “accuracy is the metric”, judge not found\n',
      );
      expect(judged).toContain(
        '- ≠ **Future data in features** (severe; neither counts it): offline not found, judge not counted (uncertain: the two judge runs disagreed)',
      );
      expect(judged).toContain(
        '- ≠ “Legal says 40% of users may not be profiled.”: offline covered 50% (contextual features), judge covered 100% (contextual features, a separate slice) (uncertain: the two judge runs disagreed)',
      );
      expect(judged).toContain(
        'The two scorers agree on these, but the two judge runs disagreed (uncertain): **Business objective**.',
      );
    });
  });

  it('keeps candidate text inert', () => {
    expect(md).toContain('\\<script>alert(1)\\</script>');
    expect(md).not.toMatch(/(^|[^\\])<script>/);
  });

  it('escapes Markdown syntax and flattens new lines', () => {
    expect(escapeMarkdown('[x](http://e) *b*\nnext')).toBe('\\[x\\](http://e) \\*b\\* next');
    expect(escapeMarkdown('`code` _em_ ~~gone~~ <b> back\\slash')).toBe(
      '\\`code\\` \\_em\\_ \\~\\~gone\\~\\~ \\<b> back\\\\slash',
    );
  });

  it('escapes nothing Markdown reads as plain text', () => {
    const plain = 'Recall (at k=10) + precision, C# and F#, a < b > c, 50% off! {x} feature_store #1';
    expect(escapeMarkdown(plain)).toBe(plain);
  });

  it('escapes block markers only where the text starts a line', () => {
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('- not a list')).toBe('\\- not a list');
    expect(escapeMarkdown('+ not a list')).toBe('\\+ not a list');
    expect(escapeMarkdown('> not a quote')).toBe('\\> not a quote');
    expect(escapeMarkdown('2. not numbered')).toBe('2\\. not numbered');
    expect(escapeMarkdown('-1 is fine, so is 3.5')).toBe('-1 is fine, so is 3.5');
  });

  it('escapes a pipe only in a table cell', () => {
    expect(escapeMarkdown('a | b')).toBe('a | b');
    expect(escapeCell('a | b')).toBe('a \\| b');
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
