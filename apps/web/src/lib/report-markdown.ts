import type { CurveballView, Evidence, Report, StepId, Turn, VerdictComparison } from '@mlsd/protocol';
import {
  curveballCoverText,
  differences,
  differencesText,
  POINT_AGREEMENT_LABEL,
  quietlyUncertain,
  RED_FLAG_AGREEMENT_LABEL,
  redFlagCostText,
  redFlagViewText,
  UNCERTAIN_TEXT,
} from './comparison-text.ts';
import { formatMinutes } from './countdown.ts';
import { FLAG_LABEL, HIRE_SIGNAL_LABEL, percent, SCORER_LABEL } from './labels.ts';
import {
  ABOVE_LEVEL_TEXT,
  deductsRedFlags,
  interventionsText,
  pausedText,
  promptText,
  STAFF_ADDS_TEXT,
  scoreBreakdown,
} from './report-text.ts';
import { judgedAtText } from './session-choices.ts';

/**
 * Escapes text written by a person so Markdown shows it as typed (no links, HTML, code or
 * emphasis), and escapes nothing else: `(`, `+` or `#` mid-line mean nothing to Markdown.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/\r?\n/g, ' ')
      // Emphasis, code, links and images (an escaped `[` is enough for `](` and `![`), strikethrough.
      .replace(/[\\`*[\]~]/g, '\\$&')
      // An underscore inside a word (snake_case) is never emphasis.
      .replace(/_/g, (m, at: number, all: string) =>
        WORD.test(all[at - 1] ?? '') && WORD.test(all[at + 1] ?? '') ? m : `\\${m}`,
      )
      // HTML tags and autolinks; a `<` before a space or digit (a < b, <5 ms) stays as is.
      .replace(/<(?=[A-Za-z/!?])/g, '\\<')
      // A block marker where the text starts a line: a heading, quote, list item or numbered item.
      .replace(/^(\s*)(>|[#+-](?=\s|$))/, '$1\\$2')
      .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2')
  );
}

/** `escapeMarkdown` for a table cell, where `|` would end the cell. */
export function escapeCell(text: string): string {
  return escapeMarkdown(text).replace(/\|/g, '\\|');
}

