import { describe, expect, it } from 'vitest';
import { refersBack } from './follow-up.ts';

describe('refersBack', () => {
  it.each([
    'How often do they succeed?',
    'If so, how much of it do we catch?',
    'How much of that is there?',
    'What does each cost?',
    'Who places them?',
    'Does that change a lot?',
    'and at what price',
    'For how long?',
    // Options offered for the question before.
    'Purchase from session, or click?',
    'Millions or billions?',
  ])('"%s" leans on the question before', (question) => {
    expect(refersBack(question)).toBe(true);
  });

  it.each([
    'What is the latency budget?',
    'How many posts does each user see?',
    'Is there a rule that applies to minors?',
    'Which data do we log for this case?',
    'Do we serve mobile or web?',
  ])('"%s" stands on its own', (question) => {
    expect(refersBack(question)).toBe(false);
  });
});
