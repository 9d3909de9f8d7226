/**
 * Openings that make a sentence a question even without a question mark ("can I assume 10M
 * users", "what is the latency budget"). Bare "what", "when" and "which" are left out: "When a user
 * opens the app, we..." is an answer.
 */
const INTERROGATIVE_OPENINGS = [
  'how many',
  'how much',
  'how often',
  'how long',
  'how big',
  'how large',
  'how fast',
  'how quickly',
  'how do',
  'how does',
  'how is',
  'how are',
  'what is',
  "what's",
  'what are',
  'what kind',
  'what type',
  'what do',
  'what does',
  'what about',
  'which one',
  'who are',
  'who is',
  'when do',
  'when does',
  'when is',
  'where do',
  'where does',
  'where is',
  'why is',
  'why do',
  'is there',
  'are there',
  'is it',
  'is the',
  'is this',
  'are the',
  'are we',
  'are users',
  'do we',
  'do you',
  'do they',
  'do users',
  'does the',
  'does it',
  'does this',
  'can i',
  'can we',
  'could i',
  'could we',
  'could you',
  'may i',
  'should i',
  'should we',
  'will the',
  'will we',
  'would it',
  'would the',
  'have we',
  'has the',
  "i'd like to know",
  'i would like to know',
  'i want to know',
  'i wonder',
  'tell me',
  'to clarify',
  'quick question',
  'clarifying question',
];

/** Check-ins that end many answers ("Does that make sense?"); they do not ask for a fact. */
const CHECK_INS =
  /^(?:does (?:that|this) (?:make sense|sound (?:ok|okay|right|good|reasonable))|(?:is|was) (?:that|this) (?:ok|okay|clear|enough|reasonable|what you (?:meant|wanted))|should i (?:go on|continue|keep going|go deeper|move on|elaborate)|shall (?:we|i) (?:move on|continue|go on)|can we move on|am i on the right track|any (?:questions|thoughts))\b/i;

const toPattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]");

const OPENING_PATTERN = new RegExp(
  `^(?:(?:so|ok|okay|and|also|first|then|just|quick one)[,:]?\\s+)?(?:${INTERROGATIVE_OPENINGS.map(toPattern).join('|')})\\b`,
  'i',
);

function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

function isQuestionSentence(sentence: string): boolean {
  return sentence.endsWith('?') || OPENING_PATTERN.test(sentence);
}

/**
 * Whether a candidate message reads as a clarifying question rather than an answer: its last
 * sentence is a question, or at least half of its sentences are. One rhetorical question inside a
 * longer answer does not count (a strict majority is needed), nor does a closing check-in like "Does that make sense?".
 */
export function looksLikeQuestion(text: string): boolean {
  const sentences = splitSentences(text).filter((sentence) => !CHECK_INS.test(sentence));
  const last = sentences.at(-1);
  if (last === undefined) return false;
  if (last.endsWith('?')) return true;
  const questions = sentences.filter(isQuestionSentence).length;
  return questions * 2 > sentences.length;
}
