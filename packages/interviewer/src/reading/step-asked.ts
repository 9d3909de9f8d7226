import type { StepId } from '@mlsd/protocol';

/**
 * The part of the interview a request to move names: "can we skip ahead to evaluation?", "can we
 * go back to the model step?", "skip the rest of data and go to serving". Read only for a message
 * already read as a request to move on: the engine goes through the parts in order, so a named part
 * decides how the request is answered (a part already done is not gone back to; a later one is
 * said to come later), never which part comes next.
 */

/** Words that name each part, as candidates say them. */
const STEP_WORDS: readonly [StepId, string][] = [
  ['requirements', String.raw`requirements?|scope|clarifying questions`],
  ['framing', String.raw`(?:ml |problem )*framing|the (?:ml )?problem statement`],
  ['data', String.raw`data(?: and features| part| step| section)?|features|feature engineering`],
  ['model', String.raw`(?:the )?model(?:l?ing)?(?: design| part| step| section| choice)?|architecture`],
  ['evaluation', String.raw`evaluation|eval|metrics|offline evaluation|a\/?b tests?(?:ing)?`],
  ['serving', String.raw`serving|infra(?:structure)?|deployment|production serving`],
  ['monitoring', String.raw`monitoring|iteration|maintenance`],
];

/**
 * A part named as where to go: after "to" or "onto" ("go back to the model step", "jump to talking
 * about serving", "can we talk about serving?"). Not after a bare "about" or "with": "enough about
 * requirements, can we move on?" and "I'm done with data" name the part being left.
 */
const TOWARD = new RegExp(
  String.raw`\b(?:(?:back\s+)?(?:to|onto)\s+(?:the\s+)?(?:talking\s+about\s+|discussing\s+|doing\s+)?|(?:talk|talking|discuss|discussing)\s+(?:about\s+)?)(?:the\s+)?(?:${STEP_WORDS.map(([, words]) => `(${words})`).join('|')})\b`,
  'gi',
);

/** The part a request to move names as its goal, the last one named when several are; null when none. */
export function stepAsked(text: string): StepId | null {
  let found: StepId | null = null;
  for (const match of text.toLowerCase().matchAll(TOWARD)) {
    const group = match.slice(1).findIndex((value) => value !== undefined);
    const step = STEP_WORDS[group]?.[0];
    if (step) found = step;
  }
  return found;
}
