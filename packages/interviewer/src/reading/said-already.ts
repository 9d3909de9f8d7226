/**
 * "I literally just said that: quantile heads. Did you miss it?", "Yes, already covered that
 * above.", "Covered, it's the booked listing as global context.": the candidate points out that the
 * question was answered already. A human interviewer owns the slip and goes on; "let's stay with the
 * design problem" or "I'll keep to the interview itself" reads as a scolding for the interviewer's
 * own mistake.
 */
const SAID_ALREADY = new RegExp(
  String.raw`^\W*(?:(?:yes|yeah|yep|yup|no|um+|well|but|ok|okay|hmm+|erm)[,.!\s]+)*(?:${[
    String.raw`i(?:'ve| have)? (?:literally |already |just |actually )*(?:said|covered|answered|mentioned|told you|explained|went over|addressed) (?:that|this|it|exactly that)\b`,
    String.raw`i (?:literally |already |just |actually )*(?:said|covered|answered|mentioned|explained|addressed) (?:that|this|it) (?:above|earlier|before|already)`,
    String.raw`(?:already|just) (?:covered|answered|said|mentioned|addressed)(?: (?:that|this|it))?\b`,
    String.raw`covered(?: (?:that|this|it))?(?: (?:above|earlier|before|already))?\s*[,.;:!-]`,
    String.raw`(?:as i|like i) (?:just |already )?(?:said|mentioned)\s*[,.;:!-]?\s*$`,
    String.raw`(?:see|check) (?:my )?(?:answer )?above\b`,
  ].join('|')})`,
  'i',
);

/** "Did you miss it?", "weren't you listening?" anywhere in the message. */
const DID_YOU_MISS =
  /\b(?:did you (?:miss|not (?:see|read|hear)) (?:it|that|this)|weren'?t you listening)\b/i;

/** The message says the question was answered already. */
export function saysAnsweredAlready(text: string): boolean {
  const plain = text.trim().replace(/’/g, "'");
  return SAID_ALREADY.test(plain) || DID_YOU_MISS.test(plain);
}
