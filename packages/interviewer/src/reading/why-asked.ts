/**
 * "Why does that matter?", "why do you ask?", "I don't see how that's relevant": the candidate
 * challenges the question itself. ("Why does it matter which metric? What are you getting at?" asks
 * for a pointer, which the hints give.) A human interviewer says why it is asked and lets them argue
 * that it does not matter here; "that isn't something I can give you" answers nothing.
 */
const WHY_ASKED =
  /^(?:(?:but|ok|okay|hmm+|sorry|wait|honestly|so)[,\s]+)*(?:why (?:does|would|should|will) (?:that|this|it) (?:even )?matter(?!\s+(?:which|what|whether|how|if)\b)|why (?:is|would) (?:that|this|it) (?:be )?(?:even )?(?:relevant|important|a concern|needed|necessary)|why (?:do|would|should) (?:you|we|i) (?:even )?(?:ask|care|need to know)(?: (?:that|this|about (?:that|this|it)))?|what does (?:that|this|it) have to do with|how is (?:that|this|it) (?:even )?relevant|i (?:don't|do not|dont) (?:think|see (?:how|why)) (?:that|this|it)(?:'s| is)? (?:really |even )?(?:relevant|matters|important))\b/i;

/**
 * "Why does a rolling split matter so much?", "but why would we need a second model?": the reason
 * for something asked of the interviewer (a lead-in word aside). Not the question challenged, which
 * is `challengesQuestion`.
 */
const REASON_ASKED =
  /^(?:(?:but|so|ok|okay|hmm+|um+|and|wait|sorry|honestly)[,\s]+)*why (?:does|do|did|is|are|would|should|could|will|can|must)\b/i;

/** The text opens by asking the reason for something. */
export function asksReason(text: string): boolean {
  return REASON_ASKED.test(text.trim());
}

/** The message opens by challenging why the question was asked. */
export function challengesQuestion(text: string): boolean {
  return WHY_ASKED.test(text.trim());
}

/**
 * A change of constraints waved away: "I don't think drift is a big issue here; faces don't
 * change", "That's an unusual constraint. Why does a new plate format even matter?".
 */
const WAVES_AWAY =
  /\b(?:(?:i )?(?:don'?t|do not) (?:think|see why)|(?:is|'s)n'?t (?:a big|really an?|an?|much of an?) (?:issue|problem|concern|deal)|is not (?:a big|really an?|an?) (?:issue|problem|concern|deal)|(?:even|really) matter|unusual constraint|(?:not|isn'?t) relevant|irrelevant|shouldn'?t (?:care|matter)|(?:no|not a) big deal|nothing changes|doesn'?t change (?:anything|much))\b/i;

/** A plan of the candidate's own: what they would do about it. */
const OWN_PLAN = /\b(?:i'?d|we'?d|i would|we would|(?:i|we) (?:can|could|should|will|need to|'ll)|let'?s)\b/i;

/** The message waves a change of constraints away without saying what the candidate would do. */
export function wavesAway(text: string): boolean {
  return WAVES_AWAY.test(text) && !OWN_PLAN.test(text);
}
