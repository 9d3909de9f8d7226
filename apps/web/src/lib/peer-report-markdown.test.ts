import type { PeerReport, PeerStepResult } from '@mlsd/protocol';
import { describe, expect, it } from 'vitest';
import { sampleTranscript } from './fixtures.ts';
import { peerReportFileName, peerReportToJson, peerReportToMarkdown } from './peer-report-markdown.ts';

const step: PeerStepResult = {
  id: 'requirements',
  title: 'Requirements and scope',
  autoScore: 72.4,
  rating: 3,
  comment: 'Asked about scale | latency first.',
  disagree: false,
  pointsCovered: 1,
  pointsTotal: 2,
  pointDisagreements: 1,
  quotes: [{ quote: 'optimise revenue per session', turnIndex: 1 }],
  points: [
    {
      pointId: 'p1',
      title: 'Business objective stated',
      weight: 3,
      auto: 'explained',
      evidence: { quote: 'optimise revenue per session', turnIndex: 1 },
      human: 'covered',
      disagree: false,
      strong: 'Revenue without hurting retention.',
    },
    {
      pointId: 'p2',
      title: 'Scale and traffic',
      weight: 2,
      auto: 'mentioned',
      evidence: null,
      human: 'missed',
      disagree: true,
      strong: 'Asks for *orders* of magnitude (QPS + users).',
    },
  ],
};

const report: PeerReport = {
  version: 1,
  roomId: 'r1',
  seat: 'interviewer',
  caseId: 'ad-click-prediction',
  caseTitle: 'Ad click prediction',
  durationMinutes: 45,
  createdAt: Date.UTC(2025, 0, 31, 10, 0),
  endReason: 'ended-early',
  autoOverall: 61.6,
  autoSignal: 'lean-no-hire',
  humanAverage: 3,
  disagreements: 1,
  steps: [step],
  answerKey: true,
  transcript: sampleTranscript.slice(0, 2),
  pad: '## Sketch\n\n```mermaid\ngraph LR\n  a --> b\n```',
};

describe('peerReportToMarkdown', () => {
  const md = peerReportToMarkdown(report);

  it('leads with the case, both verdicts and the disagreements', () => {
    expect(md.startsWith('# Peer interview report: Ad click prediction\n')).toBe(true);
    expect(md).toContain('- Length: 45 min, ended early');
    expect(md).toContain('- Automatic coverage: **62/100** (Lean no hire), offline rubric matcher');
    expect(md).toContain("- Interviewer's rating: 3 of 4");
    expect(md).toContain(
      '| Requirements and scope | 72 | 1/2 | 3 Hire | Asked about scale \\| latency first. |',
    );
  });

  it('gives the answer key point by point in the interviewer copy', () => {
    expect(md).toContain(
      '- **Business objective stated**: auto explained, interviewer covered. “optimise revenue per session”',
    );
    expect(md).toContain(
      '- **Scale and traffic**: auto mentioned, interviewer missed ⚠ disagreement. Strong answer: Asks for \\*orders\\* of magnitude (QPS + users).',
    );
    expect(md).toContain('## Notes and diagrams\n\n## Sketch\n\n```mermaid\ngraph LR');
  });

  it('names the level, and marks a point above it as a bonus without a model answer', () => {
    expect(md).toContain('- Judged at senior level · human interviewer\n');
    const bonusPoint = {
      ...step.points[0]!,
      pointId: 'p3',
      title: 'Cost in money',
      auto: 'missed' as const,
      evidence: null,
      human: null,
      bonus: true as const,
    };
    const staff = peerReportToMarkdown({
      ...report,
      level: 'mid',
      steps: [{ ...step, points: [bonusPoint] }],
    });
    expect(staff).toContain('- Judged at mid level · human interviewer\n');
    expect(staff).toContain(
      '- **Cost in money** (above level: bonus): auto missed, interviewer not marked.\n',
    );
  });

  it("gives the candidate's copy their credited words and no answer key", () => {
    const copy = peerReportToMarkdown({
      ...report,
      seat: 'candidate',
      answerKey: false,
      steps: [{ ...step, points: [] }],
    });
    expect(copy).toContain("(candidate's copy)");
    expect(copy).toContain('Your words that earned credit:\n\n- “optimise revenue per session”');
    expect(copy).not.toContain('Strong answer');
  });

  it('exports JSON and names files after the case and date', () => {
    expect(JSON.parse(peerReportToJson(report))).toEqual({ report });
    expect(peerReportFileName(report, 'md')).toBe('mlsd-peer-report-ad-click-prediction-2025-01-31.md');
  });
});
