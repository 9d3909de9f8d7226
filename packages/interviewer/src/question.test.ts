import { describe, expect, it } from 'vitest';
import { looksLikeQuestion } from './question.ts';

describe('looksLikeQuestion', () => {
  it.each([
    'How many users do we have?',
    'how many users do we have',
    'What is the latency budget',
    "What's the click-through rate",
    'Do we have labels for past orders',
    'Can I assume 10 million daily users',
    'Is there an existing model in production',
    'So, are there any privacy constraints',
    "I'd like to know the peak traffic.",
    'Makes sense. And what about cold start?',
    'What is the scale? What is the latency? Do we have labels?',
    'I would start with requirements. What is the business goal?',
  ])('reads "%s" as a question', (text) => {
    expect(looksLikeQuestion(text)).toBe(true);
  });

  it.each([
    'I would frame this as a binary classification of click versus no click.',
    'When a user opens the app, we fetch candidates from three sources and rank them.',
    'What I would do first is a logistic regression baseline.',
    'Why a baseline? Because it tells us what the fancy model has to beat. Then I would try GBDT, and later a two-tower model.',
    'We should log impressions and clicks and join them. Does that make sense?',
    'Calibration matters because the auction multiplies bid by probability. Should I go deeper?',
    '',
    '   ',
  ])('reads "%s" as an answer', (text) => {
    expect(looksLikeQuestion(text)).toBe(false);
  });
});
