import { type Report, TranscriptFile } from '@mlsd/protocol';
import type { CaseStudy, Framework, StepId } from '@mlsd/rubric';
import { scoreTranscript } from './transcript-file.ts';

/**
 * The report of a one-answer transcript: an interviewer line, then the candidate's answer, both in
 * `step`. Tests of the real cases read what a single answer earns and which red flags it fires.
 */
export function oneAnswerReport(
  rubrics: { framework: Framework; cases: ReadonlyMap<string, CaseStudy> },
  caseId: string,
  step: StepId,
  answer: string,
  question = 'Go on.',
): Report {
  const file = TranscriptFile.parse({
    caseId,
    durationMinutes: 45,
    turns: [
      { role: 'interviewer', step, text: question, t: 0 },
      { role: 'candidate', step, text: answer, t: 60 },
    ],
  });
  const result = scoreTranscript(file, rubrics, { now: 0 });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
