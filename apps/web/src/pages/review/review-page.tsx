import { MAX_REVIEW_BATCH, type ReviewDeck, type ReviewItem } from '@mlsd/protocol';
import { useState } from 'react';
import { LoadError } from '../../components/load-error.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { href } from '../../lib/routes.ts';
import { studyApi } from '../../lib/study-api.ts';
import { useAsync } from '../../lib/use-async.ts';
import { ReviewDrill } from './review-drill.tsx';
import { ReviewPoint } from './review-point.tsx';
import '../drills/study.css';

/** Spaced review: what is due today, one item at a time, rescheduled as each is answered or rated. */
export function ReviewPage() {
  const deck = useAsync(() => studyApi.review(), []);
  if (deck.status === 'loading') return <Loading label="Loading your review…" />;
  if (deck.status === 'error') {
    return (
      <div className="page">
        <LoadError error={deck.error} onRetry={deck.reload} what="your review" />
      </div>
    );
  }
  return <ReviewSession deck={deck.value} onReload={deck.reload} />;
}

function ReviewSession({ deck, onReload }: { deck: ReviewDeck; onReload: () => void }) {
  const [done, setDone] = useState(0);
  const item: ReviewItem | undefined = deck.items[done];
  const left = deck.dueCount - done;
  const next = () => setDone((n) => n + 1);
  return (
    <div className="page study">
      <header className="page-head">
        <h1>Review</h1>
        <p className="lede">
          Points you missed in past interviews and drills you have tried come back here, spaced out by how
          well you knew them last time.
        </p>
        {deck.dueCount > 0 && (
          <p className="muted small" aria-live="polite">
            {left > 0 ? `${left} due today` : 'All done for now'}
            {deck.dueCount > MAX_REVIEW_BATCH
              ? ` · a long backlog is served ${MAX_REVIEW_BATCH} at a time, oldest first`
              : ''}
          </p>
        )}
      </header>
      {deck.caseItemsHidden && (
        <Notice>
          Points missed in past interviews are held back while a peer interview you set up is waiting or
          running, so none can give its case away.
        </Notice>
      )}
      {item ? (
        item.kind === 'point' ? (
          <ReviewPoint key={item.itemId} item={item} onGraded={next} />
        ) : (
          <ReviewDrill key={item.itemId} item={item} onDone={next} />
        )
      ) : (
        <Caught deck={deck} batchDone={done > 0} onReload={onReload} />
      )}
    </div>
  );
}

function Caught({
  deck,
  batchDone,
  onReload,
}: {
  deck: ReviewDeck;
  batchDone: boolean;
  onReload: () => void;
}) {
  if (batchDone && deck.dueCount > deck.items.length) {
    return (
      <div className="card review-card">
        <p>That batch is done; {deck.dueCount - deck.items.length} more are due.</p>
        <button type="button" className="button button--primary" onClick={onReload}>
          Next batch
        </button>
      </div>
    );
  }
  if (deck.totalCount === 0) {
    return (
      <p className="empty">
        Nothing to review yet. Finish an interview (the points it missed come here) or{' '}
        <a href={href({ name: 'drills' })}>try a drill</a>.
      </p>
    );
  }
  return (
    <p className="empty">
      Nothing is due right now.
      {deck.nextDueAt !== null &&
        ` The next item comes back ${new Date(deck.nextDueAt).toLocaleString(undefined, {
          dateStyle: 'medium',
          timeStyle: 'short',
        })}.`}{' '}
      <a href={href({ name: 'drills' })}>Try a new drill</a> in the meantime.
    </p>
  );
}
