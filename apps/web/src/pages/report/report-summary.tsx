import type { Report } from '@mlsd/protocol';
import { ScoreDial } from '../../components/score-dial.tsx';
import { HIRE_SIGNAL_LABEL, percent, SCORER_LABEL } from '../../lib/labels.ts';
import {
  interventionsText,
  pausedText,
  pointCounts,
  totalDeduction,
  totalInterventions,
} from '../../lib/report-text.ts';

export function ReportSummary({ report }: { report: Report }) {
  const reached = report.steps.filter((s) => s.reached);
  // Bonus points above the level are not in the total: leaving them out cost nothing.
  const { expected: covered, bonus } = pointCounts(reached);
  const total = covered + reached.reduce((n, s) => n + s.missed.length, 0);
  const redFlags = report.steps.reduce((n, s) => n + s.redFlags.length, 0);
  const deducted = report.steps.reduce((n, s) => n + totalDeduction(s), 0);
  const help = interventionsText(totalInterventions(report.steps));
  return (
    <section className="report-summary card" aria-label="Summary">
      <ScoreDial score={report.overall} />
      <div className="report-summary__signal">
        <span className="eyebrow">Overall</span>
        <span className={`signal signal--${report.hireSignal}`}>{HIRE_SIGNAL_LABEL[report.hireSignal]}</span>
        <span className="muted">Scored by the {SCORER_LABEL[report.scorer]}</span>
        {report.stepsWeighted !== undefined && (
          <span
            className="muted"
            title="A step's score is the share of its rubric the answer earned; the overall puts the steps' weighted score on the scale a careful human interviewer grades on."
          >
            Steps' weighted score {Math.round(report.stepsWeighted)}, on a human grader's scale
          </span>
        )}
      </div>
      <dl className="stats">
        <div>
          <dt>Points covered</dt>
          <dd>
            {covered} <span className="muted">of {total}</span>
            <span className="stats__note">
              in {reached.length} of {report.steps.length} steps reached
            </span>
            {bonus > 0 && (
              <span className="stats__note">
                +{bonus} bonus {bonus === 1 ? 'point' : 'points'} above the level
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>Driving</dt>
          <dd>
            {report.unpromptedShare === null ? '–' : percent(report.unpromptedShare)}
            <span className="stats__note">raised before being asked</span>
          </dd>
        </div>
        <div>
          <dt>Red flags</dt>
          <dd className={redFlags > 0 ? 'stats__bad' : undefined}>
            {redFlags}
            {deducted > 0 && <span className="stats__note">−{deducted} step points</span>}
          </dd>
        </div>
        <div>
          <dt>Interviewer help</dt>
          <dd>
            <span className="stats__text">{help ?? 'none'}</span>
          </dd>
        </div>
        {report.pausedMs !== undefined && (
          <div>
            <dt>Clock paused</dt>
            <dd>
              <span className="stats__text">{pausedText(report.pausedMs)}</span>
              <span className="stats__note">not charged to any step</span>
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}
