import type { CoveredPoint, Evidence, MissedPoint, NearMiss, RedFlagHit } from '@mlsd/protocol';
import type { ReactNode } from 'react';
import {
  ABOVE_LEVEL_TEXT,
  nearMissText,
  promptText,
  SEVERITY_LABEL,
  STAFF_ADDS_TEXT,
} from '../../lib/report-text.ts';

/** The items of a step section: covered and missed points, red flags, and the quotes behind them. */

export function PointGroup({
  title,
  count,
  children,
}: {
  title: string;
  count: number;
  children: ReactNode;
}) {
  return (
    <div className="point-group">
      <h4 className="point-group__title">
        {title} <span className="point-group__count">{count}</span>
      </h4>
      <ul className="points">{children}</ul>
    </div>
  );
}

export function CoveredItem({ point, onShowTurn }: { point: CoveredPoint; onShowTurn: (i: number) => void }) {
  return (
    <li className="point">
      <span className="point__icon point__icon--ok" aria-hidden="true">
        ✓
      </span>
      <div className="point__body">
        <div className="point__title">
          {point.title}
          <span className={`badge badge--${point.level}`}>{point.level}</span>
          <span
            className={`badge ${point.afterHint && point.afterHint.factor < 1 ? 'badge--hint' : 'badge--quiet'}`}
          >
            {promptText(point)}
          </span>
          {point.beyondLevel && (
            <span
              className="badge badge--bonus"
              title="Not expected at this session's level: it adds to the step's score, leaving it out costs nothing"
            >
              {ABOVE_LEVEL_TEXT}
            </span>
          )}
        </div>
        <EvidenceQuote evidence={point.evidence} onShowTurn={onShowTurn} />
        {point.nearMiss && <NearMissNote nearMiss={point.nearMiss} />}
      </div>
    </li>
  );
}

export function MissedItem({ point }: { point: MissedPoint }) {
  return (
    <li className="point point--missed">
      <span className="point__icon point__icon--miss" aria-hidden="true">
        ○
      </span>
      <div className="point__body">
        <details className="point__strong">
          <summary>
            <span className="point__title">{point.title}</span>
            <span className="point__reveal">What a strong answer says</span>
          </summary>
          <p>{point.strong}</p>
          {point.staff && (
            <div className="point__staff">
              <h5>{STAFF_ADDS_TEXT}</h5>
              <p>{point.staff}</p>
            </div>
          )}
        </details>
        {point.nearMiss && <NearMissNote nearMiss={point.nearMiss} />}
      </div>
    </li>
  );
}

/** A red flag with its quote and what it cost; `scored` is false where the flag cost nothing (step not reached). */
export function RedFlagItem({
  flag,
  scored,
  onShowTurn,
}: {
  flag: RedFlagHit;
  scored: boolean;
  onShowTurn: (i: number) => void;
}) {
  return (
    <li className="point">
      <span className="point__icon point__icon--flag" aria-hidden="true">
        !
      </span>
      <div className="point__body">
        <div className="point__title">
          {flag.title}
          {flag.severity && <span className="badge badge--flag">{SEVERITY_LABEL[flag.severity]}</span>}
          {flag.deduction !== undefined && scored && (
            <span className="point__deduction">−{flag.deduction} points</span>
          )}
        </div>
        <p className="point__why">{flag.why}</p>
        <EvidenceQuote evidence={flag.evidence} onShowTurn={onShowTurn} />
        {flag.takenBack && (
          <p className="point__near">
            Taken back, so it costs half: <q>{flag.takenBack.quote}</q>
          </p>
        )}
      </div>
    </li>
  );
}

/** The matcher's closest candidate text for a point it did not credit (fully), and why. */
function NearMissNote({ nearMiss }: { nearMiss: NearMiss }) {
  return (
    <p className="point__near">
      Close: <q>{nearMiss.quote}</q> ({nearMissText(nearMiss.why)})
    </p>
  );
}

export function EvidenceQuote({
  evidence,
  onShowTurn,
}: {
  evidence: Evidence;
  onShowTurn: (i: number) => void;
}) {
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
