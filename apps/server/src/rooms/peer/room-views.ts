import type { EngineEvent } from '@mlsd/engine';
import type { Command, ConsoleMessage, ConsoleStep, PeerAssessment, PeerCoverage } from '@mlsd/protocol';
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

type ClockAction = Exclude<Extract<Command, { type: 'timer' }>['action'], 'start'>;

/** The engine event for one of the interviewer's clock controls. */
export function engineEvent(action: ClockAction, minutes: number): EngineEvent {
  switch (action) {
    case 'pause':
      return { type: 'pause' };
    case 'resume':
      return { type: 'resume' };
    case 'next_step':
      return { type: 'move-on' };
    case 'add_minutes':
      return { type: 'add-time', ms: minutes * 60_000 };
    case 'end':
      return { type: 'end' };
  }
}
