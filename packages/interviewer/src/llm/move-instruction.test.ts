import type { InterviewerMove } from '@mlsd/engine';
import { describe, expect, it } from 'vitest';
import { fixtureCase, fixtureFramework } from '../../test/fixtures.ts';
import type { TranscriptLine } from '../interviewer.ts';
import { moveInstruction } from './move-instruction.ts';

/** The model's instruction for "the message said too little", after `line` and the candidate's `said`. */
function unclearAfter(line: string, said: string): string {
  const transcript: TranscriptLine[] = [
    { role: 'interviewer', text: line },
    { role: 'candidate', text: said },
  ];
  const move = {
    kind: 'clarify',
    reason: 'unclear',
    unanswered: [],
    late: false,
    step: 'requirements',
    index: 3,
  };
  return moveInstruction({
    caseStudy: fixtureCase,
    framework: fixtureFramework,
    move: move as InterviewerMove,
    transcript,
    seed: 1,
  });
}

describe('the model instruction for a reply that said too little', () => {
  it('asks why after a bare yes or no to a yes-or-no question', () => {
    expect(unclearAfter('Is the closest place always the one to put first?', 'Yes.')).toMatch(/why/);
  });

  it('asks for the rest after "depends" or assent to an open question, never for a rephrase', () => {
    for (const said of ['depends', 'Yes, definitely.']) {
      const instruction = unclearAfter('How would you evaluate it offline?', said);
      expect(instruction).toMatch(/too little to act on/);
      expect(instruction).not.toMatch(/could not be read/);
    }
  });

  it('still asks for a rephrase when the message could not be read', () => {
    expect(unclearAfter('How would you evaluate it offline?', 'asdf qwer zxcv')).toMatch(/could not be read/);
  });
});
