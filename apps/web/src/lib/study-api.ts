import {
  type DrawAttemptBody,
  DrawBrief,
  DrawResult,
  DrillDeckResponse,
  DrillResult,
  RecurringMiss,
  ReviewDeck,
  ReviewGradeResponse,
  type ReviewRating,
} from '@mlsd/protocol';
import * as z from 'zod/mini';
import { ownerHeaders, request } from './api.ts';

const post = (body: unknown): { method: string; headers: Record<string, string>; body: string } => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...ownerHeaders() },
  body: JSON.stringify(body),
});

/** Fired on `window` after an answer or a rating changed what is due (the header's count listens). */
export const REVIEW_CHANGED_EVENT = 'mlsd:review-changed';

async function changingReview<T>(call: Promise<T>): Promise<T> {
  const value = await call;
  window.dispatchEvent(new Event(REVIEW_CHANGED_EVENT));
  return value;
}

/** The study modes' REST calls; each speaks for this browser's owner key, like the history. */
export const studyApi = {
  drills: () => request('/api/drills', DrillDeckResponse, { headers: ownerHeaders() }),
  attempt: (cardId: string, answer: string) =>
    changingReview(
      request(`/api/drills/${encodeURIComponent(cardId)}/attempts`, DrillResult, post({ answer })),
    ),
  drawBrief: (caseId: string) => request(`/api/draw/${encodeURIComponent(caseId)}`, DrawBrief),
  draw: (caseId: string, drawing: DrawAttemptBody) =>
    request(`/api/draw/${encodeURIComponent(caseId)}`, DrawResult, post(drawing)),
  review: () => request('/api/review', ReviewDeck, { headers: ownerHeaders() }),
  grade: (itemId: string, rating: ReviewRating) =>
    changingReview(
      request(`/api/review/items/${encodeURIComponent(itemId)}/grade`, ReviewGradeResponse, post({ rating })),
    ),
  recurring: () => request('/api/review/recurring', z.array(RecurringMiss), { headers: ownerHeaders() }),
};
