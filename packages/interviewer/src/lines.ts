/**
 * Everything the offline interviewer says that does not come from a rubric: short, calm and
 * neutral. No praise ("great", "excellent"): an acknowledgement only says the answer was heard.
 * `{title}` is the step's title, `{next}` the next step's; `{n}` a number of seconds.
 */
export const LINES = {
  firstOpening: ["Let's begin.", "Let's get started.", 'Thanks for joining. Here is the problem.'],
  opening: ['', 'Next, {title}.', 'On to {title}.', 'Now, {title}.'],
  noFact: [
    "I don't have more detail on that. State an assumption that seems reasonable and carry on.",
    "That isn't something I can give you. Make an assumption, say it out loud, and move on.",
    "There's no detail on that here. Pick a sensible assumption, tell me what it is, and continue.",
  ],
  factLead: ['', '', 'Sure.'],
  acknowledge: [
    'Noted.',
    'Okay — go on.',
    'Understood.',
    'Okay. What else?',
    'Noted. Anything to add for this part?',
    'Understood — continue.',
    'Got it. Keep going.',
  ],
  acknowledgeCovered: [
    "Understood. Add anything else you think matters here, or move on when you're ready.",
    "Noted. If there's nothing more for this part, we can move on.",
    'Okay. Tell me when you want to go to the next part.',
  ],
  acknowledgeLate: ['Noted.', 'Understood.', 'Okay, noted.'],
  probeLead: [
    '',
    'Let me push on one thing.',
    'One question before we go on.',
    "I'd like to go a bit deeper.",
    'A follow-up.',
    'Let me ask about something else.',
  ],
  probeFallback: [
    'What else would you consider for this part?',
    'Is there anything in this part you have not covered yet?',
  ],
  curveballLead: ['Let me change one thing.', "Here's a new constraint.", 'Suppose this changes.'],
  curveballAsk: [
    'How would you adapt?',
    'What changes in your design?',
    'How does that change your approach?',
  ],
  warningMinute: [
    'About a minute left for this part.',
    'We have roughly a minute left on this step.',
    'One minute left here; start wrapping this part up.',
  ],
  warningSeconds: ['About {n} seconds left for this part.', 'Roughly {n} seconds left on this step.'],
  moveOnTime: [
    "We're at time for {title}, so let's move on.",
    "That's time for {title}. Let's move on.",
    "Let's leave {title} there and move on.",
  ],
  moveOnCandidate: ["Sure, let's move on.", 'Okay, moving on.', 'All right, on to {next}.'],
  wrapUpCompleted: [
    "That's all seven parts. Thank you for your time; your report is being prepared.",
    "We've covered every part. Thanks — your report is on its way.",
  ],
  wrapUpTimeUp: [
    "We're out of time, so let's stop here. Thank you; your report is being prepared.",
    "That's time for the interview. Thanks — the report follows.",
  ],
  wrapUpEarly: [
    "Understood, we'll stop here. Your report covers what we discussed.",
    "Okay, let's end here. The report covers the parts we reached.",
  ],
} as const satisfies Record<string, readonly string[]>;

/** Fills `{name}` slots. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => String(values[name] ?? slot));
}
