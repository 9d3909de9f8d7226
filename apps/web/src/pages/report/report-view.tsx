import type { Report, SessionDetail } from '@mlsd/protocol';
import type { ReactNode } from 'react';
import { Notice } from '../../components/notice.tsx';
import { FLAG_LABEL, SCORER_LABEL } from '../../lib/labels.ts';
import { reportFileName, reportToJson, reportToMarkdown } from '../../lib/report-markdown.ts';
import { judgedAtText } from '../../lib/session-choices.ts';
import { ExportButtons } from './export-buttons.tsx';
import { JudgeComparison } from './judge-comparison.tsx';
import { appendTextGraph, ReportDrawing } from './report-drawing.tsx';
import { ReportSummary } from './report-summary.tsx';
import { ReportTranscript } from './report-transcript.tsx';
import { StepScoreChart } from './step-score-chart.tsx';
import { StepSection } from './step-section.tsx';
import { StepTimeChart } from './step-time-chart.tsx';
import { useOpenDetailsWhenPrinting } from './use-print-details.ts';

/** Scrolls the transcript to a turn and flashes it, so a quote can be read in context. */
export function showTurn(index: number): void {
  const el = document.getElementById(`turn-${index}`);
  if (!el) return;
  el.scrollIntoView({ behavior: 'smooth', block: 'center' });
  el.focus({ preventScroll: true });
  el.classList.remove('is-flashing');
  void el.offsetWidth; // restart the animation
  el.classList.add('is-flashing');
}

/**
 * One solo report. The owner's page passes `share` (the read-only link controls, under the head);
 * a shared copy passes `banner` instead and nothing that acts on the session.
 */
export function ReportView({
  session,
  report,
  banner,
  share,
}: {
  session: SessionDetail;
  report: Report;
  banner?: ReactNode;
  share?: ReactNode;
}) {
  useOpenDetailsWhenPrinting();
  return (
    <article className="report page">
      {banner}
      <header className="report__head">
        <div>
          <p className="eyebrow">Interview report</p>
          <h1>{report.caseTitle}</h1>
          <p className="report__meta">
            {new Date(report.createdAt).toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' })}{' '}
            · {session.durationMinutes} min · {session.interviewer === 'llm' ? 'language-model' : 'offline'}{' '}
            interviewer
          </p>
          <p className="report__judged">{judgedAtText(report.level, report.persona)}</p>
        </div>
        <ExportButtons
          files={{
            fileName: (extension) => reportFileName(report, extension),
            markdown: () => appendTextGraph(reportToMarkdown(report, session.transcript), session.drawing),
            json: () => reportToJson(report, session.transcript),
          }}
        />
      </header>

      {share}

      <ReportSummary report={report} />

      {report.flags.length > 0 && (
        <div className="report__flags">
          {report.flags.map((flag, i) => (
            <Notice key={`${flag.kind}-${i}`} tone="warn">
              <strong>{FLAG_LABEL[flag.kind]}.</strong> {flag.message}
              {flag.evidence && <q className="report__flag-quote">{flag.evidence.quote}</q>}
            </Notice>
          ))}
        </div>
      )}

      <div className="report__charts">
        <figure className="card chart-card">
          <figcaption>Score by step</figcaption>
          <StepScoreChart steps={report.steps} />
        </figure>
        <figure className="card chart-card">
          <figcaption>Time per step against its budget</figcaption>
          <StepTimeChart steps={report.steps} />
        </figure>
      </div>

      {report.comparison && <JudgeComparison comparison={report.comparison} onShowTurn={showTurn} />}

      <section className="report__steps" aria-labelledby="steps-title">
        <h2 id="steps-title">Step by step</h2>
        {report.steps.map((step, i) => (
          <StepSection key={step.id} step={step} index={i} onShowTurn={showTurn} />
        ))}
      </section>

      <ReportDrawing drawing={session.drawing ?? null} />

      <ReportTranscript transcript={session.transcript} report={report} />

      <p className="report__scorer">
        Scores by the {SCORER_LABEL[report.scorer]}. Only your own words earn credit; every credited point
        quotes them.
      </p>
    </article>
  );
}
