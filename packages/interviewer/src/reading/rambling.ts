/**
 * A message this long is far more than a step's answer needs (over a minute of speech); a tough
 * interviewer cuts it short when it never commits to a choice.
 */
export const RAMBLING_WORDS = 170;

/** First-person commitments: "I'd go with", "we'll use", "my choice is", "let's start with". */
const DECISION =
  /\b(?:(?:i|we)(?:'d|'ll| would| will| should)? (?:go with|choose|pick|use|start with|recommend|propose|opt for|settle on|build|train|ship|deploy)|my (?:choice|pick|decision|recommendation|proposal|plan) (?:is|would be|here is)|(?:the|our) (?:choice|decision|plan) (?:is|would be)|let(?:'s| us) (?:go with|use|start with|pick|build)|i(?:'d| would) (?:rather|prefer)|(?:i|we) (?:decided|chose|picked|settled)|in short|to summari[sz]e|bottom line)\b/i;

/** A long message that never makes a choice. */
export function isRambling(text: string): boolean {
  const words = text.split(/\s+/).filter((word) => /\w/.test(word)).length;
  return words >= RAMBLING_WORDS && !DECISION.test(text);
}
