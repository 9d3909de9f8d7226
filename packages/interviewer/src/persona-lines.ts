import type { Persona } from '@mlsd/protocol';
import { LINES } from './lines.ts';

/** Every line pool the offline interviewer picks from. */
export type Lines = { readonly [K in keyof typeof LINES]: readonly string[] };

/**
 * How each manner words the same moves. Warmth is never a grade: the supportive interviewer thanks
 * and encourages but does not call an answer good, so a weak answer is not praised by accident.
 * The tough interviewer is terse and asks for decisions. Pools not named here are the neutral ones.
 */
const PERSONA_LINES: Record<Persona, Partial<Lines>> = {
  neutral: {},
  supportive: {
    acknowledge: [
      'Thanks, that is clear.',
      'Thanks for walking me through it.',
      'Okay, thank you.',
      'Understood, thanks.',
      'Appreciate the detail.',
      'Thank you, that helps me follow.',
    ],
    acknowledgeInvite: [
      'Take your time and go on.',
      'Keep going; you are on track to cover this part.',
      'What else would you want in place here?',
      'Feel free to add anything for {title}.',
      'Carry on with {title} whenever you are ready.',
      'Build on that if you like.',
    ],
    probeLead: [
      'Here is one more angle worth a thought.',
      'Let me help you go a bit deeper.',
      'One question that could strengthen this.',
      'Something worth considering before we go on.',
    ],
    hintArea: ['Here is a pointer that may help.', 'One direction you might find useful.', 'A gentle nudge.'],
    challengeLead: [
      'I want to check one thing about {said}.',
      'Could we look again at {said}?',
      'Let me ask you to revisit {said}.',
    ],
    challengeGeneric: [
      'Take a moment: does that hold up for this case? Walk me through your reasoning.',
      'What might go wrong with that here? It is worth a second look.',
      'Have another look at the numbers of this case: does that still work?',
    ],
    curveballLead: [
      'Let me change one thing; take a moment with it.',
      'Here is a new constraint to think through.',
      'Suppose this changes; no rush.',
    ],
  },
  tough: {
    acknowledge: ['Okay.', 'Fine.', 'Noted.', 'Right.', 'Go on.'],
    acknowledgeInvite: [
      'Be specific: what would you build?',
      'What is your decision here?',
      'Keep going, and commit to choices.',
      'Next point for {title}.',
      'Give me the concrete design for {title}.',
      'What else, and why?',
    ],
    probeLead: ['', 'Answer this directly.', 'I need more here.', 'Be concrete.'],
    challengeLead: ["I'm not convinced by {said}.", 'I disagree with {said}.', 'Defend {said}.'],
    challengeGeneric: [
      'Justify that with the numbers of this case.',
      'Why would that survive production here? Convince me.',
      'That is a risky call. What makes you sure?',
    ],
    followUpLead: ['You said {said}.', 'On {said}:', 'About {said}:'],
  },
};

/** Each persona's pools merged once: its own where it has them, the neutral ones otherwise. */
const MERGED: Record<Persona, Lines> = {
  neutral: LINES,
  supportive: { ...LINES, ...PERSONA_LINES.supportive },
  tough: { ...LINES, ...PERSONA_LINES.tough },
};

/** The line pools of `persona` (neutral when absent). */
export function linesFor(persona: Persona | undefined): Lines {
  return MERGED[persona ?? 'neutral'];
}
