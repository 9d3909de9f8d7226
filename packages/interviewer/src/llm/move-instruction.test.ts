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

/** The model's instruction for `move` in the requirements step. */
function instructionFor(move: Record<string, unknown>): string {
  return moveInstruction({
    caseStudy: fixtureCase,
    framework: fixtureFramework,
    move: { step: 'requirements', index: 3, ...move } as InterviewerMove,
    transcript: [{ role: 'candidate', text: 'The latency budget is 2 seconds.' }],
    seed: 1,
  });
}

describe("the model instruction for the twenty-eighth session's replies", () => {
  it("corrects a figure with the case's sentence, as a correction and not an answer to a question", () => {
    const sentence = 'The feed must render in 200 ms at p99.';
    const instruction = instructionFor({
      kind: 'answer-facts',
      facts: [{ id: 'latency', repeat: true, corrects: { said: '2 seconds', sentence } }],
      unanswered: [],
      ambiguous: [],
      late: false,
    });
    expect(instruction).toMatch(/stated a figure of the case wrongly/);
    expect(instruction).toContain('"2 seconds"');
    expect(instruction).toContain(sentence);
    expect(instruction).not.toMatch(/asked clarifying questions/);
  });

  it('concedes or holds a disputed push-back, and owns an answer given already', () => {
    const base = { kind: 'acknowledge', allCovered: false, late: false, lastStep: false };
    expect(instructionFor({ ...base, rebuttal: 'conceded' })).toMatch(/Concede it/);
    expect(instructionFor({ ...base, rebuttal: 'stands' })).toMatch(/concern stands/);
    expect(instructionFor({ ...base, answeredAlready: true })).toMatch(/already answered/);
  });

  it('asks a question answered with something else again, saying so', () => {
    const point = fixtureCase.steps.requirements.points[0];
    const instruction = instructionFor({ kind: 'probe', pointId: point?.id, sidestepped: true });
    expect(instruction).toMatch(/about something other than your last question/);
    expect(instruction).toContain(point?.probe.trim().slice(0, 30));
  });
});
