import type { ConsoleMessage, ConsoleStep, PeerAssessment, PeerCoverage } from '@mlsd/protocol';
import type { CaseStudy } from '@mlsd/rubric';
import { consoleFacts } from './rubric-view.ts';

/** Everything the interviewer needs to run the interview. Interviewer seats only. */
export function roomConsole(input: {
  caseStudy: CaseStudy;
  steps: ConsoleStep[];
  coverage: PeerCoverage;
  assessment: PeerAssessment;
}): ConsoleMessage {
  const { caseStudy } = input;
  return {
    type: 'console',
    caseId: caseStudy.id,
    caseTitle: caseStudy.title,
    prompt: caseStudy.prompt,
    steps: input.steps,
    facts: consoleFacts(caseStudy),
    coverage: input.coverage,
    assessment: input.assessment,
  };
}
