import { MAX_RATING_COMMENT_CHARS, type StepRating as Rating, type StepId } from '@mlsd/protocol';
import { useEffect, useRef, useState } from 'react';
import { RATING_LABEL } from '../../lib/labels.ts';

/**
 * A 1-4 rating and a comment for one step; the comment is saved a moment after typing stops.
 * `readOnly` shows the interviewer's rating to an observer of the console.
 */
export function StepRating({
  step,
  title,
  rating,
  connected,
  onRate,
  readOnly = false,
}: {
  step: StepId;
  title: string;
  rating: Rating | undefined;
  connected: boolean;
  onRate: (step: StepId, score: number | null, comment: string) => boolean;
  readOnly?: boolean;
}) {
  // Shown at once; the server's echo confirms it (and another tab's change replaces it).
  const [score, setScore] = useState<number | null>(rating?.score ?? null);
  const [comment, setComment] = useState(rating?.comment ?? '');
  const dirty = useRef(false);

  useEffect(() => {
    dirty.current = false;
    setComment(rating?.comment ?? '');
  }, [step]);

  useEffect(() => setScore(rating?.score ?? null), [rating?.score]);

  useEffect(() => {
    if (!dirty.current) setComment(rating?.comment ?? '');
  }, [rating?.comment]);

  useEffect(() => {
    if (!dirty.current || !connected) return;
    const timer = window.setTimeout(() => {
      if (onRate(step, score, comment)) dirty.current = false;
    }, 700);
    return () => window.clearTimeout(timer);
  }, [comment, connected, onRate, step, score]);

  return (
    <fieldset className="step-rating">
      <legend>
        {readOnly ? 'Interviewer' : 'Your'} rating: {title}
      </legend>
      <div className="step-rating__scale">
        {[1, 2, 3, 4].map((value) => (
          <label key={value} className="step-rating__option">
            <input
              type="radio"
              name={`rating-${step}`}
              value={value}
              checked={score === value}
              disabled={!connected || readOnly}
              onChange={() => {
                setScore(value);
                onRate(step, value, comment);
              }}
            />
            <span>
              <strong>{value}</strong> {RATING_LABEL[value]}
            </span>
          </label>
        ))}
      </div>
      <label className="step-rating__comment">
        <span className="visually-hidden">Comment on {title}</span>
        <textarea
          rows={3}
          maxLength={MAX_RATING_COMMENT_CHARS}
          readOnly={readOnly}
          placeholder={
            readOnly
              ? 'No comment on this step yet.'
              : 'What was strong, what was missing (the candidate sees this in the report)'
          }
          value={comment}
          onChange={(e) => {
            dirty.current = true;
            setComment(e.target.value);
          }}
        />
      </label>
    </fieldset>
  );
}
