import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRubrics } from '@mlsd/rubric';
import { describe, expect, it } from 'vitest';
import { readCandidateMessage } from './reader.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const loaded = loadRubrics(join(ROOT, 'rubrics'));
if (!loaded.ok) throw new Error('the rubrics do not load');
const { framework, cases } = loaded.value;

const covered = (caseId: string, text: string) => {
  const study = cases.get(caseId);
  if (!study) throw new Error(`no case ${caseId}`);
  return readCandidateMessage(study, framework, text).covered.map((point) => point.pointId);
};

describe('a plain word with a sense of its own in the case', () => {
  it('is read in the case sense: an order in the delivery case is a purchase, not a ranking', () => {
    expect(covered('eta-prediction', 'if we show 50 min they might not order')).not.toContain('ml-task-type');
  });

  it('still stands for the jargon where the case does not use it so', () => {
    expect(covered('search-ranking', 'we order the 500 results by how likely a booking is')).toContain(
      'ml-task-type',
    );
  });
});
