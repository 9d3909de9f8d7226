import { fileURLToPath } from 'node:url';
import { loadRubrics } from '@mlsd/rubric';
import { AnalysisCache } from '@mlsd/scoring';
import { describe, expect, it } from 'vitest';
import { readMessage } from './read-message.ts';

const loaded = loadRubrics(fileURLToPath(new URL('../../../../rubrics/', import.meta.url)));
if (!loaded.ok) throw new Error('the rubrics do not load');
const { framework, cases } = loaded.value;
const fraud = cases.get('fraud-detection')!;
const latency = fraud.facts.find((fact) => fact.id === 'latency')!;

describe('reading a requirements answer', () => {
  it('leaves out of the probes a point whose fact the interviewer has already given', () => {
    const read = (transcript: { role: 'candidate' | 'interviewer'; text: string }[]) =>
      readMessage({
        caseStudy: fraud,
        framework,
        step: 'requirements',
        text: 'The goal is to cut fraud losses without annoying good customers.',
        transcript,
        notes: '',
        cache: new AnalysisCache(),
      }).uncovered.map((point) => point.id);
    const before = read([]);
    expect(before).toContain('inline-authorization');
    const after = read([
      { role: 'candidate', text: 'How fast do we need to decide on each payment?' },
      { role: 'interviewer', text: latency.answer },
    ]);
    expect(after).not.toContain('inline-authorization');
    expect(after.length).toBe(before.length - 1);
  });
});
