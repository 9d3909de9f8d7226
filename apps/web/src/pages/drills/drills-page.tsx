import { ErrorPage } from '../../components/error-page.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { Loading } from '../../components/loading.tsx';
import { href } from '../../lib/routes.ts';
import { studyApi } from '../../lib/study-api.ts';
import { useAsync } from '../../lib/use-async.ts';
import { DrillDeck } from './drill-deck.tsx';
import { DrillRunner } from './drill-runner.tsx';
import './study.css';

/** Trade-off drills: the deck, or one card on the clock (`cardId`). */
export function DrillsPage({ cardId }: { cardId?: string }) {
  const deck = useAsync(() => studyApi.drills(), [cardId ?? '']);
  if (deck.status === 'loading') return <Loading label="Loading the drill cards…" />;
  if (deck.status === 'error') {
    return (
      <div className="page">
        <LoadError error={deck.error} onRetry={deck.reload} what="the drill cards" />
      </div>
    );
  }
  const cards = deck.value.cards;
  if (cardId === undefined) return <DrillDeck cards={cards} caseCardsHidden={deck.value.caseCardsHidden} />;
  const index = cards.findIndex((card) => card.id === cardId);
  const card = cards[index];
  if (!card) {
    return (
      <ErrorPage
        title="No such drill card"
        action={
          <a className="button" href={href({ name: 'drills' })}>
            All drills
          </a>
        }
      >
        There is no drill card <code>{cardId}</code> on this server. It may have been renamed.
      </ErrorPage>
    );
  }
  const next = cards[(index + 1) % cards.length];
  return <DrillRunner key={card.id} card={card} nextCardId={next && next.id !== card.id ? next.id : null} />;
}
