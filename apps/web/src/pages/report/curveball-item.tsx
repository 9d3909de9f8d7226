import type { CurveballResult } from '@mlsd/protocol';
import { percent } from '../../lib/labels.ts';
import { EvidenceQuote } from './step-points.tsx';

/** A curveball: what was thrown, what a good reaction covers, how much of it the answers covered. */
export function CurveballItem({
  ball,
  onShowTurn,
}: {
  ball: CurveballResult;
  onShowTurn: (i: number) => void;
}) {
  const answered = ball.weight > 0;
  return (
    <li className="point curveball">
      <span className="point__icon point__icon--curveball" aria-hidden="true">
        ↯
      </span>
      <div className="point__body">
        <div className="point__title">
          <q>{ball.text}</q>
        </div>
        <p className="point__why">
          {answered
            ? `Your reaction covered ${percent(ball.share)} of what a good one covers.`
            : 'The step ended before you answered it; it was not scored.'}
        </p>
        {ball.evidence && <EvidenceQuote evidence={ball.evidence} onShowTurn={onShowTurn} />}
        <details className="point__strong">
          <summary>
            <span className="point__reveal">What a good reaction covers</span>
          </summary>
          <p>{ball.expects}</p>
          {answered && (
            <ul className="curveball__ideas">
              {ball.covered.map((idea) => (
                <li key={`c-${idea}`} className="curveball__idea curveball__idea--covered">
                  ✓ {idea}
                </li>
              ))}
              {ball.missing.map((idea) => (
                <li key={`m-${idea}`} className="curveball__idea">
                  ○ {idea}
                </li>
              ))}
            </ul>
          )}
        </details>
      </div>
    </li>
  );
}
