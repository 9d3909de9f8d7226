import type { Report, Turn } from '@mlsd/protocol';
import { formatMinutes } from './countdown.ts';
import { FLAG_LABEL, HIRE_SIGNAL_LABEL, percent, SCORER_LABEL } from './labels.ts';

/** Escapes text written by a person so Markdown shows it as typed (no links, HTML or emphasis). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~]/g, '\\$&').replace(/\r?\n/g, ' ');
}

function quote(text: string): string {
  return `“${escapeMarkdown(text.trim())}”`;
}

/** The whole report (and transcript, when given) as a Markdown document. */
export function reportToMarkdown(report: Report, transcript: Turn[] = []): string {
  const out: string[] = [];
  out.push(`# Mock interview report: ${escapeMarkdown(report.caseTitle)}`, '');
  out.push(`- Date: ${new Date(report.createdAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  out.push(
    `- Overall score: **${Math.round(report.overall)}/100** (${HIRE_SIGNAL_LABEL[report.hireSignal]})`,
  );
  out.push(`- Scored by: ${SCORER_LABEL[report.scorer]}`);
  if (report.unpromptedShare !== null) {
    out.push(`- Raised unprompted: ${percent(report.unpromptedShare)} of the credited points`);
  }
  out.push('');

  if (report.flags.length > 0) {
    out.push('## Flags', '');
    for (const flag of report.flags) {
      const evidence = flag.evidence ? ` ${quote(flag.evidence.quote)}` : '';
      out.push(`- **${FLAG_LABEL[flag.kind]}**: ${escapeMarkdown(flag.message)}${evidence}`);
    }
    out.push('');
  }

  if (report.comparison) {
    const { overall, steps, disagreements } = report.comparison;
    out.push(
      '## Model judge and offline matcher',
      '',
      '| | Offline matcher | Model judge | Disagreements |',
      '| --- | ---: | ---: | ---: |',
      `| Overall | ${Math.round(overall.offline)} | ${Math.round(overall.judge)} | ${disagreements.length} |`,
    );
    for (const step of steps) {
      const row = `| ${escapeMarkdown(step.title)} | ${Math.round(step.offlineScore)} | ${Math.round(step.judgeScore)}`;
      out.push(`${row} | ${step.disagreements} |`);
    }
    out.push('');
    for (const point of disagreements) {
      out.push(
        `- ≠ **${escapeMarkdown(point.title)}**: offline ${point.offline.level}, judge ${point.judge.level}`,
      );
    }
    if (disagreements.length > 0) out.push('');
  }

  out.push('## Steps', '', '| Step | Score | Time used | Budget |', '| --- | ---: | ---: | ---: |');
  for (const step of report.steps) {
    const used = step.usedMs === null || !step.reached ? '–' : formatMinutes(step.usedMs);
    const score = step.reached ? `${Math.round(step.score)}` : 'not reached';
    out.push(`| ${escapeMarkdown(step.title)} | ${score} | ${used} | ${formatMinutes(step.budgetMs)} |`);
  }
  out.push('');

  report.steps.forEach((step, i) => {
    out.push(`### ${i + 1}. ${escapeMarkdown(step.title)}: ${Math.round(step.score)}/100`, '');
    if (step.covered.length > 0) {
      out.push('Covered:', '');
      for (const point of step.covered) {
        const how = `${point.level}${point.unprompted ? ', unprompted' : ''}`;
        out.push(`- **${escapeMarkdown(point.title)}** (${how}): ${quote(point.evidence.quote)}`);
      }
      out.push('');
    }
    if (step.missed.length > 0) {
      out.push('Missed:', '');
      for (const point of step.missed) {
        out.push(`- **${escapeMarkdown(point.title)}**: ${escapeMarkdown(point.strong)}`);
      }
      out.push('');
    }
    if (step.redFlags.length > 0) {
      out.push('Red flags:', '');
      for (const flag of step.redFlags) {
        out.push(
          `- **${escapeMarkdown(flag.title)}**: ${escapeMarkdown(flag.why)} ${quote(flag.evidence.quote)}`,
        );
      }
      out.push('');
    }
  });

  if (transcript.length > 0) {
    out.push('## Transcript', '');
    for (const turn of transcript) {
      const who = turn.role === 'candidate' ? 'Candidate' : 'Interviewer';
      out.push(`**${who}** (${turn.step}): ${escapeMarkdown(turn.text)}`, '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** The report and transcript as pretty-printed JSON, for tools. */
export function reportToJson(report: Report, transcript: Turn[] = []): string {
  return `${JSON.stringify({ report, transcript }, null, 2)}\n`;
}

/** A file name like "mlsd-report-ad-click-prediction-2025-01-31.md". */
export function reportFileName(report: Report, extension: 'md' | 'json'): string {
  const date = new Date(report.createdAt).toISOString().slice(0, 10);
  const slug = report.caseId.replace(/[^A-Za-z0-9-]+/g, '-').slice(0, 60);
  return `mlsd-report-${slug}-${date}.${extension}`;
}
