import { describe, expect, it } from 'vitest';
import { splitSpans } from './segment.ts';

const texts = (text: string) => splitSpans(text).map((span) => text.slice(span.start, span.end));

describe('splitSpans', () => {
  it('splits sentences and lines, keeping offsets into the original text', () => {
    const text = 'We need calibration. Advertisers pay per click!\n- feature store\n- two tower  ';
    expect(texts(text)).toEqual([
      'We need calibration.',
      'Advertisers pay per click!',
      '- feature store',
      '- two tower',
    ]);
    expect(splitSpans(text).map((span) => span.bullet)).toEqual([false, false, true, true]);
  });

  it('marks a sentence as a question when it opens like one, not for its rising voice alone', () => {
    const asks = (text: string) => splitSpans(text)[0]?.question;
    for (const text of [
      'How many clicks do we get a day?',
      'what about class imbalance?',
      'peak QPS?',
      'the page needs 150ms, how much of that do we get?',
      'like whats the delay',
      'and whats the budget for serving',
      'like when is the label done',
      'like how many?',
      'so for the labels, would we get them from user reports?',
      // A terse question in a bullet: the mark is no word of it.
      '- latency budget for the carousel?',
      // A few nouns naming figures: an ask, however long its opening.
      'QPS peak, p99 budget for the ML part?',
    ])
      expect(asks(text), text).toBe(true);
    for (const text of [
      'and predict the 90th percentile instead of one number?',
      'so we first gather candidates, like friends of friends, then rank them?',
      'i think the goal is to keep people scrolling as long as possible?',
      'when the rate drops we retrain',
      'maybe xgboost?',
      'gbdt with pinball loss perhaps?',
      'like a ranking thing?',
      // The candidate's yardstick, put as a question.
      'The real test is: does the new pricing get more people a car in under 8 minutes?',
      // An auxiliary that goes on a statement, not one before its subject; "like" before an example.
      'The cheapest first thing, um, would probably be adding synonyms to the existing search box?',
      'recall at k, like is the right document in the top 10?',
      // The candidate's own figures, or a figure in a sentence that says something, put up for a check.
      'Peak 300 QPS, budget 250 ms?',
      "we'd keep a p99 budget per stage?",
    ])
      expect(asks(text), text).toBe(false);
  });

  it('reads a design choice put up with a rising voice as proposed, not asked', () => {
    const span = (text: string) => splitSpans(text)[0];
    for (const text of [
      'Could we maybe frame this as ranking, predicting the chance of a few actions like comments?',
      'For training data, could we use impression logs where each shown post is one example?',
      'Would it make sense to give comments their own tower and upweight them?',
      'Should we also have guardrails, like hides and reports not getting worse?',
      'Would features like author closeness and post age make sense to predict a comment?',
      'How often should we retrain, daily maybe?',
      'What if we cached the drive times per restaurant and area?',
    ]) {
      expect(span(text)?.proposed, text).toBe(true);
      expect(span(text)?.question, text).toBe(false);
    }
    // Asking what the case has or allows, or a short question, still asks.
    for (const text of [
      'so for the labels, would we get them from user reports?',
      'Can we use the location data of the users?',
      'Would it make sense to also ask about latency?',
      'What is the latency budget, like 100ms?',
      'Should we care about latency at all here?',
      'Should we retrain?',
    ]) {
      expect(span(text)?.proposed, text).toBe(false);
      expect(span(text)?.question, text).toBe(true);
    }
  });

  it('reads an admission of not knowing as a question, unless a guess follows in the sentence', () => {
    const asks = (text: string) => splitSpans(text)[0]?.question;
    for (const text of [
      "I'm not sure what the business goal is.",
      "Hmm, I don't know how we would calibrate the scores.",
      'Honestly no idea which loss to use here.',
      "I'm not really sure whether we need a second stage.",
    ])
      expect(asks(text), text).toBe(true);
    for (const text of [
      "I'm not sure what the business goal is, but I'd guess revenue per impression.",
      "I don't know which loss is best, so I'd start with log loss.",
      "I'm not sure we need calibration.",
      'Not sure about calibration, maybe it matters.',
    ])
      expect(asks(text), text).toBe(false);
  });

  it('does not end a sentence at a trailing-off inside an unfinished clause', () => {
    expect(texts('the label would be... whether they pressed tab. late is worse... not sure')).toEqual([
      'the label would be... whether they pressed tab.',
      'late is worse...',
      'not sure',
    ]);
  });

  it('does not split after abbreviations or inside numbers', () => {
    expect(texts('Use a two-tower model vs. a cross-encoder, e.g. for 0.5 s budgets. Then rank.')).toEqual([
      'Use a two-tower model vs. a cross-encoder, e.g. for 0.5 s budgets.',
      'Then rank.',
    ]);
  });

  it('cuts a run-on sentence at clause boundaries into readable pieces', () => {
    const clause = 'we join the impression log with the click log on the impression id';
    const text = `${clause}; ${clause}; ${clause}; ${clause}; ${clause}; ${clause}.`;
    const pieces = texts(text);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(360);
    expect(pieces.join(' ')).toBe(text);
  });

  it('returns nothing for blank text', () => {
    expect(splitSpans('  \n\n ')).toEqual([]);
  });
});
