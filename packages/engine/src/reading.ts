import type { MessageReading } from './types.ts';

/** A reading with nothing found: an answer that names nothing. Override what the message showed. */
export function messageReading(overrides: Partial<MessageReading> = {}): MessageReading {
  return {
    intent: 'answer',
    alsoAnswers: false,
    facts: { found: [], unanswered: [], ambiguous: [] },
    uncovered: [],
    named: [],
    redFlags: [],
    premisesHeld: [],
    ...overrides,
  };
}
