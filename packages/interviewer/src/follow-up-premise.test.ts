import { fileURLToPath } from 'node:url';
import type { InterviewerMove } from '@mlsd/engine';
import { loadRubrics } from '@mlsd/rubric';
import { describe, expect, it } from 'vitest';
import { voiceOffline } from './offline.ts';

const loaded = loadRubrics(fileURLToPath(new URL('../../../rubrics/', import.meta.url)));
if (!loaded.ok) throw new Error('the rubrics do not load');
const { cases, framework } = loaded.value;
const caseStudy = cases.get('event-recommendation')!;
const PREMISE = 'If serving-time feature logs only started last week';

function followUp(said: string, seed: number): string {
  return voiceOffline({
    caseStudy,
    framework,
    move: {
      kind: 'follow-up',
      pointId: 'point-in-time-features',
      angle: 'why',
      step: 'data',
      index: 9,
    } as InterviewerMove,
    transcript: [{ role: 'candidate', text: said }],
    seed,
  }).text;
}

describe('a follow-up whose scenario the candidate already put and answered (thirty-fifth session)', () => {
  it('is not asked', () => {
    const said =
      "Counters as of the impression timestamp, never today's values. And if the feature logs only started last week, registrations and impressions are logged with timestamps, so I can recompute the counters as of any past moment.";
    for (const seed of [1, 2, 3, 4, 5, 6]) expect(followUp(said, seed)).not.toContain(PREMISE);
  });

  it('is asked when the candidate did not put it', () => {
    const said =
      "Counters as of the impression timestamp, never today's values, otherwise the model learns from the future.";
    expect([1, 2, 3, 4, 5, 6].some((seed) => followUp(said, seed).includes(PREMISE))).toBe(true);
  });
});