const WORD = /^[\p{L}\p{N}]$/u;

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
  if (report.stepsWeighted !== undefined)
    out.push(
      `- Steps' weighted score: ${Math.round(report.stepsWeighted)}/100 (each step's share of its rubric; the overall puts it on a human grader's scale)`,
    );
  out.push(`- ${judgedAtText(report.level, report.persona)}`);
  out.push(`- Scored by: ${SCORER_LABEL[report.scorer]}`);
  if (report.unpromptedShare !== null) {
    out.push(`- Raised unprompted: ${percent(report.unpromptedShare)} of the credited points`);
  }
  if (report.pausedMs !== undefined && report.pausedMs > 0) {
    out.push(`- Clock paused: ${pausedText(report.pausedMs)} in all (not charged to any step)`);
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

  if (report.comparison) out.push(...comparisonMarkdown(report.comparison));

  out.push('## Steps', '', '| Step | Score | Time used | Budget |', '| --- | ---: | ---: | ---: |');
  for (const step of report.steps) {
    const used = step.usedMs === null || !step.reached ? '–' : formatMinutes(step.usedMs);
    const score = step.reached ? `${Math.round(step.score)}` : 'not reached';
    out.push(`| ${escapeCell(step.title)} | ${score} | ${used} | ${formatMinutes(step.budgetMs)} |`);
  }
  out.push('');

  report.steps.forEach((step, i) => {
    const heading = step.reached ? `${Math.round(step.score)}/100` : 'not reached (scores 0)';
    out.push(`### ${i + 1}. ${escapeMarkdown(step.title)}: ${heading}`, '');
    const breakdown = scoreBreakdown(step);
    const help = step.reached ? interventionsText(step.interventions) : null;
    if (breakdown) out.push(`Score: ${breakdown}`, '');
    if (help) out.push(`Interviewer help: ${help}`, '');
    if (step.covered.length > 0) {
      out.push(step.reached ? 'Covered:' : 'Raised early, not scored:', '');
      for (const point of step.covered) {
        const how = [point.level, promptText(point), point.beyondLevel ? ABOVE_LEVEL_TEXT : null]
          .filter((part) => part !== null)
          .join(', ');
        out.push(`- **${escapeMarkdown(point.title)}** (${how}): ${quote(point.evidence.quote)}`);
      }
      out.push('');
    }
    if (step.missed.length > 0) {
      out.push('Missed:', '');
      for (const point of step.missed) {
        out.push(`- **${escapeMarkdown(point.title)}**: ${escapeMarkdown(point.strong)}`);
        if (point.staff) out.push(`  - ${STAFF_ADDS_TEXT}: ${escapeMarkdown(point.staff)}`);
      }
      out.push('');
    }
    const curveballs = step.curveballs ?? [];
    if (curveballs.length > 0) {
      out.push('Curveballs:', '');
      for (const ball of curveballs) {
        const result =
          ball.weight > 0 ? `covered ${percent(ball.share)} of a good reaction` : 'not answered, not scored';
        const evidence = ball.evidence ? ` ${quote(ball.evidence.quote)}` : '';
        out.push(
          `- ${quote(ball.text)}: ${result}. A good reaction: ${escapeMarkdown(ball.expects)}${evidence}`,
        );
      }
      out.push('');
    }
    if (step.redFlags.length > 0) {
      out.push('Red flags:', '');
      for (const flag of step.redFlags) {
        const cost = [
          flag.severity,
          flag.deduction !== undefined && deductsRedFlags(step) ? `−${flag.deduction} points` : undefined,
        ].filter((part) => part !== undefined);
        const label = cost.length > 0 ? ` (${cost.join(', ')})` : '';
        out.push(
          `- **${escapeMarkdown(flag.title)}**${label}: ${escapeMarkdown(flag.why)} ${quote(flag.evidence.quote)}${flag.takenBack ? `; taken back, so it costs half: ${quote(flag.takenBack.quote)}` : ''}`,
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

/** The judge beside the offline matcher: scores, then every point, red flag and curveball they disagree on. */
function comparisonMarkdown(comparison: VerdictComparison): string[] {
  const { overall, steps, disagreements } = comparison;
  const cell = (step?: StepId) => differencesText(differences(comparison, step)) ?? 'agree';
  const out = [
    '## Model judge and offline matcher',
    '',
    '| | Offline matcher | Model judge | They disagree on |',
    '| --- | ---: | ---: | --- |',
    `| Overall | ${Math.round(overall.offline)} | ${Math.round(overall.judge)} | ${cell()} |`,
  ];
  for (const step of steps) {
    const scores = `${Math.round(step.offlineScore)} | ${Math.round(step.judgeScore)}`;
    out.push(`| ${escapeCell(step.title)} | ${scores} | ${cell(step.id)} |`);
  }
  out.push('');
  const unsure = (uncertain: boolean | undefined) => (uncertain ? ` (${UNCERTAIN_TEXT})` : '');
  const evidence = (found: Evidence | null) => (found ? ` ${quote(found.quote)}` : '');
  const list = (title: string, lines: string[]) => (lines.length > 0 ? [`${title}:`, '', ...lines, ''] : []);
  out.push(
    ...list(
      'Talking points they disagree on',
      disagreements.map(
        (point) =>
          `- ≠ **${escapeMarkdown(point.title)}** (${POINT_AGREEMENT_LABEL[point.agreement]}): offline ${point.offline.level}, judge ${point.judge.level}${unsure(point.judge.uncertain)}`,
      ),
    ),
    ...list(
      'Red flags they disagree on',
      (comparison.redFlagDisagreements ?? []).map(
        (flag) =>
          `- ≠ **${escapeMarkdown(flag.title)}** (${redFlagCostText(flag)}; ${RED_FLAG_AGREEMENT_LABEL[flag.agreement]}): offline ${redFlagViewText(flag.offline)}${evidence(flag.offline)}, judge ${redFlagViewText(flag.judge, flag.uncertain)}${evidence(flag.judge)}${unsure(flag.uncertain)}`,
      ),
    ),
    ...list(
      'Curveballs they grade differently',
      (comparison.curveballDisagreements ?? []).map((ball) => {
        const view = (side: CurveballView) =>
          side.covered.length === 0
            ? curveballCoverText(side)
            : `${curveballCoverText(side)} (${side.covered.map(escapeMarkdown).join(', ')})`;
        return `- ≠ ${quote(ball.text)}: offline ${view(ball.offline)}, judge ${view(ball.judge)}${unsure(ball.judge.uncertain)}`;
      }),
    ),
  );
  const { points, curveballs } = quietlyUncertain(comparison);
  const names = [
    ...points.map((point) => `**${escapeMarkdown(point.title)}**`),
    ...curveballs.map((ball) => quote(ball.text)),
  ];
  if (names.length > 0) {
    out.push(
      `The two scorers agree on these, but the two judge runs disagreed (uncertain): ${names.join('; ')}.`,
      '',
    );
  }
  return out;
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
