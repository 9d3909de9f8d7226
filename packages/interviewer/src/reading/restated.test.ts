import { describe, expect, it } from 'vitest';
import type { TranscriptLine } from '../interviewer.ts';
import { restatesQuestion } from './restated.ts';

const probe = (text: string): TranscriptLine => ({
  role: 'interviewer',
  kind: 'probe',
  step: 'serving',
  text,
});
const warning: TranscriptLine = {
  role: 'interviewer',
  kind: 'warning',
  step: 'serving',
  text: 'One minute left on serving; start wrapping it up.',
};

describe('the interviewer question said back before the answer', () => {
  const asked = probe(
    'One question before we go on. Which parts of the work could be done before the user shows up, and which cannot?',
  );

  it('is read when the question opens like the interviewer one or shares most of its words, and an answer follows', () => {
    expect(
      restatesQuestion(
        'Which parts can be done ahead of time? The local repo index and the snippet ranking can be precomputed; generation cannot.',
        [asked],
      ),
    ).toBe(true);
    const second = probe(
      'A user opens the app at 8:00 and again at 8:20 with nothing new posted. What should they see the second time?',
    );
    // A time warning between the question and the answer changes nothing.
    expect(
      restatesQuestion('The second time? Nothing much, the scores are the same, so the same order.', [
        second,
        warning,
      ]),
    ).toBe(true);
  });

  it('is not read for a question of their own, a question with no answer after it, or a second question', () => {
    expect(
      restatesQuestion('How many users do we have? I would assume around ten million a day.', [asked]),
    ).toBe(false);
    expect(restatesQuestion('Which parts can be done ahead of time?', [asked])).toBe(false);
    expect(
      restatesQuestion('Which parts can be done ahead of time? The index, I think. Is that what you mean?', [
        asked,
      ]),
    ).toBe(false);
    expect(restatesQuestion('Which parts can be done ahead of time? The index can be.', [])).toBe(false);
  });
});
