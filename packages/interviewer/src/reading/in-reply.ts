import type { IntentReading } from './intent.ts';
import { unreadable } from './language.ts';
import { namesCaseFigure } from './question-form.ts';

/**
 * A short reply read by the interviewer's line it answers. "yes" after "Shall we move on?" asks to
 * move on; "daily" after "How often would you retrain?" answers; "weekly?" puts an answer up for a
 * verdict. Read alone, each says next to nothing, and the reader called them unclear or a question.
 */

/** Most words a reply may have to be read by the line before it. */
const SHORT_REPLY_WORDS = 5;
/** Most words of a statement kept an answer because it replies to a question. */
const STATEMENT_REPLY_WORDS = 12;

/** A hedge that keeps a short statement tentative ("a few weeks maybe", "probably daily"). */
const HEDGED = /\b(?:maybe|perhaps|probably|possibly|i guess|i think|i suppose|not sure)\b/i;

/** What steering a grade talks about ("just mark it covered", "give me full marks"). */
const GRADING_TALK =
  /\b(?:rubric|scor(?:e|ing)|marks?|credit|grad(?:e|er|ing)|covered|answered|count (?:that|it|this|me)|pass me|instructions?|checklist)\b/i;

/** Words of ending a part or the interview ("next", "skip", "that's it"). */
const ENDING_TALK =
  /\b(?:next|move on|moving on|skip|go on|let'?s go|done|that'?s (?:it|all)|enough|stop|wrap)\b/i;

/** The steps, as an interviewer names them in an offer ("Serving next?", "ready for the model step?"). */
const STEP_NAME = `(?:the )?(?:requirements|framing|(?:ml )?problem framing|data|features|(?:the )?model(?:ing)?|eval(?:uation)?|serving|deployment|monitoring|next (?:part|step|section|topic|one))`;

/** The interviewer offering to go on to another part, or asking which one comes next. */
const OFFERS_TO_GO_ON = new RegExp(
  [
    String.raw`\b(?:(?:we can|shall we|should we|want to|ready to|like to|happy to) (?:move|go) on|move on when|(?:go|move|jump)(?: on)? to the next (?:part|step|section)|before we (?:move on|go on)|keep going(?=\?)|(?:shall|should|can) we (?:continue|go on)|continue(?: on)? (?:to|with)\b|move (?:us )?(?:on )?to\b|jump ahead|what(?:'s| is)? next|(?:which|what) (?:step|part|section|topic)s? next|where (?:should|do) we (?:head|go)|where to next|is that all (?:for|on)|which (?:part|step|section) (?:do you|would you)|what would you like to (?:discuss|cover|talk about|do) (?:now|next))\b`,
    String.raw`\bnext (?:part|step|section|topic)\?|(?:^|[.!]\s+)(?:next|move on)\?`,
    // "Shall we talk about serving?", "How about we go to monitoring?", "Ready for the model step?",
    // "Serving next?", "Shall I take you to the next part?", "let me know when you're ready to move to data".
    String.raw`\b(?:(?:shall|should|can|could) we|how about we|let'?s|want to|like to) (?:talk about|get to|go to|turn to|look at|head to|start on|move to|do) ${STEP_NAME}\b`,
    String.raw`\bready (?:for|to (?:move|go) (?:on )?to) ${STEP_NAME}`,
    String.raw`\b${STEP_NAME}(?: step)? next\?`,
    // "Next up is serving. OK?": the offer is the sentence before the check.
    String.raw`\bnext (?:up )?(?:is|comes|will be|we (?:do|cover|look at)) ${STEP_NAME}`,
    String.raw`\b(?:shall|should|can) i (?:take|move|bring) you (?:on )?to\b`,
  ].join('|'),
  'i',
);

