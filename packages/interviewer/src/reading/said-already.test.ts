import { describe, expect, it } from 'vitest';
import { saysAnsweredAlready, saysNeverSaid } from './said-already.ts';

describe('a question said to be answered already', () => {
  it('is read when the message opens by pointing back, or asks whether it was missed', () => {
    for (const text of [
      'I literally just said that: quantile heads, and the window end is the upper quantile. Did you miss it?',
      'Yes, already covered that above.',
      "Covered, it's the booked listing as global context.",
      'Already covered.',
      'Also already covered: I slice by new versus established events.',
      'I mentioned this earlier, the offset layer updates every few minutes.',
    ])
      expect(saysAnsweredAlready(text), text).toBe(true);
  });

  it('is not read in an answer that builds on something said before', () => {
    for (const text of [
      'As I said, the top 50: 12,000 QPS times 50 is 600k pairs a second.',
      'We already covered the cold start case with a popularity prior, so now the ranker.',
      'Covered calls are the ones the vendor pays for.',
      'I covered calibration above; now for the thresholds.',
    ])
      expect(saysAnsweredAlready(text), text).toBe(false);
  });
});

describe('a question said to rest on something never said', () => {
  it('is read when the candidate disowns what the question attributed to them', () => {
    for (const text of [
      "I don't know what you mean by multiplying by money, I didn't say that. But I guess the score should be a probability?",
      "That's not what I proposed: I said one index for all sellers.",
      'Where did I say we would retrain automatically?',
      'I never suggested a date split, I grouped by repository.',
      "Wait, sorry, I think you misheard me, I'm NOT saying optimize CTR, I'm saying the opposite.",
    ])
      expect(saysNeverSaid(text), text).toBe(true);
  });

  it('is not read when the candidate owns a slip of their own or says nothing about the question', () => {
    for (const text of [
      "I'm not saying it's perfect, but I'd go with a GBDT.",
      "I didn't say that clearly: the threshold is per country.",
      'I never said it explicitly, but the labels come from chargebacks.',
      "I didn't mention latency yet; the budget is 100 ms.",
      'We said the model should be retrained daily.',
    ])
      expect(saysNeverSaid(text), text).toBe(false);
  });
});
