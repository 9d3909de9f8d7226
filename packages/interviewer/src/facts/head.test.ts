import { describe, expect, it } from 'vitest';
import { predicateOf } from './head.ts';

describe('predicateOf', () => {
  it.each([
    ['Can guests message hosts before booking?', 'message'],
    ['Do we refund customers after fraud?', 'refund'],
    ['Do we also need to blur pets?', 'blur'],
    ['Do couriers get a bonus for on-time deliveries?', 'bonus'],
    ['Does our ranker also place the ads?', 'ads'],
    ['Do kitchens reliably mark when the food is done?', 'mark'],
    ['Do we support voice search?', 'voice'],
  ])('"%s" asks about "%s"', (question, predicate) => {
    expect(predicateOf(question)).toBe(predicate);
  });

  it('finds none in a question that is not yes/no', () => {
    expect(predicateOf('How many users are there?')).toBeUndefined();
    expect(predicateOf('What is the latency budget?')).toBeUndefined();
    expect(predicateOf('Do we?')).toBeUndefined();
  });
});
