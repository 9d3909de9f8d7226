import { fileURLToPath } from 'node:url';
import type { InterviewerMove } from '@mlsd/engine';
import { loadRubrics } from '@mlsd/rubric';
import { describe, expect, it } from 'vitest';
import { voiceOffline } from './offline.ts';

const loaded = loadRubrics(fileURLToPath(new URL('../../../rubrics/', import.meta.url)));
if (!loaded.ok) throw new Error('the rubrics do not load');
const { cases, framework } = loaded.value;
const caseStudy = cases.get('llm-content-moderation')!;
const flag = caseStudy.steps.evaluation.redFlags.find((each) => each.id === 'overall-accuracy-only')!;

function challenge(again: boolean, seed: number) {
  return voiceOffline({
    caseStudy,
    framework,
    move: {
      kind: 'challenge',
      flagId: flag.id,
      ...(again ? { again: true as const } : {}),
      step: 'evaluation',
      index: 9,
    } as InterviewerMove,
    transcript: [
      {
        role: 'candidate',
        text: "I'd measure the LLM's accuracy on the gold set and ship if it's above 95%.",
      },
    ],
    seed,
  });
}

describe('a red flag said again in a later part', () => {
  it('is pushed back on with the same question, said to have come back', () => {
    for (const seed of [1, 2, 3]) {
      const first = challenge(false, seed);
      const again = challenge(true, seed);
      expect(first.kind).toBe('challenge');
      expect(again.kind).toBe('challenge');
      expect(again.text).toContain(flag.challenge);
      expect(again.text).toMatch(/\b(?:earlier|before)\b/);
      expect(first.text).not.toMatch(/\b(?:earlier|before)\b/);
    }
  });
});
