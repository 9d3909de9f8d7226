import type { CaseSummary, SessionSummary } from '@mlsd/protocol';
import {
  mixedLevelsNote,
  reachNote,
  stepAverages,
  suggestNextCase,
  weakestStep,
} from '../../lib/history-stats.ts';
import { scoreBand } from '../../lib/labels.ts';
import { href } from '../../lib/routes.ts';
import { stepName } from './score-chart.tsx';

export function Insights({ sessions, cases }: { sessions: SessionSummary[]; cases: CaseSummary[] }) {
  const averages = stepAverages(sessions);
  const weakest = weakestStep(sessions);
  const suggestion = suggestNextCase(cases, sessions);
  const note = reachNote(sessions);
  const mixed = mixedLevelsNote(sessions);
  return (
    <aside className="card insights" aria-label="Insights">
      <h2>Weakest step</h2>
      {weakest ? (
        <p className="insights__big">
          {stepName(weakest.step)}{' '}
          <span className="muted">
            averages {Math.round(weakest.average)}/100 over {weakest.count}{' '}
            {weakest.count === 1 ? 'interview' : 'interviews'}
          </span>
        </p>
      ) : (
        <p className="muted">Finish an interview to see which step needs work.</p>
      )}
      {averages.length > 0 && (
        <ul className="mini-bars" aria-label="Average score by step">
          {averages.map((a) => (
            <li key={a.step} className={a.step === weakest?.step ? 'is-weakest' : undefined}>
              <span className="mini-bars__label">{stepName(a.step)}</span>
              <span className="mini-bars__track" aria-hidden="true">
                <span
                  className={`mini-bars__bar mini-bars__bar--${scoreBand(a.average)}`}
                  style={{ width: `${a.average}%` }}
                />
              </span>
              <span className="mini-bars__value">{Math.round(a.average)}</span>
            </li>
          ))}
        </ul>
      )}
      {note && <p className="muted small insights__note">{note}</p>}
      {mixed && <p className="small insights__note insights__mixed">{mixed}</p>}
      <h2>Try next</h2>
      {suggestion ? (
        <div className="insights__next">
          <strong>{suggestion.case.title}</strong>
          <span className="muted">{suggestion.reason}</span>
          <a
            className="button button--small button--primary"
            href={href({ name: 'home', caseId: suggestion.case.id })}
          >
            Set it up
          </a>
        </div>
      ) : (
        <p className="muted">No cases are loaded on this server.</p>
      )}
    </aside>
  );
}
