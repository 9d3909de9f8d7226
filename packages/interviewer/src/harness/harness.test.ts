import { fileURLToPath } from 'node:url';
import { loadRubrics } from '@mlsd/rubric';
import { describe, expect, it } from 'vitest';
import { voiceOffline } from '../offline.ts';
import { criteriaTable, evaluateInterviewer } from './evaluate.ts';

const RUBRICS = fileURLToPath(new URL('../../../../rubrics/', import.meta.url));

describe('the offline interviewer on every case and persona', () => {
  it('violates no criterion', async () => {
    const loaded = loadRubrics(RUBRICS);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues[0]));
    const { framework, cases } = loaded.value;
    const results = await evaluateInterviewer({
      voice: () => ({ speak: async (request) => voiceOffline(request) }),
      cases: [...cases.values()],
      framework,
    });
    console.log(criteriaTable(results));
    const violations = results.flatMap((result) =>
      result.violations.map(
        (v) => `${result.caseId}/${result.persona} #${v.turn} ${v.criterion}: ${v.detail}`,
      ),
    );
    expect(violations.slice(0, 40)).toEqual([]);
    expect(results.length).toBe(cases.size * 8);
  }, 300_000);
});