/** The interviewer offering to end the interview. */
const OFFERS_TO_END =
  /\b(?:end (?:the|this|our) (?:interview|session|mock)|(?:finish|stop|end) (?:now|here)|wrap (?:it )?up (?:now|here)|call it (?:here|a day)|before we (?:wrap up|close|finish|end)|(?:shall|should|can) we (?:finish|end|stop|wrap(?: it)? up|close)|(?:are|were) (?:we|you) (?:done|finished)|done for (?:today|the day|now))\b/i;

/** Saying the interview is over: "finished", "we're done", "all done". */
const FINISHED =
  /^\W*(?:(?:yes|yeah|yep)[\s,]+)?(?:finished|(?:we'?re |i'?m |all )?done|that'?s all)\b[\s.!]*$/i;

/** The interviewer offering to stay on the part ("want to spend more time here?", "go deeper on X?"). */
const OFFERS_TO_STAY =
  /\b(?:spend (?:more|a bit more) time (?:here|on)|stay (?:here|on [\w' -]{1,30}?)(?= (?:a (?:bit|little) |any )?longer\b| more\b|\W*$)|(?:go|dig) deeper|(?:talk|say|discuss|cover|go into|dig into)\s+more\b|(?:talk about|say about|discuss|cover|go into|dig into)\s+(?:[\w'-]+\s+){1,5}?(?:more|further|longer)\W*$)/i;

/** At a loss, in a few words: "can't say", "still nothing", "no clue". */
const STUCK_REPLY =
  /^\W*(?:(?:i )?can'?t say|still (?:nothing|stuck|no idea|blank)|no clue|nothing comes to mind|(?:i )?(?:have )?no idea|dunno|idk)\b[\s.!]*$/i;

/** Asking for the line again: "sorry what?", "come again?", "can you say that again in other words?". */
const REPEAT_ASKED =
  /^(?!\W*uh[\s-]*huh\b)\W*(?:(?:sorry|apologies|um+|uh+|hmm+|wait|ok(?:ay)?)[,.\s]*)*(?:what|huh|pardon(?: me)?|come again|(?:(?:can|could|would|will) you (?:please |kindly |maybe )?)?(?:say (?:that|it|this) again|repeat|rephrase|reword|restate|clarify|ask (?:that|it|the question) again)(?: (?:that|it|this|the question|your question|your last question|(?:that |the )?last (?:part|question|bit|sentence|one)))?(?: (?:please|again|once more|one more time|for me|in other words|another way|differently|more simply))*|what do you mean(?: by (?:that|this|it))?|what (?:was|is) the question(?: again)?|i (?:didn'?t|did not|don'?t|do not) (?:get|understand|follow|catch) (?:that|it|the question|your question|what you mean|you)|(?:i'?m |i am )?not sure (?:i (?:follow|understand|get (?:it|that|you))|what you(?:'re| are) (?:asking(?: for)?|after|looking for)(?: here| there)?)(?:,? sorry)?|which part do you mean)\W*$/i;

/**
 * A choice or a "depends" with nothing after it: "the first one", "both", "depends". To a line
 * that offered options it answers; to an open question (or "depends" to anything) it says too little
 * to go on, and the interviewer asks for the rest.
 */
const BARE_CHOICE =
  /^\W*(?:(?:the )?(?:first|second|third|last|former|latter|other)(?: one)?|both(?: of them)?|either(?: one)?|neither(?: one)?|all of (?:them|the above))\W*$/i;
const BARE_DEPENDS = /^\W*(?:(?:well|hmm+|um+|i mean)[,\s]+)?(?:it )?(?:depends|that depends)\W*$/i;
/** Options in the interviewer's line: "X or Y?", "which ...?". */
const OFFERS_OPTIONS = /\bor\b|\bwhich\b|\beither\b|\bboth\b|\boptions?\b/i;

/** Assent alone: "yes", "yes, definitely", "sure", "absolutely", "makes sense". */
const BARE_ASSENT =
  /^\W*(?:(?:yes|yeah|yep|yup|sure|definitely|absolutely|of course|right|exactly|agreed|correct|totally|for sure|i agree|makes sense|sounds good|that too|(?:i )?think so)[\s,.!]*)+$/i;
/**
 * A question that asks for an answer rather than a yes or no: a wh-word in its last sentence
 * ("How much work does one feed load trigger?", "Whose interests are at stake?"). "How about we
 * move on?" offers, and "Anything to add?" invites: assent is an answer to those.
 */
const OPEN_QUESTION = /\b(?:what|how|why|which|whose|who|where|when)\b(?! about\b)[^?]*\?\s*$/i;

/**
 * Whether a reply says too little to act on: a bare "depends", a bare choice to an open question,
 * or bare assent to one.
 */
export function saysTooLittle(text: string, line: string): boolean {
  return (
    BARE_DEPENDS.test(text) ||
    (BARE_CHOICE.test(text) && !OFFERS_OPTIONS.test(line)) ||
    bareAssent(text, line)
  );
}

/** The line's sentences; what a short reply answers is in the last one. */
const sentencesOf = (line: string) => line.trim().split(/(?<=[.!?])\s+/);
const lastSentence = (line: string) => sentencesOf(line).at(-1) ?? '';

/** Whether the reply is assent alone to an open question (see saysTooLittle). */
export const bareAssent = (text: string, line: string) =>
  BARE_ASSENT.test(text) && OPEN_QUESTION.test(lastSentence(line));

/** Whether the reply is a bare "depends" (see saysTooLittle). */
export const bareDepends = (text: string) => BARE_DEPENDS.test(text);

/**
 * What may follow the request in its message: why it is asked ("I want to make sure I answer what
 * you're asking") or which reading is meant ("Do you mean offline or online evaluation?").
 */
const WHY_AGAIN =
  /\b(?:i want to|i'?d like to|just (?:to|want to)|make sure|not sure (?:if|whether|what|which)|do you mean|did you mean|are you asking|you mean|i (?:didn'?t|did not) (?:catch|get|follow)|i missed|i misunderstood|i lost (?:you|track))\b/i;

