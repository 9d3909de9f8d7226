import type {
  CurveballComparison,
  CurveballView,
  Evidence,
  PointComparison,
  RedFlagComparison,
} from '@mlsd/protocol';
import type { ReactNode } from 'react';
import {
  curveballCoverText,
  POINT_AGREEMENT_LABEL,
  RED_FLAG_AGREEMENT_LABEL,
  redFlagCostText,
  redFlagViewText,
  UNCERTAIN_TEXT,
} from '../../lib/comparison-text.ts';

/** The items of the comparison's "Where they disagree": each shows what both scorers said, side by side. */

type ShowTurn = (turnIndex: number) => void;

export function PointDisagreement({ point, onShowTurn }: { point: PointComparison; onShowTurn: ShowTurn }) {
  const tone = (level: PointComparison['judge']['level']) => (level === 'missed' ? 'quiet' : level);
  return (
    <Disagreement
      agreement={point.agreement}
      title={point.title}
      badges={[POINT_AGREEMENT_LABEL[point.agreement]]}
    >
      <Verdict
        who="Offline matcher"
        label={point.offline.level}
        tone={tone(point.offline.level)}
        evidence={point.offline.evidence}
        onShowTurn={onShowTurn}
      />
      <Verdict
        who="Model judge"
        label={point.judge.level}
        tone={tone(point.judge.level)}
        evidence={point.judge.evidence}
        uncertain={point.judge.uncertain}
        onShowTurn={onShowTurn}
      />
    </Disagreement>
  );
}

export function RedFlagDisagreement({ flag, onShowTurn }: { flag: RedFlagComparison; onShowTurn: ShowTurn }) {
  const tone = (evidence: Evidence | null) => (evidence ? 'flag' : 'quiet');
  return (
    <Disagreement
      agreement={flag.agreement}
      title={flag.title}
      badges={[redFlagCostText(flag), RED_FLAG_AGREEMENT_LABEL[flag.agreement]]}
    >
      <Verdict
        who="Offline matcher"
        label={redFlagViewText(flag.offline)}
        tone={tone(flag.offline)}
        evidence={flag.offline}
        onShowTurn={onShowTurn}
      />
      <Verdict
        who="Model judge"
        label={redFlagViewText(flag.judge, flag.uncertain)}
        tone={tone(flag.judge)}
        evidence={flag.judge}
        uncertain={flag.uncertain}
        onShowTurn={onShowTurn}
      />
    </Disagreement>
  );
}

export function CurveballDisagreement({
  ball,
  onShowTurn,
}: {
  ball: CurveballComparison;
  onShowTurn: ShowTurn;
}) {
  const verdict = (who: string, view: CurveballView) => (
    <Verdict
      who={who}
      label={curveballCoverText(view)}
      tone={view.covered.length === 0 ? 'quiet' : view.share >= 1 ? 'explained' : 'mentioned'}
      detail={view.covered.join(', ')}
      evidence={view.evidence}
      uncertain={view.uncertain}
      onShowTurn={onShowTurn}
    />
  );
  return (
    <Disagreement agreement={ball.agreement} title={<q>{ball.text}</q>} badges={['graded differently']}>
      {verdict('Offline matcher', ball.offline)}
      {verdict('Model judge', ball.judge)}
    </Disagreement>
  );
}

function Disagreement({
  agreement,
  title,
  badges,
  children,
}: {
  agreement: string;
  title: ReactNode;
  badges: string[];
  children: ReactNode;
}) {
  return (
    <li className="point compare__point" data-agreement={agreement}>
      <span className="point__icon point__icon--flag" aria-hidden="true">
        ≠
      </span>
      <div className="point__body">
        <div className="point__title">
          {title}
          {badges.map((badge) => (
            <span key={badge} className="badge badge--quiet">
              {badge}
            </span>
          ))}
        </div>
        <dl className="compare__views">{children}</dl>
      </div>
    </li>
  );
}

/** What one scorer said: a verdict badge, the ideas or quote behind it, and whether the judge's runs split. */
function Verdict({
  who,
  label,
  tone,
  detail,
  evidence,
  uncertain,
  onShowTurn,
}: {
  who: string;
  label: string;
  tone: string;
  detail?: string;
  evidence: Evidence | null;
  uncertain?: boolean;
  onShowTurn: ShowTurn;
}) {
  const turnIndex = evidence?.turnIndex ?? null;
  return (
    <div>
      <dt>{who}</dt>
      <dd>
        <span className={`badge badge--${tone}`}>{label}</span>
        {detail && <span className="muted"> {detail}</span>}
        {evidence && (
          <>
            {' '}
            <q>{evidence.quote}</q>{' '}
            {turnIndex !== null && (
              <button type="button" className="link-button" onClick={() => onShowTurn(turnIndex)}>
                Show in transcript
              </button>
            )}
          </>
        )}
        {uncertain && (
          <>
            {' '}
            <small className="compare__uncertain muted">{UNCERTAIN_TEXT}</small>
          </>
        )}
      </dd>
    </div>
  );
}
