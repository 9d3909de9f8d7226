import type { ReviewRating } from '@mlsd/protocol';
import { type Card, createEmptyCard, fsrs, type Grade, Rating } from 'ts-fsrs';

/**
 * Spaced review through ts-fsrs (FSRS, a maintained scheduler): we keep its card as JSON and ask
 * it for the next due date; nothing here decides intervals itself.
 */
const scheduler = fsrs({ enable_fuzz: false });

const GRADES: Record<ReviewRating, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

/** The scheduler's card as stored: dates as ISO strings (JSON has no dates). */
export type StoredCard = Omit<Card, 'due' | 'last_review'> & { due: string; last_review?: string };

/** A card seen for the first time: due at once. */
export function newCard(now: number): StoredCard {
  return toStored(createEmptyCard(new Date(now)));
}

/** The card after a review rated `rating` at `now`, and when it is due next. */
export function reschedule(card: StoredCard, rating: ReviewRating, now: number): StoredCard {
  const next = scheduler.next(fromStored(card), new Date(now), GRADES[rating]);
  return toStored(next.card);
}

export function dueAt(card: StoredCard): number {
  return Date.parse(card.due);
}

/**
 * A drill attempt graded as a review: the score stands in for the self-rating a recall card asks
 * for. The bands follow the hire thresholds' spirit: under 25 the idea is not there yet (again),
 * under 50 it is shaky (hard), 50-84 sound (good), 85 and up easy.
 */
export function ratingForScore(score: number): ReviewRating {
  if (score < 25) return 'again';
  if (score < 50) return 'hard';
  if (score < 85) return 'good';
  return 'easy';
}

/** A stored card read back, or null when it is not one (a hand-edited row): it then starts afresh. */
export function parseStoredCard(value: unknown): StoredCard | null {
  if (typeof value !== 'object' || value === null) return null;
  const card = value as Partial<StoredCard>;
  if (typeof card.due !== 'string' || Number.isNaN(Date.parse(card.due))) return null;
  if (typeof card.stability !== 'number' || typeof card.difficulty !== 'number') return null;
  if (typeof card.state !== 'number' || typeof card.reps !== 'number') return null;
  return card as StoredCard;
}

function toStored(card: Card): StoredCard {
  const { due, last_review, ...rest } = card;
  return {
    ...rest,
    due: due.toISOString(),
    ...(last_review ? { last_review: last_review.toISOString() } : {}),
  };
}

function fromStored(card: StoredCard): Card {
  const { due, last_review, ...rest } = card;
  return { ...rest, due: new Date(due), ...(last_review ? { last_review: new Date(last_review) } : {}) };
}