/** Which of two readings the interviewer meant, asked with the request: "do you mean X or Y?". */
const WHICH_MEANT =
  /\b(?:do you mean|did you mean|are you asking (?:about|for)|not sure (?:if|whether) you (?:want|mean))\b[^.?!]*\bor\b/i;

/**
 * Whether a message asks for the interviewer's line again: its first sentence asks ("sorry, can you
 * repeat the question?") and any after it only say why or which reading ("I want to make sure I
 * answer what you're asking.").
 */
export function asksLineAgain(text: string): boolean {
  const [first = '', ...rest] = text.trim().split(/(?<=[.?!])\s+/);
  return REPEAT_ASKED.test(first) && rest.every((sentence) => WHY_AGAIN.test(sentence));
}

/**
 * Whether a request for the line again wants it explained, not said word for word ("rephrase",
 * "what do you mean?", "I don't understand the question"): the interviewer words its question
 * another way, and no hint is counted (see `MessageReading.rephraseAsked`).
 */
export const asksInOtherWords = (text: string) => REPHRASE.test(text);
const REPHRASE =
  /\b(?:rephrase|reword|restate|in other words|another way|differently|clarify|more simply|what do you mean|which part do you mean|(?:don'?t|do not|didn'?t|did not) (?:understand|follow|get)|not sure (?:i (?:follow|understand|get)|what you(?:'re| are)? ?(?:mean|asking|after|looking for)))\b/i;

/** Whether the request for the line again asks which of two readings was meant. */
export const asksWhichMeant = (text: string) => asksLineAgain(text) && WHICH_MEANT.test(text);

/** The interviewer asking whether to carry on at all ("want to continue?", "do you want to keep going?"). */
const ASKS_TO_CARRY_ON = /\b(?:want|like|wish) to (?:continue|keep going|carry on)\W*$/i;

/** Declining to carry on: "no", "not today", "nope, I'm out". */
const DECLINES =
  /^\W*(?:no|nope|nah|not (?:today|now|really))\b[\s,.!]*(?:i'?m (?:out|done|good)|let'?s (?:move|go)(?: on)?|move on|next)?[\s.!]*$/i;

/** Taking an offer: "yes", "sure, let's", "nothing more", "that's it", "keep going". */
const TAKES_OFFER =
  /^\W*(?:(?:ok(?:ay)?|k|kk|alright)[\s,.!]+)?(?:(?:yes|yeah|yea|ya|yah|yep|yup|y|sure|sure thing|please|pls|plz|absolutely|definitely|of course|why not|for sure|go for it|ready|sounds good|go ahead|go|let'?s(?: go| do it| move on| go on| continue)?|next(?: part| step| one)?|move on|keep going|continue|jump ahead|nothing(?: more| else)?|no(?:pe)?,? (?:nothing(?: more| else)?|that'?s (?:it|all)|all good|i'?m good)|that'?s (?:it|all)(?: from me)?|i'?m (?:good|done)|done|all good)\b[\s,.!]*)+$/i;

/** "ok" takes an offer only when it was asked: after "tell me when you want to go on" it says "heard". */
const OK = /^\W*(?:ok(?:ay)?|k|kk|alright|fine)\b[\s,.!]*$/i;

/** Declining to go on because the candidate has had enough: "no, I'm done", "no, let's stop". */
const DECLINES_TO_GO_ON = /^\W*(?:no|nope|nah)\b.*\b(?:done|finished|enough|stop|tired|end it)\b/i;

/** A step named as where to go ("serving", "the model", "let's do eval", "yes, serving"). */
const NAMES_A_STEP =
  /^\W*(?:(?:yes|yeah|sure|ok(?:ay)?|let'?s(?: do| go to| talk)?|go to|on to|onto|to|ready for)[\s,]+)*(?:the )?(?:requirements|framing(?: it)?|frame(?: it)?|data|features|model(?:ing| choice)?|eval(?:uation)?|online evaluation|offline evaluation|serving(?: side)?|monitoring)\b[\s,]*(?:i guess|i think|maybe|please)?[\s.!]*$/i;

/** A question asked of the candidate: the line ends with one, or holds one before a last remark. */
const ASKS_CANDIDATE = /\?\s*(?:\S[^?]{0,80})?$/;

/** The interviewer inviting the candidate's questions: then a question in reply asks for facts. */
const INVITES_QUESTIONS =
  /\bquestions?\b|\bask me\b|\banything (?:you(?:'d like| want) to (?:ask|know|clarify))\b|\bclarif/i;

/** The usual answer asked for: "what's the typical setup?", "how is this usually picked?". */
const USUAL_ASKED =
  /\b(?:typical(?:ly)?|usual(?:ly)?|normal(?:ly)?|standard|common(?:ly)?|most people|people (?:usually|normally|tend to))\b/i;

/** A reply that asks something of its own: a question word or an inversion first, "and the QPS?". */
const OWN_QUESTION =
  /^\W*(?:(?:um+|uh+|ok(?:ay)?|hmm+|well|oh|right|sorry|and|but|so|also)\b[\s,.!-]*)*(?:what|how|which|who|when|where|why|any|is|are|do|does|did|can|could|should|will|would|the\b|our\b)|\b(?:available|allowed|there|exist)\?\s*$/i;

/** "Anything else on the model?": a yes says there is more; only "no" or "nothing" takes it as done. */
const ANYTHING_ELSE =
  /\banything (?:else|more|to add)\b|\bany (?:other|more|further) [\w-]+(?: [\w-]+)? (?:you(?:'d)? (?:want|like) to (?:mention|add|cover|raise|discuss)|to (?:add|mention|cover|raise))\b|\bis there (?:anything )?more\b|\bany (?:last|final|other) (?:point|thing|word|thought)s?\b|\bunless you (?:want|have something|'?d like) to add\b/i;

/** Something more to add, said with nothing of it yet: "yes", "yeah, one thing", "actually yes". */
const WANTS_TO_ADD =
  /^\W*(?:(?:actually|um+|hmm+)[,\s]+)?(?:yes|yeah|yep|yup|sure)(?:[,\s]+(?:one|a couple of|two) (?:more )?things?)?[\s.!]*$/i;

/** Nothing more to add: "no", "nothing", "that's it", "I'm good". */
const NOTHING_MORE =
  /^\W*(?:(?:no|nope|nah|none|nothing(?: more| else| to add)?|that'?s (?:it|all)(?: from me)?|i'?m (?:good|done)|all good|done|not really|go|go ahead|move on|next)\b[\s,.!]*)+$/i;

/** Going on, said in so many words. */
const GO_ON =
  /^\W*(?:go ahead|go on|let'?s (?:go on|move on|continue)|move on|next|continue)\b[\s,.!]*(?:please)?[\s.!]*$/i;

/** A check tagged on as its own sentence ("Next up is serving. OK?"): the offer is the sentence before. */
const BARE_CHECK = /^\W*(?:ok(?:ay)?|alright|all right|sounds? good|good|right|fine|yes|cool)\s*\?\s*$/i;

/** The interviewer offering a hint: "want a hint?", "would a nudge help?", "shall I give you a pointer?". */
const OFFERS_HINT =
  /\b(?:(?:want|like|need) (?:a|another|some|one more) (?:hint|nudge|pointer|clue)|would (?:a|another) (?:hint|nudge|pointer|clue) help|(?:shall|should|can|may) i (?:give|offer) (?:you )?(?:a|another|some) (?:hint|nudge|pointer|clue))\b/i;

/** The interviewer offering the case's facts: "would you like me to tell you what data we have?". */
const OFFERS_FACTS =
  /\b(?:like|want) me to (?:tell you|describe|share|give you|list|walk you through|go over|spell out)\b/i;

/** The line says this is the last part: nothing more to add ends the interview. */
const LAST_PART =
  /\b(?:final|last) (?:step|part|section|stage|topic)\b|\bbefore we (?:wrap|finish|end|close)\b/i;

/** The interviewer asking for the candidate's ideas: a "no" to it says they have none. */
const ASKS_IDEAS =
  /\b(?:any (?:ideas?|thoughts?)|anything (?:come|comes) to mind|can you think of|what (?:ideas|options) do you have)\b/i;

/** Having none: "no", "nope", "not really", "none". */
const HAS_NONE = /^\W*(?:no|nope|nah|none|not really|nothing)\b[\s,.!]*$/i;

/** Where an offer goes ("Want to talk about features more or go to training?"): the reply may just name it. */
const DESTINATION =
  /\b(?:go|move|jump|head|turn|get|skip|switch)(?: on| ahead| over)? to (?:the )?([\w-]{3,})/i;

/** A reply's leading assent and filler, before the destination it names ("ok, training"). */
const ASSENT =
  /^\W*(?:(?:ok(?:ay)?|k|yes|yeah|ya|yep|sure|let'?s(?: do| go to)?|go to|on to|onto|to|the)[\s,.!]+)*/i;

/** Yes or no, alone: an answer to a yes-or-no question. */
const YES_OR_NO = /^\W*(?:yes|yeah|yep|yup|no|nope|nah|sure|correct|right)\b[\s,.!]*$/i;

/**
 * The reading of `text` as a reply to `inReplyTo`, or null when the line before changes nothing.
 * Only replies of a few words are read this way, and statements up to `STATEMENT_REPLY_WORDS` that
 * answer a question.
 */
export function readInReply(text: string, read: IntentReading, inReplyTo: string): IntentReading | null {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const asked = ASKS_CANDIDATE.test(inReplyTo);
  if (words.length === 0) return null;
  const short = words.length <= SHORT_REPLY_WORDS;
  // The offer is in the line's last sentence: "One question before we go on. Is every decision a
  // hard yes or no?" asks the question, and "yes" answers it.
  const lineSentences = sentencesOf(inReplyTo);
  const last = lineSentences.at(-1) ?? '';
  const says = (intent: IntentReading['intent'], reason: string): IntentReading => ({
    intent,
    questions: [],
    alsoAnswers: false,
    reason,
  });
  const offer = BARE_CHECK.test(last) && lineSentences.length > 1 ? (lineSentences.at(-2) ?? last) : last;
  // "the first one" to "How would you evaluate it?", "depends" to anything: too little to act on.
  if (asked && saysTooLittle(text, last)) return says('unclear', 'too-little');
  const taken = short ? offerTaken(text, offer, asked, LAST_PART.test(inReplyTo)) : null;
  if (taken) return says(taken.intent, taken.reason);
  // "Anything to add for this part?" "yes": more to say, none of it said yet (see `wantsFloor`).
  if (ANYTHING_ELSE.test(last) && WANTS_TO_ADD.test(text)) return says('answer', 'wants-to-add');
  // "Think about where the labels come from." "still nothing": stuck after a hint; "can't say".
  if (STUCK_REPLY.test(text)) return says('stuck', 'stuck-reply');
  // "sorry what?": the line asked to be said again; "what do you mean?": asked in other words.
  if (asksLineAgain(text))
    return asksInOtherWords(text) ? says('hint', 'rephrase-asked') : says('meta', 'repeat-asked');
  // "I wouldn't use clicks alone as the label here." "why?": the reason asked for, a nudge.
  if (!asked && /^\W*why\W*$/i.test(text)) return says('hint', 'reason-asked');
  // "exact match and unit test pass rate" after "How would you evaluate offline?": a statement
  // that replies to a question answers it, however the learned reader took its few words.
  if (
    asked &&
    words.length <= STATEMENT_REPLY_WORDS &&
    read.reason.startsWith('learned-over-statement') &&
    !text.includes('?') &&
    ((read.intent === 'tentative' && !HEDGED.test(text)) ||
      read.intent === 'unclear' ||
      (read.intent === 'steer' && !GRADING_TALK.test(text)) ||
      (read.intent === 'move-on' && !ENDING_TALK.test(text)))
  )
    return { ...read, intent: 'answer', reason: 'statement-in-reply' };
  if (!short || !asked) return null;
  const bare = read.intent === 'unclear' || read.reason === 'short-reply';
  // "weekly?" after "How often would you retrain?", "both?" after "Clicks or views as the label?": the
  // candidate's answer, put up for a verdict. The interviewer asks for the design, never for facts,
  // unless it invites questions.
  // ("Rater capacity?" after "how many cases must you test?" asks the figure the answer needs.)
  if (
    read.intent === 'facts' &&
    text.includes('?') &&
    !INVITES_QUESTIONS.test(last) &&
    !OWN_QUESTION.test(text) &&
    !read.questions.every(namesCaseFigure)
  )
    return says('tentative', 'reply-put-up');
  // "what's the typical setup?" after "What model for code completion?": the usual answer asked for.
  if ((read.intent === 'facts' || read.intent === 'meta') && USUAL_ASKED.test(text))
    return says('hint', 'usual-asked');
  if (!bare) return null;
  // "yes" after "Is the closest place always the one to put first?": a probe answered with no
  // reason; the interviewer asks for it.
  if (YES_OR_NO.test(text) && asksYesOrNo(last)) return says('answer', 'bare-yes-no');
  // "daily" after "How often?", "256" after "What dimension?".
  const why = unreadable(text);
  if (why === null || YES_OR_NO.test(text) || (why === 'empty' && /\d/.test(text)))
    return says('answer', 'reply-to-question');
  return null;
}

/**
 * A question about the design put for a yes or no: "Would you retrain daily?", "Is the closest place
 * always the one to put first?", "Do you score every ad?". Checks and offers ("does that help?",
 * "ready to go on?", "would you like a hint?") are not: yes answers them.
 */
const YES_NO_QUESTION =
  /^\W*(?:(?:and|so|but|then|ok(?:ay)?|right)[,\s]+)?(?:would|will|do|does|did|is|are|can|could|should)\s+(?:you|your|the|this|it|we|a|an|every|each|all)\b[^?]*\?\s*$/i;
const CHECK_OR_OFFER =
  /\b(?:help(?:s|ful)?|make sense|clear|ready|move on|go on|continue|carry on|like (?:me|a|to)|want (?:me|a|to)|okay|ok|fine|good|sound|hint|answer (?:your|that)|questions?|anything else|done|finished|stop|end)\b/i;

/** Whether a reply is a bare yes or no to a yes-or-no question about the design (see YES_NO_QUESTION). */
export const bareYesNo = (text: string, line: string) =>
  YES_OR_NO.test(text) && asksYesOrNo(lastSentence(line));

function asksYesOrNo(line: string): boolean {
  return YES_NO_QUESTION.test(line) && !CHECK_OR_OFFER.test(line);
}

/** What a short reply does with an offer in the line's last sentence (to go on, to end, to stay), if any. */
function offerTaken(
  text: string,
  last: string,
  asked: boolean,
  lastPart: boolean,
): { intent: IntentReading['intent']; reason: string } | null {
  const r = (intent: IntentReading['intent'], reason: string) => ({ intent, reason });
  const anythingElse = ANYTHING_ELSE.test(last);
  const offersToGoOn = OFFERS_TO_GO_ON.test(last);
  // "Anything else on labels, or shall we go on?" "go ahead": going on is taken as well.
  const takes = anythingElse
    ? NOTHING_MORE.test(text) || (offersToGoOn && GO_ON.test(text))
    : TAKES_OFFER.test(text) || (asked && OK.test(text));
  // "Keep going, or are you done for today?" "yes" takes neither; "done" ends.
  const carryOnToo = /\b(?:keep going|continue|carry on|go on)\b/i.test(last);
  if (OFFERS_TO_END.test(last) && ((takes && !carryOnToo) || FINISHED.test(text)))
    return r('stop', 'end-offer-taken');
  // "That was the final step. Anything else?" "nope": the interview is over.
  if (anythingElse && lastPart && NOTHING_MORE.test(text)) return r('stop', 'nothing-more-at-the-end');
  // "Want a hint?" "sure"; "Would you like me to tell you what data we have?" "yes please".
  if (OFFERS_HINT.test(last) && takes) return r('hint', 'hint-offer-taken');
  if (OFFERS_FACTS.test(last) && takes) return r('facts', 'facts-offer-taken');
  // "Any ideas for ground truth without annotators?" "nope": none come.
  if (ASKS_IDEAS.test(last) && HAS_NONE.test(text)) return r('stuck', 'no-ideas');
  // "We still have fifteen minutes - want to continue?" "no": the candidate is leaving.
  if (ASKS_TO_CARRY_ON.test(last) && DECLINES.test(text)) return r('stop', 'declines-to-carry-on');
  // "Want to spend more time here?" "no": on to the next part.
  if (OFFERS_TO_STAY.test(last) && DECLINES.test(text)) return r('move-on', 'declines-to-stay');
  if (offersToGoOn || anythingElse) {
    if (DECLINES_TO_GO_ON.test(text) && !anythingElse) return r('stop', 'declines-to-go-on');
    if (takes || NAMES_A_STEP.test(text) || namesDestination(text, last)) return r('move-on', 'offer-taken');
  }
  return null;
}

/** "training" after "Want to talk about features more or go to training?": the offer's destination named. */
function namesDestination(text: string, line: string): boolean {
  const destination = DESTINATION.exec(line)?.[1]?.toLowerCase();
  const named = text
    .replace(ASSENT, '')
    .trim()
    .toLowerCase()
    .split(/[\s,.!?]+/)[0];
  return (
    destination !== undefined && named !== undefined && named.length >= 3 && destination.startsWith(named)
  );
}
