import type { ChatRequest, FakeReply, FakeScript } from '@mlsd/testkit';
import { readIntent } from '../../reading/intent.ts';

/** Interviewer-sized replies: what a model says for each kind of note, varied by request number. */
const LINES = {
  open: 'Thanks for joining. Here is the problem we will work on today; take a moment, then tell me what you would like to know first.',
  answer:
    'Sure. We see about 300 million daily active users and around 5 billion ad impressions a day, peaking at 150,000 requests per second.',
  probe:
    'Let me push on one thing: how would you know that the numbers your model produces can be trusted by the auction?',
  ack: 'Okay, understood. Go on with this part.',
  time: 'We have about a minute left on this step.',
  move: "That's time for this part, so let's move on.",
  wrap: "We're out of time, so let's stop here. Thank you; your report is being prepared.",
  curveball:
    'Suppose the privacy team removes cross-site user history next quarter. How does that change your design?',
};

/** The instruction of option `label` in a note that lets the model choose its move; null in any other note. */
export function optionInstruction(request: ChatRequest, label = 'A'): string | null {
  const note = request.messages[request.messages.length - 1]?.content ?? '';
  if (!note.includes('[[move: A]]')) return null;
  return new RegExp(`^${label}: (.*)$`, 'm').exec(note)?.[1] ?? null;
}

/** Which line a request gets, read from the interviewer note at the end of its last message. */
export function interviewerLine(request: ChatRequest): string {
  const note = request.messages[request.messages.length - 1]?.content ?? '';
  const move = optionInstruction(request) ?? note.slice(note.lastIndexOf('Your next message:'));
  if (/Open the interview/.test(move)) return LINES.open;
  if (/clarifying question/.test(move)) return LINES.answer;
  if (/probing question/.test(move)) return LINES.probe;
  if (/change of constraints/.test(move)) return LINES.curveball;
  if (/remain for this step/.test(move)) return LINES.time;
  if (/move on to|Start the step/.test(move)) return LINES.move;
  if (/Thank the candidate/.test(move)) return LINES.wrap;
  return LINES.ack;
}

/** A fake-server script answering every interviewer turn (streamed) and summary request. */
export function interviewerScript(
  overrides: (request: ChatRequest, index: number) => FakeReply | null = () => null,
): FakeScript {
  return (request, index) => {
    const override = overrides(request, index);
    if (override) return override;
    const last = request.messages[request.messages.length - 1]?.content ?? '';
    // A plan request: the model reads the candidate's message and says what it does.
    const message = /-----\n([\s\S]*?)\n-----/.exec(last)?.[1];
    if (message !== undefined)
      return { kind: 'text', text: JSON.stringify({ intent: readIntent(message).intent }) };
    if (last.includes('about to be folded')) {
      return {
        kind: 'text',
        text: 'Requirements: revenue goal, 150k QPS, 30 ms budget. Framing: calibrated pCTR with log loss.',
      };
    }
    // A reply that chooses its move takes the default, as a model with nothing better to do would.
    const header = optionInstruction(request) === null ? '' : '[[move: A]]\n';
    return { kind: 'text', text: `${header}${interviewerLine(request)}`, chunkChars: 6 };
  };
}
