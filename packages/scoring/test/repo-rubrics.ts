import { fileURLToPath } from 'node:url';
import { type CaseStudy, loadRubrics } from '@mlsd/rubric';
import { type MessageReading, readCandidateMessage } from '../src/reader.ts';

/** The repository's own rubrics, for tests that read real cases. */
const loaded = loadRubrics(fileURLToPath(new URL('../../../rubrics', import.meta.url)));
if (!loaded.ok) throw new Error('the rubrics do not load');
export const { framework, cases } = loaded.value;

export function repoCase(caseId: string): CaseStudy {
  const study = cases.get(caseId);
  if (!study) throw new Error(`no case ${caseId}`);
  return study;
}

/** One message read against a real case, as the interviewer reads it. */
export function readIn(caseId: string, text: string): MessageReading {
  return readCandidateMessage(repoCase(caseId), framework, text);
}

/** The points one message covers in a real case. */
export function coveredIn(caseId: string, text: string): string[] {
  return readIn(caseId, text).covered.map((point) => point.pointId);
}
