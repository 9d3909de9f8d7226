import { describe, expect, it } from 'vitest';
import { dueAt, newCard, parseStoredCard, ratingForScore, reschedule } from '../src/study/review-schedule.ts';

const NOW = Date.UTC(2026, 0, 5, 9, 0, 0);
const DAY = 86_400_000;

describe('review schedule (ts-fsrs)', () => {
  it('makes a new card due at once and survives a JSON round trip', () => {
    const card = newCard(NOW);
    expect(dueAt(card)).toBe(NOW);
    const stored = JSON.parse(JSON.stringify(card)) as unknown;
    expect(parseStoredCard(stored)).toEqual(card);
  });

  it('spaces a card further after each good answer, and brings it back soon after again', () => {
    let card = newCard(NOW);
    let now = NOW;
    const gaps: number[] = [];
    for (let round = 0; round < 4; round += 1) {
      card = reschedule(card, 'good', now);
      gaps.push(dueAt(card) - now);
      now = dueAt(card);
    }
    for (let index = 1; index < gaps.length; index += 1)
      expect(gaps[index]).toBeGreaterThan(gaps[index - 1]!);
    expect(gaps.at(-1)).toBeGreaterThan(DAY);
    const lapsed = reschedule(card, 'again', now);
    expect(dueAt(lapsed) - now).toBeLessThan(DAY);
    expect(lapsed.lapses).toBe(1);
  });

  it('orders the four ratings from soonest to latest', () => {
    const card = reschedule(newCard(NOW), 'good', NOW);
    const later = dueAt(card);
    const dues = (['again', 'hard', 'good', 'easy'] as const).map((rating) =>
      dueAt(reschedule(card, rating, later)),
    );
    expect([...dues].sort((a, b) => a - b)).toEqual(dues);
    expect(new Set(dues).size).toBe(4);
  });

  it('reads a drill score as a rating, and refuses a stored value that is not a card', () => {
    expect([0, 24, 25, 49, 50, 84, 85, 100].map(ratingForScore)).toEqual([
      'again',
      'again',
      'hard',
      'hard',
      'good',
      'good',
      'easy',
      'easy',
    ]);
    expect(parseStoredCard({})).toBeNull();
    expect(parseStoredCard(null)).toBeNull();
    expect(parseStoredCard({ ...newCard(NOW), due: 'not a date' })).toBeNull();
  });
});
