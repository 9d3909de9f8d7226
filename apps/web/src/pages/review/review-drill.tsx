import type { ReviewItem } from '@mlsd/protocol';
import { useState } from 'react';
import { LoadError } from '../../components/load-error.tsx';
import { Loading } from '../../components/loading.tsx';
import { studyApi } from '../../lib/study-api.ts';
import { useAsync } from '../../lib/use-async.ts';
import { DrillRunner } from '../drills/drill-runner.tsx';

/** A drill due again: answered on the clock like any drill; its score reschedules it. */
export function ReviewDrill({
  item,
  onDone,
}: {
  item: Extract<ReviewItem, { kind: 'drill' }>;
  onDone: () => void;
}) {
  const deck = useAsync(() => studyApi.drills(), []);
  const [scored, setScored] = useState(false);
  if (deck.status === 'loading') return <Loading label="Loading the card…" />;
  if (deck.status === 'error')
    return <LoadError error={deck.error} onRetry={deck.reload} what="the drill card" />;
  const card = deck.value.cards.find((each) => each.id === item.cardId);
  if (!card) {
    return (
      <div className="card review-card">
        <p>The drill “{item.title}” is no longer on this server.</p>
        <button type="button" className="button" onClick={onDone}>
          Skip it
        </button>
      </div>
    );
  }
  return (
    <div className="review-drill">
      <DrillRunner card={card} nextCardId={null} onScored={() => setScored(true)} />
      {scored && (
        <div className="drill__actions">
          <button type="button" className="button button--primary" onClick={onDone}>
            Next review item
          </button>
        </div>
      )}
    </div>
  );
}
