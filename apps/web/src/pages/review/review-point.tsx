import type { ReviewItem, ReviewRating } from '@mlsd/protocol';
import { useState } from 'react';
import { Notice } from '../../components/notice.tsx';
import { studyApi } from '../../lib/study-api.ts';

const RATINGS: { rating: ReviewRating; label: string; hint: string }[] = [
  { rating: 'again', label: 'Again', hint: 'I did not recall it' },
  { rating: 'hard', label: 'Hard', hint: 'Part of it, with effort' },
  { rating: 'good', label: 'Good', hint: 'Most of it' },
  { rating: 'easy', label: 'Easy', hint: 'All of it, at once' },
];

/** A missed point: its probe first; the strong answer behind a reveal; then a self-rating. */
export function ReviewPoint({
  item,
  onGraded,
}: {
  item: Extract<ReviewItem, { kind: 'point' }>;
  onGraded: () => void;
}) {
  const [revealed, setRevealed] = useState(false);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const grade = async (rating: ReviewRating) => {
    setSending(true);
    setProblem(null);
    try {
      await studyApi.grade(item.itemId, rating);
      onGraded();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'The rating was not saved; try again.');
      setSending(false);
    }
  };
  return (
    <article className="card review-card" aria-label="Review item">
      <p className="eyebrow">
        {item.caseTitle} · missed in {item.missedIn} {item.missedIn === 1 ? 'interview' : 'interviews'}
      </p>
      <p className="review-card__probe">{item.probe}</p>
      {!revealed ? (
        <>
          <p className="muted small">Say or jot down your answer first, then check it.</p>
          <button type="button" className="button button--primary" onClick={() => setRevealed(true)}>
            Show the strong answer
          </button>
        </>
      ) : (
        <>
          <h2 className="small">{item.title}</h2>
          <p className="review-card__strong">{item.strong}</p>
          <p className="muted small">How much of that did you have?</p>
          <fieldset className="rating-buttons" disabled={sending}>
            <legend className="visually-hidden">Rate your recall</legend>
            {RATINGS.map(({ rating, label, hint }) => (
              <button
                key={rating}
                type="button"
                className={`button${rating === 'good' ? ' button--primary' : ''}`}
                title={hint}
                onClick={() => void grade(rating)}
              >
                {label}
              </button>
            ))}
          </fieldset>
        </>
      )}
      {problem && <Notice tone="error">{problem}</Notice>}
    </article>
  );
}
