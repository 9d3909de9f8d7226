import type { Report } from '@mlsd/protocol';
import { ScoreDial } from '../../components/score-dial.tsx';
import { HIRE_SIGNAL_LABEL, percent, SCORER_LABEL } from '../../lib/labels.ts';

export function ReportSummary({ report }: { report: Report }) {
  const covered = report.steps.reduce((n, s) => n + s.covered.length, 0);
  const total = covered + report.steps.reduce((n, s) => n + s.missed.length, 0);
  const redFlags = report.steps.reduce((n, s) => n + s.redFlags.length, 0);
  return (
    <section className="report-summary card" aria-label="Summary">
      <ScoreDial score={report.overall} />
      <div className="report-summary__signal">
        <span className="eyebrow">Overall</span>
        <span className={`signal signal--${report.hireSignal}`}>{HIRE_SIGNAL_LABEL[report.hireSignal]}</span>
        <span className="muted">Scored by the {SCORER_LABEL[report.scorer]}</span>
      </div>
      <dl className="stats">
        <div>
          <dt>Points covered</dt>
          <dd>
            {covered} <span className="muted">of {total}</span>
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
          <dd className={redFlags > 0 ? 'stats__bad' : undefined}>{redFlags}</dd>
        </div>
      </dl>
    </section>
  );
}
