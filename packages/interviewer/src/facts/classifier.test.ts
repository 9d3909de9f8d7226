import type { Fact } from '@mlsd/rubric';
import { describe, expect, it } from 'vitest';
import { createFactClassifier, questionFeatures } from './classifier.ts';

const fact = (id: string, cues: string[], asks: string[]): Fact =>
  ({ id, cues, asks, answer: `${id} answer.` }) as Fact;

const FACTS = [
  fact(
    'traffic',
    ['peak qps'],
    ['How many requests per second at peak?', 'How busy does it get at dinner time?'],
  ),
  fact(
    'latency',
    ['latency budget'],
    ['How fast must the score come back?', 'What is the p99 budget in ms?'],
  ),
  fact('labels', ['label delay'], ['How long until we know it was fraud?', 'When do chargebacks arrive?']),
];

describe('the fact classifier', () => {
  const classifier = createFactClassifier(FACTS);

  it('picks the fact whose example questions a new wording shares words with', () => {
    expect(classifier.classify('how busy is it at the dinner peak?')?.fact.id).toBe('traffic');
    expect(classifier.classify('what budget in ms do we get for scoring')?.fact.id).toBe('latency');
    expect(classifier.classify('how long before chargebacks tell us')?.fact.id).toBe('labels');
  });

  it('says nothing about a question with no word it has seen', () => {
    expect(classifier.classify('who won the football?')).toBeUndefined();
  });

  it('is trained the same way every time', () => {
    const again = createFactClassifier(FACTS);
    const question = 'how many requests and how fast';
    expect(again.classify(question)).toEqual(classifier.classify(question));
  });

  it('reads words, their first letters and word pairs, not how a question asks', () => {
    expect(questionFeatures('How many requests?')).toEqual([
      'w:requests',
      'p:reque',
      'b:how_many',
      'b:many_requests',
    ]);
  });
});
