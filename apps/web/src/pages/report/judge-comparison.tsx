import type { Agreement, PointComparison, ScorerView, StepId, VerdictComparison } from '@mlsd/protocol';
import { HIRE_SIGNAL_LABEL } from '../../lib/labels.ts';

const AGREEMENT_LABEL: Record<Agreement, string> = {
  agree: 'agree',
  'judge-only': 'only the judge credits it',
  'offline-only': 'only the offline matcher credits it',
  level: 'different level',
};

const round = (score: number) => String(Math.round(score));
const signed = (delta: number) => (delta > 0 ? `+${round(delta)}` : round(delta));

/**
 * The model judge and the offline rubric matcher side by side: overall, per step, and every point
 * where they disagree (biggest weighted gap first). Each number says which scorer produced it.
 */
export function JudgeComparison({
  comparison,
  onShowTurn,
}: {
  comparison: VerdictComparison;
  onShowTurn: (turnIndex: number) => void;
}) {
  const { overall, hireSignal, steps, disagreements } = comparison;
  return (
    <section className="compare card" aria-labelledby="compare-title">
      <h2 id="compare-title">Two scorers, side by side</h2>
      <p className="muted compare__lede">
        A language-model judge and the offline rubric matcher graded the same transcript. The headline score
        is the judge’s; both credit only your own words, and a quote the judge made up earns nothing.
      </p>
      <table className="compare__table">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">Offline matcher</th>
            <th scope="col">Model judge</th>
            <th scope="col">Points they disagree on</th>
          </tr>
        </thead>
        <tbody>
          <tr className="compare__overall">
            <th scope="row">Overall</th>
            <td>
              {round(overall.offline)} · {HIRE_SIGNAL_LABEL[hireSignal.offline]}
            </td>
            <td>
              {round(overall.judge)} · {HIRE_SIGNAL_LABEL[hireSignal.judge]}{' '}
              <span className="muted">({signed(overall.delta)})</span>
            </td>
            <td>{disagreements.length}</td>
          </tr>
          {steps.map((step) => (
            <tr key={step.id} className={step.disagreements > 0 ? 'compare__row--differs' : undefined}>
              <th scope="row">{step.title}</th>
              <td>{round(step.offlineScore)}</td>
              <td>{round(step.judgeScore)}</td>
              <td>
                {step.disagreements > 0 ? (
                  <span className="badge badge--flag">≠ {step.disagreements}</span>
                ) : (
                  <span className="muted">agree</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {disagreements.length > 0 && (
        <div className="compare__points">
          <h3>Where they disagree</h3>
          <ul className="points">
            {disagreements.map((point) => (
              <Disagreement key={`${point.step}:${point.pointId}`} point={point} onShowTurn={onShowTurn} />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function Disagreement({
  point,
  onShowTurn,
}: {
  point: PointComparison & { step: StepId };
  onShowTurn: (turnIndex: number) => void;
}) {
  return (
    <li className="point compare__point" data-agreement={point.agreement}>
      <span className="point__icon point__icon--flag" aria-hidden="true">
        ≠
      </span>
      <div className="point__body">
        <div className="point__title">
          {point.title}
          <span className="badge badge--quiet">{AGREEMENT_LABEL[point.agreement]}</span>
        </div>
        <dl className="compare__views">
          <View who="Offline matcher" view={point.offline} onShowTurn={onShowTurn} />
          <View who="Model judge" view={point.judge} onShowTurn={onShowTurn} />
        </dl>
      </div>
    </li>
  );
}

function View({
  who,
  view,
  onShowTurn,
}: {
  who: string;
  view: ScorerView;
  onShowTurn: (turnIndex: number) => void;
}) {
  const turnIndex = view.evidence?.turnIndex ?? null;
  return (
    <div>
      <dt>{who}</dt>
      <dd>
        <span className={`badge badge--${view.level === 'missed' ? 'quiet' : view.level}`}>{view.level}</span>
        {view.evidence && (
          <>
            {' '}
            <q>{view.evidence.quote}</q>{' '}
            {turnIndex !== null && (
              <button type="button" className="link-button" onClick={() => onShowTurn(turnIndex)}>
                Show in transcript
              </button>
            )}
          </>
        )}
      </dd>
    </div>
  );
}
