import type { CaseSummary, DrillCardSummary, StepId } from '@mlsd/protocol';
import { Notice } from '../../components/notice.tsx';
import { api } from '../../lib/api.ts';
import { scoreBand } from '../../lib/labels.ts';
import { href } from '../../lib/routes.ts';
import { STEP_TITLES } from '../../lib/step-names.ts';
import { useAsync } from '../../lib/use-async.ts';

/** The deck: general cards by step, case cards by case, and the cases to draw from memory. */
export function DrillDeck({
  cards,
  caseCardsHidden,
}: {
  cards: DrillCardSummary[];
  caseCardsHidden: boolean;
}) {
  const general = cards.filter((card) => card.caseId === undefined);
  const byCase = new Map<string, DrillCardSummary[]>();
  for (const card of cards) {
    if (card.caseId === undefined) continue;
    byCase.set(card.caseId, [...(byCase.get(card.caseId) ?? []), card]);
  }
  const steps = (Object.keys(STEP_TITLES) as StepId[]).filter((step) =>
    general.some((card) => card.step === step),
  );
  const tried = cards.filter((card) => card.attempts > 0).length;
  return (
    <div className="page study">
      <header className="page-head">
        <h1>Drills</h1>
        <p className="lede">
          Short timed exercises on one trade-off at a time: say when you would pick which option and why. Your
          answer is scored like an interview step, and each card you try comes back in review.
        </p>
        {cards.length > 0 && (
          <p className="muted small">
            {cards.length} cards · {tried} tried
          </p>
        )}
      </header>
      {caseCardsHidden && (
        <Notice>
          Case cards are held back while a peer interview you set up is waiting or running, so none can give
          its case away. They come back when it ends.
        </Notice>
      )}
      {cards.length === 0 && (
        <p className="empty">This server has no drill cards (rubrics/drills is missing).</p>
      )}
      {steps.map((step) => (
        <section key={step} className="study__group" aria-labelledby={`deck-${step}`}>
          <h2 id={`deck-${step}`}>{STEP_TITLES[step]}</h2>
          <CardGrid cards={general.filter((card) => card.step === step)} />
        </section>
      ))}
      {byCase.size > 0 && (
        <section className="study__group" aria-labelledby="deck-cases">
          <h2 id="deck-cases">Case cards</h2>
          {[...byCase].map(([caseId, caseCards]) => (
            <div key={caseId} className="study__case">
              <h3>{caseCards[0]?.caseTitle ?? caseId}</h3>
              <CardGrid cards={caseCards} />
            </div>
          ))}
        </section>
      )}
      <DrawCases />
    </div>
  );
}

function CardGrid({ cards }: { cards: DrillCardSummary[] }) {
  return (
    <ul className="study__cards">
      {cards.map((card) => (
        <li key={card.id}>
          <a className="card study-card" href={href({ name: 'drills', cardId: card.id })}>
            <span className="study-card__title">{card.title}</span>
            <span className="study-card__meta muted small">
              {card.minutes} min
              {card.lastScore !== null && (
                <>
                  {' · last '}
                  <span className={`score-text score-text--${scoreBand(card.lastScore)}`}>
                    {Math.round(card.lastScore)}
                  </span>
                </>
              )}
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Every case, to draw its architecture from memory; a failure leaves the section out. */
function DrawCases() {
  const cases = useAsync(() => api.cases(), []);
  if (cases.status !== 'ok' || cases.value.length === 0) return null;
  return (
    <section className="study__group" aria-labelledby="deck-draw">
      <h2 id="deck-draw">Draw a case from memory</h2>
      <p className="muted">
        List a case's components and arrows against the clock, then compare with our reference design.
      </p>
      <ul className="study__cards">
        {cases.value.map((study: CaseSummary) => (
          <li key={study.id}>
            <a className="card study-card" href={href({ name: 'draw', caseId: study.id })}>
              <span className="study-card__title">{study.title}</span>
              <span className="study-card__meta muted small">Draw from memory</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
