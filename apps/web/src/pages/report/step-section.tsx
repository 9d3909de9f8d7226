import type { StepReport } from '@mlsd/protocol';
import { formatMinutes } from '../../lib/countdown.ts';
import { scoreBand } from '../../lib/labels.ts';
import { deductsRedFlags, interventionsText, scoreBreakdown } from '../../lib/report-text.ts';
import { CurveballItem } from './curveball-item.tsx';
import { CoveredItem, MissedItem, PointGroup, RedFlagItem } from './step-points.tsx';

/**
 * One step: its score (and what red flags took off it), how much help the interviewer gave, each
 * point covered (with the quote) or missed (with a model answer), curveballs and red flags. A step
 * the interview never reached shows what was raised early, unscored.
 */
export function StepSection({
  step,
  index,
  onShowTurn,
}: {
  step: StepReport;
  index: number;
  onShowTurn: (turnIndex: number) => void;
}) {
  const breakdown = scoreBreakdown(step);
  const help = step.reached ? interventionsText(step.interventions) : null;
  const curveballs = step.curveballs ?? [];
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
      {(breakdown || help) && (
        <p className="step-report__sub">
          {breakdown && <span>Score: {breakdown}</span>}
          {help && <span>Interviewer help: {help}</span>}
        </p>
      )}

      {step.covered.length > 0 && (
        // In a step never reached, covered points were said earlier and earn nothing.
        <PointGroup title={step.reached ? 'Covered' : 'Raised early, not scored'} count={step.covered.length}>
          {step.covered.map((point) => (
            <CoveredItem key={point.pointId} point={point} onShowTurn={onShowTurn} />
          ))}
        </PointGroup>
      )}

      {curveballs.length > 0 && (
        <PointGroup title="Curveballs" count={curveballs.length}>
          {curveballs.map((ball) => (
            <CurveballItem key={ball.id} ball={ball} onShowTurn={onShowTurn} />
          ))}
        </PointGroup>
      )}

      {step.redFlags.length > 0 && (
        <PointGroup title="Red flags" count={step.redFlags.length}>
          {step.redFlags.map((flag) => (
            <RedFlagItem key={flag.id} flag={flag} scored={deductsRedFlags(step)} onShowTurn={onShowTurn} />
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
              The interview ended before this step, so it scores 0. See the {step.missed.length} points it
              looks for
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
