import { loadRubrics } from '@mlsd/rubric';
import { AnalysisCache } from '@mlsd/scoring';
import { describe, expect, it } from 'vitest';
import type { TranscriptLine } from '../interviewer.ts';
import { disputedSevere, disputesChallenge } from './rebuttal.ts';

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

describe('a push-back on a severe mistake', () => {
  const loaded = loadRubrics(new URL('../../../../rubrics', import.meta.url).pathname);
  if (!loaded.ok) throw new Error('the rubrics do not load');
  const { cases, framework } = loaded.value;
  const study = cases.get('people-you-may-know');
  if (!study) throw new Error('people-you-may-know');
  const after = (said: string): TranscriptLine[] => [
    { role: 'candidate', text: said },
    { role: 'interviewer', kind: 'challenge', text: 'What have they just learned?' },
  ];

  it('is known from the message it answered, so no argument for keeping the design is conceded', () => {
    const viewers =
      'Candidates: friends of friends, same employer, and people who viewed your profile — profile viewers are the strongest intent signal we have.';
    expect(disputedSevere(study, framework, after(viewers), new AnalysisCache())).toBe(true);
  });

  it('is not assumed for a push-back on a lesser mistake', () => {
    const split = 'Offline I would report a global AUC and compare models on it.';
    expect(disputedSevere(study, framework, after(split), new AnalysisCache())).toBe(false);
  });
});
