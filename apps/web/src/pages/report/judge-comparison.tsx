import type { VerdictComparison } from '@mlsd/protocol';
import {
  type Differences,
  differences,
  differencesText,
  quietlyUncertain,
  totalDifferences,
} from '../../lib/comparison-text.ts';
import { HIRE_SIGNAL_LABEL } from '../../lib/labels.ts';
import { CurveballDisagreement, PointDisagreement, RedFlagDisagreement } from './judge-disagreements.tsx';
import { PointGroup } from './step-points.tsx';

const round = (score: number) => String(Math.round(score));
const signed = (delta: number) => (delta > 0 ? `+${round(delta)}` : round(delta));

/**
 * The model judge and the offline rubric matcher side by side: overall, per step, and every talking
 * point, red flag and curveball they disagree on (biggest gap first). Each number says which
 * scorer produced it; where the judge's two runs split, its verdict is marked uncertain.
 */
export function JudgeComparison({
  comparison,
  onShowTurn,
}: {
  comparison: VerdictComparison;
  onShowTurn: (turnIndex: number) => void;
}) {
  const { overall, hireSignal, steps, disagreements } = comparison;
  const redFlags = comparison.redFlagDisagreements ?? [];
  const curveballs = comparison.curveballDisagreements ?? [];
  const total = differences(comparison);
  return (
    <section className="compare card" aria-labelledby="compare-title">
      <h2 id="compare-title">Two scorers, side by side</h2>
      <p className="muted compare__lede">
        A language-model judge and the offline rubric matcher graded the same transcript. The headline score
        is the judge’s; both credit only your own words, and a quote the judge made up earns nothing. The
        judge grades each step twice and keeps only what both runs agree on.
      </p>
      <table className="compare__table">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">Offline matcher</th>
            <th scope="col">Model judge</th>
            <th scope="col">They disagree on</th>
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
            <td>
              <DifferenceCell counts={total} />
            </td>
          </tr>
          {steps.map((step) => {
            const counts = differences(comparison, step.id);
            return (
              <tr
                key={step.id}
                className={totalDifferences(counts) > 0 ? 'compare__row--differs' : undefined}
              >
                <th scope="row">{step.title}</th>
                <td>{round(step.offlineScore)}</td>
                <td>{round(step.judgeScore)}</td>
                <td>
                  <DifferenceCell counts={counts} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      {totalDifferences(total) > 0 && (
        <div className="compare__points">
          <h3>Where they disagree</h3>
          {disagreements.length > 0 && (
            <PointGroup title="Talking points" count={disagreements.length}>
              {disagreements.map((point) => (
                <PointDisagreement
                  key={`${point.step}:${point.pointId}`}
                  point={point}
                  onShowTurn={onShowTurn}
                />
              ))}
            </PointGroup>
          )}
          {redFlags.length > 0 && (
            <PointGroup title="Red flags" count={redFlags.length}>
              {redFlags.map((flag) => (
                <RedFlagDisagreement key={`${flag.step}:${flag.id}`} flag={flag} onShowTurn={onShowTurn} />
              ))}
            </PointGroup>
          )}
          {curveballs.length > 0 && (
            <PointGroup title="Curveballs" count={curveballs.length}>
              {curveballs.map((ball) => (
                <CurveballDisagreement key={`${ball.step}:${ball.id}`} ball={ball} onShowTurn={onShowTurn} />
              ))}
            </PointGroup>
          )}
        </div>
      )}
      <UncertainAgreements comparison={comparison} />
    </section>
  );
}

function DifferenceCell({ counts }: { counts: Differences }) {
  const text = differencesText(counts);
  return text === null ? (
    <span className="muted">agree</span>
  ) : (
    <span className="badge badge--flag">≠ {text}</span>
  );
}

/** Verdicts both scorers share although the judge's two runs split: borderline, not disagreements. */
function UncertainAgreements({ comparison }: { comparison: VerdictComparison }) {
  const { points, curveballs } = quietlyUncertain(comparison);
  if (points.length + curveballs.length === 0) return null;
  const names = [
    ...points.map((point) => ({ key: `p:${point.step}:${point.pointId}`, name: point.title })),
    ...curveballs.map((ball) => ({ key: `c:${ball.step}:${ball.id}`, name: <q>{ball.text}</q> })),
  ];
  return (
    <p className="muted compare__unsure">
      The two scorers agree on these, but the two judge runs disagreed (uncertain):{' '}
      {names.map(({ key, name }, i) => (
        <span key={key}>
          {i > 0 && '; '}
          {name}
        </span>
      ))}
      .
    </p>
  );
}
