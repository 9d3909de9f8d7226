import type { IntentReading } from './intent.ts';
import { unreadable } from './language.ts';

/**
 * A short reply read by the interviewer's line it answers. "yes" after "Shall we move on?" asks to
 * move on; "daily" after "How often would you retrain?" answers; "weekly?" puts an answer up for a
 * verdict. Read alone, each says next to nothing, and the reader called them unclear or a question.
 */

/** Most words a reply may have to be read by the line before it. */
const SHORT_REPLY_WORDS = 5;

/** The interviewer offering to go on to another part, or asking which one comes next. */
const OFFERS_TO_GO_ON =
  /\b(?:(?:we can|shall we|should we|want to|ready to|like to|happy to) (?:move|go) on|move on when|(?:go|move|jump)(?: on)? to the next (?:part|step|section)|next (?:part|step|section|topic)\?|before we (?:move on|go on)|keep going(?=\?)|(?:shall|should|can) we (?:continue|go on)|continue(?: on)? to\b|move (?:us )?(?:on )?to\b|jump ahead|what(?:'s| is)? next|(?:which|what) (?:step|part|section|topic)s? next|where (?:should|do) we (?:head|go)|is that all (?:for|on)|which (?:part|step|section) (?:do you|would you)|what would you like to (?:discuss|cover|talk about|do) (?:now|next))\b|(?:^|[.!]\s+)next\?/i;

/** The interviewer offering to end the interview. */
const OFFERS_TO_END =
  /\b(?:end (?:the|this|our) (?:interview|session|mock)|(?:finish|stop|end) (?:now|here)|wrap (?:it )?up (?:now|here)|call it (?:here|a day)|before we wrap up|(?:shall|should) we (?:finish|end|stop))\b/i;

/** Taking an offer: "yes", "sure, let's", "nothing more", "that's it", "keep going". */
const TAKES_OFFER =
  /^\W*(?:(?:yes|yeah|yep|yup|sure|please|sounds good|go ahead|go|let'?s(?: go| do it| move on| go on| continue)?|next(?: part| step| one)?|move on|keep going|continue|jump ahead|nothing(?: more| else)?|no(?:pe)?,? (?:nothing(?: more| else)?|that'?s (?:it|all)|all good|i'?m good)|that'?s (?:it|all)(?: from me)?|i'?m (?:good|done)|done|all good)\b[\s,.!]*)+$/i;

/** "ok" takes an offer only when it was asked: after "tell me when you want to go on" it says "heard". */
const OK = /^\W*(?:ok(?:ay)?|alright|fine)\b[\s,.!]*$/i;

/** Declining to go on because the candidate has had enough: "no, I'm done", "no, let's stop". */
const DECLINES_TO_GO_ON = /^\W*(?:no|nope|nah)\b.*\b(?:done|finished|enough|stop|tired|end it)\b/i;

/** A step named as where to go ("serving", "the model", "let's do eval", "yes, serving"). */
const NAMES_A_STEP =
  /^\W*(?:(?:yes|yeah|sure|ok(?:ay)?|let'?s(?: do| go to| talk)?|go to|on to|onto|to)[\s,]+)*(?:the )?(?:requirements|framing(?: it)?|data|features|model(?:ing| choice)?|eval(?:uation)?|online evaluation|offline evaluation|serving(?: side)?|monitoring)\b[\s.!]*$/i;

/** A question asked of the candidate: the line ends with one, or holds one before a last remark. */
const ASKS_CANDIDATE = /\?\s*(?:\S[^?]{0,80})?$/;

/** The interviewer asking for the candidate's own design: "how would you...", "what would X output?". */
const ASKS_FOR_DESIGN =
  /\b(?:would|will|should|could) you\b|\byour\b|\bwhat(?:'s| is| would be) the (?:label|metric|target|loss|objective|output)\b/i;

/** A reply that asks something of its own: a question word or an inversion first, "and the QPS?". */
const OWN_QUESTION =
  /^\W*(?:and |but |so |also )?(?:what|how|which|who|when|where|why|any|is|are|do|does|did|can|could|should|will|would|the\b|our\b)/i;

/** "Anything else on the model?": a yes says there is more; only "no" or "nothing" takes it as done. */
const ANYTHING_ELSE = /\banything (?:else|more|to add)\b|\bis there (?:anything )?more\b/i;

/** Nothing more to add: "no", "nothing", "that's it", "I'm good". */
const NOTHING_MORE =
  /^\W*(?:(?:no|nope|nah|nothing(?: more| else)?|that'?s (?:it|all)(?: from me)?|i'?m (?:good|done)|all good|done|not really)\b[\s,.!]*)+$/i;

/** Going on, said in so many words. */
const GO_ON =
  /^\W*(?:go ahead|go on|let'?s (?:go on|move on|continue)|move on|next|continue)\b[\s,.!]*(?:please)?[\s.!]*$/i;

/** Yes or no, alone: an answer to a yes-or-no question. */
const YES_OR_NO = /^\W*(?:yes|yeah|yep|yup|no|nope|nah|sure|correct|right)\b[\s,.!]*$/i;

/**
 * The reading of `text` as a reply to `inReplyTo`, or null when the line before changes nothing.
 * Only messages of a few words are read this way.
 */
export function readInReply(text: string, read: IntentReading, inReplyTo: string): IntentReading | null {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > SHORT_REPLY_WORDS) return null;
  const asked = ASKS_CANDIDATE.test(inReplyTo);
  // The offer is in the line's last sentence: "One question before we go on. Is every decision a
  // hard yes or no?" asks the question, and "yes" answers it.
  const last =
    inReplyTo
      .trim()
      .split(/(?<=[.!?])\s+/)
      .at(-1) ?? '';
  const says = (intent: IntentReading['intent'], reason: string): IntentReading => ({
    intent,
    questions: [],
    alsoAnswers: false,
    reason,
  });
  const anythingElse = ANYTHING_ELSE.test(last);
  const offersToGoOn = OFFERS_TO_GO_ON.test(last);
  // "Anything else on labels, or shall we go on?" "go ahead": going on is taken as well.
  const takes = anythingElse
    ? NOTHING_MORE.test(text) || (offersToGoOn && GO_ON.test(text))
    : TAKES_OFFER.test(text) || (asked && OK.test(text));
  if (OFFERS_TO_END.test(last) && takes) return says('stop', 'end-offer-taken');
  if (offersToGoOn || anythingElse) {
    if (DECLINES_TO_GO_ON.test(text) && !anythingElse) return says('stop', 'declines-to-go-on');
    if (takes || NAMES_A_STEP.test(text)) return says('move-on', 'offer-taken');
  }
  if (!asked) return null;
  const bare = read.intent === 'unclear' || read.reason === 'short-reply';
  // "weekly?" after "How often would you retrain?": the candidate's answer, put up for a verdict.
  if (
    read.intent === 'facts' &&
    text.trim().endsWith('?') &&
    ASKS_FOR_DESIGN.test(inReplyTo) &&
    !OWN_QUESTION.test(text)
  )
    return says('tentative', 'reply-put-up');
  if (!bare) return null;
  // "daily" after "How often?", "256" after "What dimension?", "yes" after "Would you log them?".
  const why = unreadable(text);
  if (why === null || YES_OR_NO.test(text) || (why === 'empty' && /\d/.test(text)))
    return says('answer', 'reply-to-question');
  return null;
}
