import type { PeerPointResult, PeerReport, PeerStepResult } from '@mlsd/protocol';
import { END_REASON_LABEL, HIRE_SIGNAL_LABEL, RATING_LABEL } from './labels.ts';
import { escapeCell, escapeMarkdown } from './report-markdown.ts';
import { ABOVE_LEVEL_TEXT } from './report-text.ts';
import { judgedAtText } from './session-choices.ts';

const AUTO_TEXT = { missed: 'missed', mentioned: 'mentioned', explained: 'explained' } as const;

function quote(text: string): string {
  return `“${escapeMarkdown(text.trim())}”`;
}

function rating(step: PeerStepResult): string {
  return step.rating === null ? 'not rated' : `${step.rating} ${RATING_LABEL[step.rating] ?? ''}`.trim();
}

/**
 * A peer session's report as Markdown, with what this seat's copy holds: the candidate's copy
 * has no answer key, so it lists their credited words instead of the points.
 */
export function peerReportToMarkdown(report: PeerReport): string {
  const out: string[] = [];
  const copy = report.seat === 'candidate' ? " (candidate's copy)" : '';
  out.push(`# Peer interview report: ${escapeMarkdown(report.caseTitle)}${copy}`, '');
  out.push(`- Date: ${new Date(report.createdAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  out.push(`- ${judgedAtText(report.level)} · human interviewer`);
  out.push(
    `- Length: ${report.durationMinutes} min${report.endReason ? `, ${END_REASON_LABEL[report.endReason]}` : ''}`,
  );
  out.push(
    `- Automatic coverage: **${Math.round(report.autoOverall)}/100** (${HIRE_SIGNAL_LABEL[report.autoSignal]}), offline rubric matcher`,
  );
  const average = report.humanAverage === null ? 'no ratings' : `${report.humanAverage} of 4`;
  out.push(`- Interviewer's rating: ${average}`, `- Disagreements: ${report.disagreements}`, '');

  out.push(
    '## Step by step',
    '',
    '| Step | Automatic | Points | Interviewer | Comment |',
    '| --- | ---: | ---: | --- | --- |',
  );
  for (const step of report.steps) {
    const mark = step.disagree ? ' ⚠' : '';
    const comment = step.comment.trim() === '' ? '–' : escapeCell(step.comment);
    out.push(
      `| ${escapeCell(step.title)} | ${Math.round(step.autoScore)} | ${step.pointsCovered}/${step.pointsTotal} | ${rating(step)}${mark} | ${comment} |`,
    );
  }
  out.push('');

  report.steps.forEach((step, i) => {
    out.push(`### ${i + 1}. ${escapeMarkdown(step.title)}`, '');
    const overruled =
      step.pointDisagreements > 0 ? `; the interviewer overruled ${step.pointDisagreements}` : '';
    out.push(`${step.pointsCovered} of ${step.pointsTotal} points covered${overruled}.`, '');
    if (report.answerKey) {
      for (const point of step.points) out.push(pointLine(point));
      if (step.points.length > 0) out.push('');
    } else if (step.quotes.length > 0) {
      out.push('Your words that earned credit:', '');
      for (const found of step.quotes) out.push(`- ${quote(found.quote)}`);
      out.push('');
    }
  });

  if (report.pad.trim() !== '') {
    // The candidate's own Markdown, kept as written so its diagrams still draw elsewhere.
    out.push('## Notes and diagrams', '', report.pad.trim(), '');
  }

  if (report.transcript.length > 0) {
    out.push('## Transcript', '');
    for (const turn of report.transcript) {
      const who = turn.role === 'candidate' ? 'Candidate' : 'Interviewer';
      out.push(`**${who}** (${turn.step}): ${escapeMarkdown(turn.text)}`, '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function pointLine(point: PeerPointResult): string {
  const human = point.human === null ? 'not marked' : point.human;
  const flag = point.disagree ? ' ⚠ disagreement' : '';
  const bonus = point.bonus ? ` (${ABOVE_LEVEL_TEXT})` : '';
  const evidence = point.evidence ? ` ${quote(point.evidence.quote)}` : '';
  // A bonus point left out is not a gap, so it gets no model answer unless the interviewer marked it missed.
  const strong =
    (point.auto === 'missed' && !point.bonus) || point.human === 'missed'
      ? ` Strong answer: ${escapeMarkdown(point.strong)}`
      : '';
  return `- **${escapeMarkdown(point.title)}**${bonus}: auto ${AUTO_TEXT[point.auto]}, interviewer ${human}${flag}.${evidence}${strong}`;
}

/** The peer report as pretty-printed JSON, for tools. */
export function peerReportToJson(report: PeerReport): string {
  return `${JSON.stringify({ report }, null, 2)}\n`;
}

/** A file name like "mlsd-peer-report-ad-click-prediction-2025-01-31.md". */
export function peerReportFileName(report: PeerReport, extension: 'md' | 'json'): string {
  const date = new Date(report.createdAt).toISOString().slice(0, 10);
  const slug = report.caseId.replace(/[^A-Za-z0-9-]+/g, '-').slice(0, 60);
  return `mlsd-peer-report-${slug}-${date}.${extension}`;
}
