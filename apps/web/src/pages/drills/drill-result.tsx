import type { DrillCardSummary, DrillResult } from '@mlsd/protocol';
import { ScoreDial } from '../../components/score-dial.tsx';
import { href } from '../../lib/routes.ts';

/** A scored drill: the score, each point credited with the words that earned it, and what was missing. */
export function DrillResultView({
  card,
  result,
  nextCardId,
  embedded,
  onRetry,
}: {
  card: DrillCardSummary;
  result: DrillResult;
  nextCardId: string | null;
  /** Shown inside the review page: no deck navigation. */
  embedded: boolean;
  onRetry: () => void;
}) {
  const total = result.credited.length + result.missed.length;
  return (
    <section className="drill-result" aria-labelledby="drill-result-title">
      <header className="drill-result__head">
        <ScoreDial score={result.score} size={96} />
        <div>
          <p className="eyebrow">Drill result</p>
          <h1 id="drill-result-title">{card.title}</h1>
          <p className="muted">
            {result.credited.length} of {total} points credited · back in review{' '}
            {whenBack(result.nextReviewAt)}
          </p>
        </div>
      </header>
      <p className="drill__question card">{card.question}</p>

      {result.credited.length > 0 && (
        <>
          <h2>Credited</h2>
          <ul className="point-list">
            {result.credited.map((point) => (
              <li key={point.pointId} className="point-list__item card">
                <div className="point-list__title">
                  <strong>{point.title}</strong>
                  <span className={`badge badge--${point.level}`}>{point.level}</span>
                </div>
                <q className="point-list__quote">{point.quote}</q>
                {point.level === 'mentioned' && (
                  <p className="muted small">
                    Named but not explained: say why it fits here, with a number or a condition, for full
                    credit.
                  </p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {result.missed.length > 0 && (
        <>
          <h2>Missed: what a strong answer adds</h2>
          <ul className="point-list">
            {result.missed.map((point) => (
              <li key={point.pointId} className="point-list__item card">
                <div className="point-list__title">
                  <strong>{point.title}</strong>
                  <span className="badge">missed</span>
                </div>
                <p>{point.strong}</p>
                {point.nearMiss && (
                  <p className="muted small">
                    Closest you came: <q>{point.nearMiss.quote}</q> ({point.nearMiss.why})
                  </p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {result.redFlags.length > 0 && (
        <>
          <h2>Red flags</h2>
          <ul className="point-list">
            {result.redFlags.map((flag) => (
              <li key={flag.id} className="point-list__item card point-list__item--flag">
                <strong>{flag.title}</strong>
                <q className="point-list__quote">{flag.quote}</q>
                <p className="muted small">{flag.why}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      <details className="drill-result__answer">
        <summary>Your answer</summary>
        <p className="drill-result__text">{result.answer}</p>
      </details>
      {!embedded && (
        <div className="drill__actions">
          <button type="button" className="button" onClick={onRetry}>
            Try again
          </button>
          {nextCardId && (
            <a className="button button--primary" href={href({ name: 'drills', cardId: nextCardId })}>
              Next card
            </a>
          )}
          <a className="button button--quiet" href={href({ name: 'drills' })}>
            All drills
          </a>
        </div>
      )}
    </section>
  );
}

/** "at 14:05" within the day, else the date: a card rated again comes back within minutes. */
function whenBack(at: number): string {
  const date = new Date(at);
  if (at - Date.now() < 20 * 60 * 60_000)
    return `at ${date.toLocaleTimeString(undefined, { timeStyle: 'short' })}`;
  return `on ${date.toLocaleDateString(undefined, { dateStyle: 'medium' })}`;
}
