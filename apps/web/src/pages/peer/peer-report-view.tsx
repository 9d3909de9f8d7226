import type { PeerPointResult, PeerReport, PeerStepResult } from '@mlsd/protocol';
import { MarkdownView } from '../../components/markdown-view.tsx';
import { ScoreDial } from '../../components/score-dial.tsx';
import { END_REASON_LABEL, HIRE_SIGNAL_LABEL, RATING_LABEL, scoreBand } from '../../lib/labels.ts';
import {
  peerReportFileName,
  peerReportToJson,
  peerReportToMarkdown,
} from '../../lib/peer-report-markdown.ts';
import { ABOVE_LEVEL_TEXT } from '../../lib/report-text.ts';
import { judgedAtText } from '../../lib/session-choices.ts';
import { ExportButtons } from '../report/export-buttons.tsx';
import { appendTextGraph, ReportDrawing } from '../report/report-drawing.tsx';
import { useOpenDetailsWhenPrinting } from '../report/use-print-details.ts';

const AUTO_LABEL = { missed: 'missed', mentioned: 'mentioned', explained: 'explained' } as const;

/**
 * A peer session's report: the interviewer's ratings and comments beside the automatic coverage,
 * disagreements marked. The candidate's copy has no answer key (no point titles or strong answers).
 */
export function PeerReportView({ report }: { report: PeerReport }) {
  useOpenDetailsWhenPrinting();
  return (
    <article className="report peer-report page">
      <header className="report__head">
        <div>
          <p className="eyebrow">Peer interview report{report.seat === 'candidate' ? ' · your copy' : ''}</p>
          <h1>{report.caseTitle}</h1>
          <p className="report__meta">
            {new Date(report.createdAt).toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' })}{' '}
            · {report.durationMinutes} min
            {report.endReason ? ` · ${END_REASON_LABEL[report.endReason]}` : ''}
          </p>
          <p className="report__judged">{judgedAtText(report.level)} · human interviewer</p>
        </div>
        <ExportButtons
          files={{
            fileName: (extension) => peerReportFileName(report, extension),
            markdown: () => appendTextGraph(peerReportToMarkdown(report), report.drawing),
            json: () => peerReportToJson(report),
          }}
        />
      </header>

      <section className="report-summary card peer-report__summary" aria-label="Summary">
        <ScoreDial score={report.autoOverall} />
        <div className="report-summary__signal">
          <span className="eyebrow">Automatic coverage</span>
          <span className={`signal signal--${report.autoSignal}`}>
            {HIRE_SIGNAL_LABEL[report.autoSignal]}
          </span>
          <span className="muted">Scored by the offline rubric matcher</span>
        </div>
        <dl className="stats">
          <div>
            <dt>Interviewer's rating</dt>
            <dd>
              {report.humanAverage === null ? '–' : report.humanAverage}
              <span className="stats__note">average of 1–4 per step</span>
            </dd>
          </div>
          <div>
            <dt>Disagreements</dt>
            <dd className={report.disagreements > 0 ? 'stats__bad' : undefined}>{report.disagreements}</dd>
          </div>
        </dl>
      </section>

      <section className="card peer-report__table" aria-labelledby="peer-steps-title">
        <h2 id="peer-steps-title">Step by step</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">Automatic</th>
              <th scope="col">Interviewer</th>
              <th scope="col">Comment</th>
            </tr>
          </thead>
          <tbody>
            {report.steps.map((step) => (
              <tr key={step.id} className={step.disagree ? 'peer-report__row--disagree' : undefined}>
                <th scope="row">{step.title}</th>
                <td>
                  <span className={`pill pill--${scoreBand(step.autoScore)}`}>
                    {Math.round(step.autoScore)}
                  </span>
                  <span className="muted small">
                    {' '}
                    {step.pointsCovered}/{step.pointsTotal} points
                  </span>
                </td>
                <td>
                  {step.rating === null ? (
                    <span className="muted">not rated</span>
                  ) : (
                    <>
                      <strong>{step.rating}</strong> {RATING_LABEL[step.rating]}
                    </>
                  )}
                  {step.disagree && <span className="disagree-mark"> ⚠ disagrees with the matcher</span>}
                </td>
                <td className="peer-report__comment">{step.comment || <span className="muted">–</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="peer-report__steps" aria-label="Details">
        {report.steps.map((step) => (
          <StepDetail key={step.id} step={step} answerKey={report.answerKey} />
        ))}
      </section>

      <ReportDrawing drawing={report.drawing ?? null} />
      {report.pad.trim() !== '' && (
        <section className="card peer-report__pad" aria-labelledby="pad-title">
          <h2 id="pad-title">Notes and diagrams</h2>
          <MarkdownView source={report.pad} />
        </section>
      )}

      <section className="card peer-report__transcript" aria-labelledby="transcript-title">
        <h2 id="transcript-title">Transcript</h2>
        <ol className="peer-report__turns">
          {report.transcript.map((turn) => (
            <li key={turn.id} className={`rt-turn rt-turn--${turn.role}`}>
              <span className="rt-turn__who">{turn.role === 'candidate' ? 'Candidate' : 'Interviewer'}</span>
              <span className="rt-turn__text">{turn.text}</span>
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

function StepDetail({ step, answerKey }: { step: PeerStepResult; answerKey: boolean }) {
  return (
    <details className="card step-detail" open={step.disagree || step.pointDisagreements > 0}>
      <summary>
        <strong>{step.title}</strong>{' '}
        <span className="muted small">
          {step.pointsCovered} of {step.pointsTotal} points covered
          {step.pointDisagreements > 0 ? ` · interviewer overruled ${step.pointDisagreements}` : ''}
        </span>
      </summary>
      {answerKey ? (
        <ul className="peer-points">
          {step.points.map((point) => (
            <PointResult key={point.pointId} point={point} />
          ))}
        </ul>
      ) : step.quotes.length > 0 ? (
        <>
          <p className="muted small">Your words that earned credit:</p>
          <ul className="peer-quotes">
            {step.quotes.map((quote, i) => (
              <li key={i}>
                <q>{quote.quote}</q>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted small">Nothing in this step earned credit.</p>
      )}
    </details>
  );
}

function PointResult({ point }: { point: PeerPointResult }) {
  return (
    <li className={`peer-point peer-point--${point.auto}${point.disagree ? ' peer-point--disagree' : ''}`}>
      <div className="peer-point__head">
        <span className="peer-point__title">{point.title}</span>
        <span className="peer-point__verdicts">
          <span className={`peer-point__auto peer-point__auto--${point.auto}`}>
            Auto:{' '}
            {point.bonus && point.auto === 'missed' ? 'not expected at this level' : AUTO_LABEL[point.auto]}
          </span>
          {point.bonus && <span className="badge badge--bonus">{ABOVE_LEVEL_TEXT}</span>}
          <span className="peer-point__human">
            Interviewer:{' '}
            {point.human === null ? 'not marked' : point.human === 'covered' ? 'covered' : 'missed'}
          </span>
          {point.disagree && <span className="disagree-mark">⚠ disagreement</span>}
        </span>
      </div>
      {point.evidence && <q className="peer-point__quote">{point.evidence.quote}</q>}
      {(point.auto === 'missed' && !point.bonus) || point.human === 'missed' ? (
        <p className="peer-point__strong muted small">Strong answer: {point.strong}</p>
      ) : null}
    </li>
  );
}
