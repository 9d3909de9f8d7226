import { join } from 'node:path';
import { loadRubrics } from '@mlsd/rubric';
import { describe, expect, it } from 'vitest';
import { factsAsked } from '../reading/facts-asked.ts';
import { readIntent } from '../reading/intent.ts';

const loaded = loadRubrics(join(import.meta.dirname, '../../../../rubrics'));
if (!loaded.ok) throw new Error('the rubrics do not load');
const cases = loaded.value.cases;

function given(caseId: string, text: string): string[] {
  const study = cases.get(caseId);
  if (!study) throw new Error(`no case "${caseId}"`);
  return factsAsked(study, text, { ...readIntent(text), intent: 'facts' }).found;
}

describe('the task restated as a check', () => {
  it.each([
    [
      'visual-search',
      'so basically the user uploads a photo and we return similar products from the catalog? is that right?',
    ],
    [
      'code-completion-ranking',
      "so basically we're deciding what grey text to show in the editor and whether to show anything at all? Is that right?",
    ],
  ])('is read back from the brief, not answered with a nearby fact (%s)', (caseId, text) => {
    expect(given(caseId, text)).toEqual([expect.stringMatching(/^brief-/)]);
  });

  it('still gets the fact when it checks what the fact says', () => {
    expect(given('visual-search', 'so the goal is more purchases from photo searches, right?')).toEqual([
      'success-metric',
    ]);
  });

  it('asked as a question, not restated, gets the fact', () => {
    const found = given('visual-search', 'what do the photos users upload look like?');
    expect(found).toContain('query-photos');
    expect(found.some((id) => id.startsWith('brief-'))).toBe(false);
  });
});
