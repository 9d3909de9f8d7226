import type { Evidence, MissedPoint, StepReport } from '@mlsd/protocol';
import type { ReactNode } from 'react';
import { formatMinutes } from '../../lib/countdown.ts';
import { scoreBand } from '../../lib/labels.ts';

/** One step: its score, each point covered (with the quote) or missed (with a model answer), red flags. */
export function StepSection({
  step,
  index,
  onShowTurn,
}: {
  step: StepReport;
  index: number;
  onShowTurn: (turnIndex: number) => void;
}) {
  return (
    <section className="step-report card" id={`step-${step.id}`} aria-labelledby={`step-${step.id}-title`}>
      <header className="step-report__head">
        <h3 id={`step-${step.id}-title`}>
          <span className="step-report__n">{index + 1}</span>
          {step.title}
        </h3>
        <span className="step-report__time">
          {step.usedMs === null || !step.reached
            ? ''
            : `${formatMinutes(step.usedMs)} of ${formatMinutes(step.budgetMs)}`}
        </span>
        {step.reached ? (
          <span className={`score-pill score-pill--${scoreBand(step.score)}`}>{Math.round(step.score)}</span>
        ) : (
          <span className="score-pill score-pill--none">not reached</span>
        )}
      </header>

      {step.covered.length > 0 && (
        <PointGroup title="Covered" count={step.covered.length}>
          {step.covered.map((point) => (
            <li key={point.pointId} className="point">
              <span className="point__icon point__icon--ok" aria-hidden="true">
                ✓
              </span>
              <div className="point__body">
                <div className="point__title">
                  {point.title}
                  <span className={`badge badge--${point.level}`}>{point.level}</span>
                  <span className="badge badge--quiet">
                    {point.unprompted ? 'unprompted' : 'after a follow-up'}
                  </span>
                </div>
                <EvidenceQuote evidence={point.evidence} onShowTurn={onShowTurn} />
              </div>
            </li>
          ))}
        </PointGroup>
      )}

      {step.redFlags.length > 0 && (
        <PointGroup title="Red flags" count={step.redFlags.length}>
          {step.redFlags.map((flag) => (
            <li key={flag.id} className="point">
              <span className="point__icon point__icon--flag" aria-hidden="true">
                !
              </span>
              <div className="point__body">
                <div className="point__title">{flag.title}</div>
                <p className="point__why">{flag.why}</p>
                <EvidenceQuote evidence={flag.evidence} onShowTurn={onShowTurn} />
              </div>
            </li>
          ))}
        </PointGroup>
      )}

      {step.missed.length > 0 &&
        (step.reached ? (
          <PointGroup title="Missed" count={step.missed.length}>
            {step.missed.map((point) => (
              <MissedItem key={point.pointId} point={point} />
            ))}
          </PointGroup>
        ) : (
          <details className="step-report__unreached">
            <summary>
              The interview ended before this step. See the {step.missed.length} points it looks for
            </summary>
            <ul className="points">
              {step.missed.map((point) => (
                <MissedItem key={point.pointId} point={point} />
              ))}
            </ul>
          </details>
        ))}

      {step.covered.length === 0 && step.missed.length === 0 && step.redFlags.length === 0 && (
        <p className="muted">
          {step.reached
            ? 'No talking points were scored in this step.'
            : 'The interview ended before this step.'}
        </p>
      )}
    </section>
  );
}

function PointGroup({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  return (
    <div className="point-group">
      <h4 className="point-group__title">
        {title} <span className="point-group__count">{count}</span>
      </h4>
      <ul className="points">{children}</ul>
    </div>
  );
}

function MissedItem({ point }: { point: MissedPoint }) {
  return (
    <li className="point point--missed">
      <span className="point__icon point__icon--miss" aria-hidden="true">
        ○
      </span>
      <details className="point__body point__strong">
        <summary>
          <span className="point__title">{point.title}</span>
          <span className="point__reveal">What a strong answer says</span>
        </summary>
        <p>{point.strong}</p>
      </details>
    </li>
  );
}

function EvidenceQuote({ evidence, onShowTurn }: { evidence: Evidence; onShowTurn: (i: number) => void }) {
  const turnIndex = evidence.turnIndex;
  return (
    <div className="evidence">
      <blockquote className="evidence__quote">{evidence.quote}</blockquote>
      {turnIndex === null ? (
        <span className="evidence__where">from your notes</span>
      ) : (
        <button type="button" className="link-button evidence__where" onClick={() => onShowTurn(turnIndex)}>
          Show in transcript
        </button>
      )}
    </div>
  );
}
