import { describe, expect, it } from 'vitest';
import type { TranscriptLine } from '../interviewer.ts';
import { disputesChallenge } from './rebuttal.ts';

const pushedBack: TranscriptLine[] = [
  { role: 'interviewer', kind: 'challenge', text: 'How many orders land after the window ends?' },
];
const probed: TranscriptLine[] = [
  { role: 'interviewer', kind: 'probe', text: 'What does the model output?' },
];

describe('a push-back disputed', () => {
  it('is read when the message right after a challenge opens by disputing it', () => {
    for (const text of [
      "No, that's fine here: that number is for dispatch, not for the customer.",
      "That doesn't apply. The per-city offset updates every few minutes.",
      'I disagree, squared error is fine with a buffer.',
      "That's only for the dispatch estimate; the window uses quantiles.",
    ])
      expect(disputesChallenge(text, pushedBack), text).toBe(true);
    const warned: TranscriptLine[] = [
      ...pushedBack,
      { role: 'interviewer', kind: 'warning', text: 'A minute left.' },
    ];
    expect(disputesChallenge("No, that's fine, routing calls are cheap.", warned)).toBe(true);
  });

  it('is not read after another kind of question, or for an answer that opens otherwise', () => {
    expect(disputesChallenge("No, that's fine, routing calls are cheap.", probed)).toBe(false);
    expect(disputesChallenge('Nobody would wait that long; we would show a range.', pushedBack)).toBe(false);
    expect(disputesChallenge('About 23% would land late, so I would predict a quantile.', pushedBack)).toBe(
      false,
    );
  });
});
