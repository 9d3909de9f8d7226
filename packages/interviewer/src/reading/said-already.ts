/**
 * "I literally just said that: quantile heads. Did you miss it?", "Yes, already covered that
 * above.", "Covered, it's the booked listing as global context.": the candidate points out that the
 * question was answered already. A human interviewer owns the slip and goes on; "let's stay with the
 * design problem" or "I'll keep to the interview itself" reads as a scolding for the interviewer's
 * own mistake.
 */
const SAID_ALREADY = new RegExp(
  String.raw`^\W*(?:(?:yes|yeah|yep|yup|no|um+|well|but|ok|okay|hmm+|erm|also|and|again)[,.!\s]+)*(?:${[
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

/**
 * "I don't know what you mean by multiplying by money, I didn't say that", "that's not what I
 * proposed", "where did I say we'd retrain automatically?": the candidate says the last question
 * put words in their mouth. A human interviewer owns the misreading before going on. "I didn't say
 * that clearly" or "I never said it explicitly, but..." is the candidate's own slip, not this.
 */
const NEVER_SAID = new RegExp(
  String.raw`\b(?:${[
    String.raw`i (?:didn'?t|did not|never) (?:say|said|propose|proposed|suggest|suggested|claim|claimed|pick|choose|chose)\b(?! (?:(?:that|this|it|so) )?(?:clearly|well|right|properly|explicitly|out loud|yet|earlier|before|enough)\b)`,
    String.raw`(?:that'?s|that is|this is) not what i (?:said|meant|proposed|suggested)`,
    String.raw`(?:where|when) did i (?:say|mention|propose|suggest)`,
    String.raw`you (?:misheard|misunderstood|misread) (?:me|what i (?:said|meant))`,
    String.raw`(?:i'?m|i am) not saying\b[^.?!]*\bi'?m saying\b`,
  ].join('|')})`,
  'i',
);

/** The message says the interviewer's last question rests on something the candidate never said. */
export function saysNeverSaid(text: string): boolean {
  return NEVER_SAID.test(text.replace(/’/g, "'"));
}

/** The message says the question was answered already. */
export function saysAnsweredAlready(text: string): boolean {
  const plain = text.trim().replace(/’/g, "'");
  return SAID_ALREADY.test(plain) || DID_YOU_MISS.test(plain);
}
