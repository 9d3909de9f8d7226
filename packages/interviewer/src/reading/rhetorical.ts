/**
 * Questions the candidate asks and answers at once ("How do we deal with delayed labels? We
 * train..."): they ask the interviewer nothing.
 */
import { hasDesignVoice } from './vocabulary.ts';

/** A question that opens a design topic the candidate then answers ("How do we deal with X? We..."). */
const DESIGN_QUESTION =
  /^(?:why|how (?:(?:long|often) )?(?:would|do|should|can|could|will|did) (?:we|i|you)|what about|which (?:model|approach|metric|loss)|what (?:would|will|should|do|can|could) (?:we|i) \w+|what happens (?:when|if|to|with)|what (?:could|can|might|would) (?:go wrong|break|fail)|what(?:'s| is| are) (?:the|our|my) (?:\w+ )?(?:risks?|catch|problems?|downsides?|trade-?offs?|challenges?|issues?|bottlenecks?|failure modes?|concerns?|(?:hard|hardest|tricky|difficult) part|gotchas?|alternatives?|plan|goal|point)|(?:is|are|would|does|do|should|could) (?:it|this|that|a|an|the)\b[^?]*\b(?:worth|right|best|better|enough|good|overkill|necessary|needed|important|a (?:concern|problem|big deal))\b)\b/i;

/** A statement that frames the question just asked instead of answering it. */
const FRAMES =
  /^(?:if|i'?m asking|asking|i ask|because i|i (?:want|need|'d like|would like) to (?:know|make sure|check|understand)|that (?:decides|matters|changes|affects|determines)|it (?:decides|matters|changes|affects|determines))\b/i;
/** Openings of a sentence that answers the question just before it. */
const SELF_ANSWER =
  /^(?:because|since|well|simple|the answer|(?:i|we) (?:think|believe|guess) so|yes|no|yeah|nope|probably|definitely|absolutely|of course|not really|not necessarily)\b/i;

/** A quantity asked ("how much", "how many"). */
const HOW_MUCH = /^(?:so |and |ok |okay )?how (?:much|many|big|large|often|long)\b/i;
/** A figure worked out: arithmetic said in words, with a number in it. */
const WORKED_OUT =
  /\d[^?]*\b(?:that(?:'s| is| gives| comes to| works out)|which (?:is|gives|comes to)|so (?:about|roughly|around)|times|divided by|per)\b[^?]*\d|\d\s*[x×*/]\s*\d/i;

/** A sentence that gives a reason: the answer to a why-question, the motive after any other. */
const MOTIVE_OPENING = /^(?:because|since|cause|'cause|cos|coz)\b/i;
/** A question that asks for a reason. */
const WHY = /^(?:why|how come|what(?:'s| is) the (?:reason|point|rationale))\b/i;

/** Doubt in a self-answer: the candidate still wants the question answered. */
const HEDGED = /\b(?:not (?:\w+ )?sure|unsure|no idea|i guess|maybe)\b/i;

/** A guess at the answer: after a question about the case ("how rare are hides? probably tiny") it leaves the question open. */
const GUESS =
  /^(?:probably|prob|likely|i'?d (?:guess|bet|assume)|i (?:guess|bet|assume|suspect)|my guess)\b/i;

/** How an answer to a design question opens: the design voice, or a subject like "it", "the". */
const ANSWER_OPENING =
  /^(?:we|i|it|they|that|this|the|a|an|every|each|all|both|just|only|mostly|mainly|usually|often|then|probably|simple|easy|one)\b/i;

/**
 * A question the candidate answers at once, so it asks the interviewer nothing: the next sentence
 * answers it ("Because...", "Probably not"), names the answer in a fragment followed by more
 * answer ("What's the hardest part? Cold start. New sellers..."), or a design question is followed
 * by design talk ("How do we deal with delayed labels? We train...").
 */
export function isRhetorical(question: string, following: readonly string[]): boolean {
  const [next, afterNext] = following;
  if (next === undefined || /\?\s*$/.test(next)) return false;
  // "How often do two experts agree? Because if it's 80%, the model can't beat that": after a
  // question that is not a why, "because" says why it is asked, it does not answer it.
  if (MOTIVE_OPENING.test(next) && !WHY.test(question)) return false;
  // "...? I think so but not sure": an answer given with doubt leaves the question open.
  if (SELF_ANSWER.test(next))
    return !HEDGED.test(next) && !(GUESS.test(next) && !DESIGN_QUESTION.test(question));
  if (afterNext !== undefined && !/\?\s*$/.test(afterNext) && next.split(/\s+/).length <= 3) return true;
  // "How much goes to the LLM? With $150k a month at $1.90 per thousand that's about 79 million
  // calls": a figure asked, then worked out by the candidate from what they know.
  if (HOW_MUCH.test(question) && WORKED_OUT.test(next)) return true;
  if (!DESIGN_QUESTION.test(question) || FRAMES.test(next)) return false;
  return hasDesignVoice(next) || ANSWER_OPENING.test(next);
}
