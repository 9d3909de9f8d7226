/**
 * Ideas put up as questions: a plan said with a rising voice ("so we gather candidates, then rank
 * them?"), a doubt about the candidate's own idea ("is that bad?") and proposals put as yes/no
 * questions. Used by `classifyQuestion` (questions.ts) and the learned reader's guards.
 */
import { splitMessage } from '../facts/split.ts';
import { anyOf } from './patterns.ts';

/**
 * A plan opened by "we" or by a verb of the design, after any connective; "we" may follow a setting
 * ("so for each member we rank candidates by...?", "at serving time we cache...?").
 */
export const PLAN =
  /^(?:(?:and|so|then|ok|okay|also|or|like)\s+)*(?:(?:(?:for|in|at|on|per|after|before|during)\s+(?:each|every|the|a|an|this|that|our)\s+[a-z-]+(?:\s+[a-z-]+)?,?\s+)?we\s+(?:first\s+|then\s+|just\s+|also\s+)?(?!need\b|have\b|get\b|got\b|are\b|were\b|can\b|could\b|should\b|would\b|will\b|do\b|don'?t\b|know\b)[a-z]+|(?:just\s+|first\s+)?(?:decline|approve|block|grade|compute|precompute|reuse|mix|run|send|drop|keep|add|wait|show|hide|merge|combine|filter|retrain|serve|cache|fall back|route|flag|score|sort|return|sample|weight|blur|count|treat|pick|start|batch|stream|shard|bucket|call)\b)/i;
/** "..., so compute it once and reuse?": the plan comes after the reason. */
export const PLAN_CLAUSE =
  /[,;]?\s(?:so|then)\s+(?:we\s+(?:can|could)\s+)?(?:just\s+)?(?:compute|precompute|reuse|use|run|cache|skip|drop|send|serve|store|share|batch|merge|rank|filter)\b/i;

/** "is there a problem with that since they share drivers?": a doubt about the candidate's own idea. */
/**
 * A verdict asked of what was just said, ending the text: "is that bad?", "would it be overkill?",
 * "does that seem ok?". A regex source; `DOUBTS_OWN_IDEA` and the interviewer's reading of an idea
 * put up (read-message.ts) build on it.
 */
export const VERDICT_ASKED_OF_IT = String.raw`(?:is|would|will|does) (?:that|this|it) (?:be |seem )?(?:(?:really|too|very|that) )?(?:bad|ok|okay|fine|wrong|enough|good enough|a (?:bad|good) (?:idea|thing)|an? (?:problem|issue|concern)|a big deal|worth it|overkill|too \w+)\W*$`;

/** What a doubt about the plan fears it does: "wouldn't that *skew* the results?". */
export const DOUBTED_EFFECT = String.raw`(?:could|would|will|might|does|doesn'?t|wouldn'?t|won'?t) (?:that|this) (?:not )?(?:bias|skew|contaminate|confound|distort|inflate|deflate|leak into|break|hurt|mess up|spoil)\b`;

/** The cost a doubt fears: "would that be *too slow*?". */
export const TOO_MUCH = String.raw`too (?:slow|expensive|costly|big|heavy|complex|much)\b`;

/** "should the user be able to tap which object they mean?": a feature of the product proposed. */
export const PRODUCT_FEATURE =
  /^(?:(?:so|and|hmm+|um+|ok|okay|maybe)[,\s]+)*should (?:the |our )?(?:users?|shoppers?|customers?|people|guests?|riders?|members?|viewers?|agents?|reviewers?) be able to\b/i;

export const DOUBTS_OWN_IDEA = anyOf([
  /^(?:(?:wait|hmm+|um+|but|so|ok|okay)[,\s]+)*(?:is|would|could|will) (?:there|that|this|it) (?:be )?(?:a |any )?(?:problem|issue|risk|downside|catch|concern)s? (?:with (?:that|this|it|doing|using)\b|since\b|because\b|if we\b)/i,
  // "what if the two numbers differ, is that bad?": the candidate's own thought, put up for a verdict.
  new RegExp(String.raw`^(?:(?:wait|hmm+|um+|but|so|ok|okay|and)[,\s]+)*${VERDICT_ASKED_OF_IT}`, 'i'),
  // "wouldn't that skew the results?": a doubt about the plan just given, not a question for the case.
  new RegExp(String.raw`^(?:(?:wait|hmm+|um+|but|so|ok|okay|and)[,\s]+)*${DOUBTED_EFFECT}`, 'i'),
]);

/**
 * "Is the idea something like giving them exploration slots?": a guess at the answer the interviewer
 * is after, put up for a verdict (read-message.ts waits for one).
 */
export const GUESSED_ANSWER = String.raw`(?:is|would) (?:the|your) (?:idea|trick|answer|fix|solution|approach|point|hint) (?:here )?(?:something like|more like|like|to|that|maybe)\b`;

/**
 * Proposals put as yes/no questions: "is a chunk size of 500 tokens sensible?", "is that the right
 * direction?", "do we just filter them out before ranking?", "do we predict watch time instead of
 * clicks?" ("can we just...?" asks what is allowed), "could the queue be prioritised by expected views?". They ask whether a choice holds.
 */
export const PROPOSAL_QUESTION = anyOf([
  /^(?:[\w-]+(?: [\w-]+)?,\s*)?(?:is|would|does|was|isn'?t) (?:that|this|it|a|an|the|our|my)\b[^?]{0,100}\b(?:the (?:right|correct|best|main|primary) (?:[\w-]+ )?(?:direction|approach|call|choice|idea|way|track|metric|objective|target|label|loss|model|baseline)|(?:a )?(?:sensible|reasonable|good idea|sound approach|overkill))\b/i,
  // "How often should we retrain, daily maybe?": a choice of the design asked, with the candidate's answer.
  /^(?:(?:so|and|then|ok|okay|hmm+|um+)[,\s]+)*(?:how (?:often|long|many|much|big|far|frequently)|when|which|what)\b[^?,]*\bshould (?:we|i) (?:re-?train|train|refresh|rebuild|re-?index|recompute|re-?rank|deploy|ship|cache|shard|batch|launch|roll (?:it )?out)\b[^?,]*,\s*(?:(?:like|maybe|perhaps|probably|say|i guess|i'?d guess|i think)\b[^,?]*|[^,?]*\b(?:maybe|perhaps|probably|i guess|i think))\W*$/i,
  /^(?:do|should|could|would|shall) we (?:just|simply|instead)\b(?! (?:have|know|get|see|keep|store|need|own|log|collect|receive|track)\b)/i,
  /^(?:do|should|could|would|shall) we\b[^?]*\b(?:instead of|rather than)\b/i,
  // "do we need to call the routing thing for every restaurant?": whether the design's own act must
  // run that often, a doubt about the plan.
  /^(?:(?:so|but|hmm+|um+|wait)[,\s]+)*(?:do|would|will) (?:we|i) (?:really )?(?:need|have) to (?:call|run|score|compute|recompute|fetch|query|embed|re-?train|re-?run|re-?rank|cache|check|hit)\b[^?]*\b(?:every|each|all)\b/i,
  new RegExp(
    String.raw`^is it (?:fair|right|correct|accurate|reasonable|safe) to (?:say|claim|think|conclude)\b|^do we want to\b|^(?:might|would|could|will|is(?! there\b)) [^?]{0,60}\b(?:be )?${TOO_MUCH}`,
    'i',
  ),
  DOUBTS_OWN_IDEA,
  PRODUCT_FEATURE,
  // "why not just use the LLM's own probability to rank?": the obvious alternative, weighed aloud.
  /^(?:(?:but|so|hmm+|um+|wait|and|ok|okay)[,\s]+)*why (?:not|don'?t we|wouldn'?t we|shouldn'?t we|can'?t we|not we) (?:just |simply |instead |rather )?[a-z]/i,
  // "the label would be... whether they pressed tab?", "so the features could be recency and price?":
  // a part of the design given a value, with a rising voice.
  /^(?:(?:so|and|ok|okay|then|um+|uh+|hmm+)[,\s]+)*(?:the|our|my|a) (?:[\w-]+ )?(?:label|target|feature|loss|metric|objective|output|positive|negative|baseline|north star)s?\b[^?]{0,20}?\b(?:would|could|might|will)\s+be\b/i,
  // "so more like watch time people enjoy?", "success is more like kept code, not shown?", "something
  // like retention after a week?": the candidate's own reformulation, put up for a nod. ("Is the
  // traffic more like 1k or 10k QPS?" asks: its "more like" follows what the case has.)
  /(?:^|[,;:]\s*|\b(?:so|hmm+|no|actually|ok|okay|then)\s+)(?:(?:it'?s|it is|that'?s|that is|success is|the goal is|(?:the|our) (?:[\w-]+ )?(?:metric|objective|target|label|goal) (?:is|would be))\s+)?(?:more|rather) like\b|^(?:(?:so|hmm+|ok|okay|um+|then)[,\s]+)*something like\b/i,
  // "Is the idea something like giving them guaranteed exploration slots?": the candidate's guess at
  // the answer the interviewer is after.
  new RegExp(String.raw`^(?:(?:so|and|ok|okay|then|um+|uh+|hmm+)[,\s]+)*${GUESSED_ANSWER}`, 'i'),
  // "scrolled past = dislike?": a definition written as notation, put up for a nod.
  /^[^?=<>!]{2,50}[^=<>!]\s=\s[^=?][^?]{0,50}\?*\s*$/i,
  // "A switchback test maybe?": an idea with a hedge at its end, not a question about the case.
  /^(?!(?:is|are|do|does|did|can|could|will|would|should|what|how|when|where|which|who|why|any)\b)[^?]{3,80}\b(?:maybe|perhaps|possibly|i guess|i suppose)\W*$/i,
  // "No-show rate on those, maybe, to check we're not pushing low-intent sign-ups?": the hedge, then
  // what the idea is for.
  /^(?!(?:is|are|do|does|did|can|could|will|would|should|what|how|when|where|which|who|why|any)\b)[^?]{3,80},\s*(?:maybe|perhaps|possibly)\s*,?\s+(?:to|so (?:that|we)|in order to)\b[^?]*\?*\s*$/i,
  // "Could the old helpdesk tickets be the eval set?": a resource given a role in the design.
  /^(?:could|should|would|can|might) (?:the |our |those |these )?[^?]{1,40}\bbe (?:the|our|an?|used as(?: the| an?)?) (?:[\w-]+ )?(?:eval(?:uation)? set|test set|training (?:set|data)|holdout|labels?|ground truth|baseline|positives?|negatives?|target|seed set|gold set)\b/i,
  /^(?:could|should|would|can) (?:the|our|we|each) [^?]{0,40}\bbe (?:prioriti[sz]ed|ranked|re-?ranked|sorted|ordered|weighted|scored|filtered|split|sampled|cached|sharded|batched|bucketed|deduplicated|precomputed|routed|blended|calibrated)\b/i,
]);

/** A figure a question puts to the case: "250 ms", "a 7-day window", "one machine", "a lot of". */
const FIGURE_PUT =
  /\d[\d,.]*\s*-?\s*(?:ms|milliseconds?|s|secs?|seconds?|minutes?|mins?|hours?|days?|weeks?|months?|gpus?|machines?|boxes|%|percent|x|k|gb|tb)\b|\b(?:one|two|three|five|ten|a few|a single|single) (?:[\w-]+ ){0,2}?(?:box|machine|gpu|node|server|instance|replica|shard|cpu|core|second|minute|hour|day|week|month)s?\b|\bmemory\b|\b(?:miss|lose)(?:ing)? (?:a lot|many|most|much)\b|\bthe (?:whole|entire) (?:[\w-]+ )?(?:repo|repository|catalog|catalogue|index|corpus|graph|history)\b|\b(?:the same|same|first) (?:day|hour|week|session)\b|\byesterday'?s?\b/i;

/**
 * Whether a figure fits what the case allows: "would 250 ms be too slow?", "is a 7-day window
 * enough?", "would the index be too big for one machine?", "would that miss a lot of the accepts?".
 */
const FIT_ASKED =
  /\b(?:would|will|is|are|does|do|could|can)\b[^.?!]*\b(?:too (?:slow|much|long|big|large|high|expensive|many)|enough|(?:be )?(?:ok|okay|fine|acceptable|a problem)|break|miss(?:ing)? (?:a lot|many|most|much)|lose (?:a lot|many|most|much)|handle|keep up|cope|afford|fit|(?:still )?worth|(?:already )?be in|(?:arrived|landed|come in)|(?:into|in) (?:the |a |one )?(?:prompt|context(?: window)?|memory|ram)|(?:i|we) (?:miss|lose))\b[^.?!]*\?/i;

/** The questions of a message that ask whether a figure of the candidate's fits the case. */
export function fitsAsked(text: string): string[] {
  if (!FIT_ASKED.test(text)) return [];
  return splitMessage(text)
    .filter((part) => part.asked && FIT_ASKED.test(part.text) && FIGURE_PUT.test(part.text))
    .map((part) => part.text);
}

/** A claim about what the team can or must do, closed by a tag: "..., so we can't X, right?". */
export const OWN_CLAIM_TAGGED =
  /\bwe (?:can'?t|cannot|can|could|couldn'?t|should(?:n'?t)?|won'?t|will|need to|don'?t need to|must|have to)\b[^?]*,\s*(?:right|correct|no|yeah|yes|true)\s*\?\W*$/i;
