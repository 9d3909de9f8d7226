/**
 * Whether a sentence asks at all, by its form: a question mark, an interrogative opening, a tag
 * ("..., right?"), asking in statement form ("I'd like to know..."), or a figure of the case named
 * bare ("peak qps?"). What a question asks for, a fact or approval of an idea, is `questions.ts`.
 */
import { posesCriterion } from '@mlsd/scoring';
import { CONFIRM_TAG_END } from '../facts/checks.ts';
import { isBareTopic } from '../facts/split.ts';
import { headsOwnList, LIST_LABEL } from './own-lists.ts';
import { wordCount } from './sentences.ts';
import { hasDesignVoice, opensWithDesignVerb } from './vocabulary.ts';

/**
 * How the message marks its questions: with "?" (then a sentence without one does not ask), not at
 * all in a short message (a sentence that opens like a question asks), not at all in a long one
 * (only a short sentence that plainly asks, "how many drivers are online at peak", asks), or not at
 * all in a message that lists under headings ("User: past clicks, how often they open. Post: age,
 * type."), whose "how often" clauses are measures.
 */
export type QuestionMarks = 'marked' | 'short-unmarked' | 'long-unmarked' | 'listing';

/**
 * An interrogative opening, so a sentence asks even without "?". "What/how" followed by a subject
 * ("what I'd do is", "how we rank is") opens a statement; "when"/"where" need an auxiliary next;
 * "any" asks before a plural and what it is about ("any limits on retention"), not in "any time the
 * model is unsure, ...".
 */
const INTERROGATIVE_START =
  /^(?:any\s+(?:[a-z-]+\s+){0,2}[a-z]+s(?=\s+(?:on|for|around|about|regarding|like|in|to)\b|\s*[,?]|\s*$)|(?:how|what|whats|what's|which|who|whose|why)\b(?!\s+(?:i|we|they|you|it|this|that)\b)|(?:when|where) (?:is|are|was|were|do|does|did|can|will|would|should)\b|(?:am|is|are|was|were|do|does|did|has|have|can|could|would|will|should|shall|may|must|might)\s+(?!not\b)[\p{L}\d])/iu;

/** "What matters is...", "what counts is...": a noun clause opens a statement. */
const NOUN_CLAUSE =
  /^what \w+[^s\W]s is\b|^what(?:'s| is) \w+ (?:is|are|was)\b|^what(?:'s| is) (?:more|nice|interesting|important|key|good|great|tricky|hard|neat|cool|worse|better)\b/i;

/** Asking in statement form, or asking the interviewer to tell. */
const ASKING =
  /^(?:tell me|i wonder|i'?m wondering|i was wondering|i'?m curious|curious (?:about|how|what|whether|if|why|when|where|which))\b|\b(?:could|can|would|will) you (?:please |kindly )?(?:be able to )?(?:tell|share|let me know|explain|clarify|confirm|describe|walk me through|give me (?:a |an |some |more )?(?:rough |quick |better |general |little )?(?:idea|sense|picture|feel|overview|context|background|numbers|ballpark|breakdown))\b|\bi(?:'d| would)? (?:like|want|need|love) to know\b|\b(?:hoping|wondering (?:if|whether)) you (?:could|can|might) (?:tell|share|give|explain|clarify|confirm)\b|\b(?:would|do) you mind (?:telling|sharing|letting me know|giving me|explaining|clarifying|confirming)\b/i;

/** "Can I assume X?" asks the interviewer to confirm a fact. */
export const ASSUMING =
  /\b(?:(?:can|could|may) (?:i|we)|(?:i|we) (?:can|could|may)) (?:safely )?assume\b|\bsafe to assume\b/i;

/** Says outright that it asks: "I'd like to know...", "could you tell me...", "can I assume...". */
export const asksOutright = (text: string) => ASKING.test(text) || ASSUMING.test(text);

/** Asks the interviewer to confirm an assumption about the case. */
export const assumes = (text: string) => ASSUMING.test(text);

/** A tag that turns a statement into a question: "..., right?", "..., would that work?", "or is that overkill?". */
export const TAG =
  /(?:,?\s+(?:right|correct|yes|no|yeah|ok|okay|isn'?t it|wouldn'?t it|or not)|[,;]?\s+(?:or |and )?(?:(?:is|would|does|will|could|can|did) (?:that|this)|that'?s|that is)(?: \w+){0,2}? (?:work|help|scale|fly|hold up|hold water|stand up|check out|seem\w*(?: \w+)?|sound\w*(?: \w+)?|make sense|ok|okay|fine|reasonable|feasible|viable|realistic|sensible|enough|overkill|too \w+|right|correct|acceptable|a good idea|good|better|worth it|valid|possible|(?:the )?(?:standard|norm|usual|typical|common)(?: \w+)?|the way to go|best practice|legit)\b[^?]{0,30}|[,;]?\s+(?:or|unless|if) you think\b[^?]*)\s*\?+\s*$/i;

/** A tag that asks without "?", in a message that uses none: "so users log in, right", "we have logs i assume". */
const UNMARKED_TAG =
  /(?:,?\s+(?:right|correct|is that (?:right|correct|so)|i (?:assume|presume|take it|suppose)|isn'?t it|don'?t (?:we|they)|aren'?t (?:we|they)))\s*$/i;

/** Checking an understanding: "just to confirm, ...", "if I understand correctly, ...". */
const CONFIRMING =
  /^(?:[\w']+\s+){0,2}?(?:just to (?:confirm|check|clarify|double[- ]check|verify)|to (?:confirm|check|clarify) my understanding)\b|^(?:[\w']+\s+){0,2}?(?:just )?to (?:confirm|check|clarify|double[- ]check|verify)(?: my understanding| i understand(?: correctly)?| that)?\s*[,:–—-]|\bif i understand(?: you| this| that)? (?:correctly|right)\b|^(?:so )?(?:am i right (?:that|in thinking)|correct me if i'?m wrong)\b/i;

/** Opens a restatement: "so basically...", "ok so the users...". */
const RESTATING = /^\W*(?:(?:um+|uh+|ok(?:ay)?|alright|right|hm+)\W+)*so\b/i;

/**
 * Whether a message checks an understanding: a tag closes it ("..., is that right?"), it says it
 * checks ("just to confirm, ..."), or it opens a restatement ("so basically we ...?").
 */
export const checksUnderstanding = (text: string) =>
  TAG.test(text) ||
  UNMARKED_TAG.test(text) ||
  CONFIRMING.test(text) ||
  RESTATING.test(text) ||
  CONFIRM_TAG_END.test(text);

/** The sentence without a closing tag: "So users log in, right?" asks "So users log in?". */
export const untag = (sentence: string) =>
  sentence.replace(CONFIRM_TAG_END, '?').replace(TAG, '?').replace(UNMARKED_TAG, '');

/**
 * A question after a short preface: "quick q - what's the p99", "sorry if this is obvious but how
 * are sellers paid".
 */
const PREFACED_BREAK = String.raw`^(?:[^\s.!?]+\s+){0,6}?[^\s.!?]*(?:\s[–—-]|:|,| but| and)\s+`;

/**
 * Openings that ask in any message, however long and without "?": a wh-word with its auxiliary, or
 * an auxiliary with its subject ("how many drivers are online", "do we know the weather").
 */
const ASK_FORM = String.raw`(?:how (?:many|much|often|long|big|fast|quickly|frequently|soon|far)(?: [\w']+){0,3}? (?:is|are|was|were|do|does|did|can|could|will|would|should|has|have)|how (?:is|are|was|were|do|does|did|can|could|will|would|should)|what(?:'s| is| are| was| were| does| do| did)|whats|what (?:kind|type|fraction|share|percentage|proportion|portion)s? of|which \w+ (?:do|does|is|are|can|should)|who (?:is|are|does|do|did|will)|where (?:do|does|is|are|did)|when (?:do|does|is|are|did|will)|(?:do|does|did|is|are|was|were|can|will) (?:we|you|they|the|our|users|there|it|this|that|(?:different|other|all|any|some|most|many|individual|certain) [a-z]+))\b`;
const STRICT_ASK = new RegExp(`^${ASK_FORM}`, 'i');
/** A question after a preface, in any form: "I covered the metrics, what else would you like". */
const ASKS_LATER =
  /^[^.!?]{0,80}?(?:\s[–—-]|:|,| but| and)\s+(?:how|what|whats|what's|where|am i|do you|would you|could you|can you|is there|are there)\b/i;
/** A preface that wants to know, not a design: "one thing I need to understand". */
const WANT_TO_KNOW = /\b(?:understand|know|check|clarify|confirm|ask)\b/i;
/** The preface before a question in an unmarked sentence: "I'd frame it as classification" before ": will...". */
const PREFACE_END = /^([^:–—]*?)(?:\s[–—-]|:)\s/;
/** The candidate watching something: "every day I'd watch, per city, what share of orders arrived late". */
const OWN_MEASURE =
  /\b(?:i|we)(?:'d|'ll| would| will)\s+(?:also\s+|then\s+|mainly\s+|first\s+)?(?:watch|track|monitor|measure|log|alert on|plot|chart|report|look at|keep an eye on|check)\b/i;
/** Opens the candidate's own measurement: "online A/B on ...", "offline we'd track ...", "an A/B test on ...". */
const DESIGN_LEAD =
  /^(?:(?:online|offline|in production|then|and|plus|also)\b[\s,]*)*(?:(?:an? )?a\/?b(?: test(?:s|ing)?)?|ab test(?:s|ing)?|online|offline|shadow(?: mode)?|canary|interleaving|backtest(?:ing)?)\b/i;
const PREFACED = new RegExp(`${PREFACED_BREAK}(?:how (?:many|much)\\b|${ASK_FORM})`, 'i');
/** An auxiliary before its subject: "are prices frozen during emergencies". */
const INVERTED =
  /^(?:am|is|are|was|were|do|does|did|has|have|can|could|would|will|should|shall|may|must)\s+(?:we|you|they|i|it|there|the|our|this|that|these|those|a|an|any|all|each|every|some|[a-z]+s)\b/i;
/** A sentence that adds to what was just asked. */
const FOLLOW_ON = /^(?:also|and|plus|then|oh and|one more)\b/i;
/** Longest sentence without "?" that still plainly asks in a message that marks its questions. */
const MARKED_WORDS = 12;
/** Longest unmarked sentence that still asks in a long message. */
const STRICT_WORDS = 20;

/** Requests to the interviewer: "any thoughts on...", "can you...", "please...". */
const REQUESTING =
  /^(?:any|some|please|tell me|let me know|(?:can|could|would|will) you|i'?d (?:appreciate|love|like)|i (?:could use|need|want)|would you mind)\b/i;

/**
 * Whether a sentence (filler stripped) asks something. Without "?" it asks in a message that uses
 * no "?" at all: in a short one when it opens like a question, after a preface too ("quick q - how
 * many users do we have") or with a tag ("..., right"); in a long one only when short and plainly
 * asking. A writer who marks questions does not ask in "What counts as a good watch needs care."
 */
export function isQuestion(sentence: string, stripped: string, marks: QuestionMarks): boolean {
  // "The real test is: does the new pricing get more people a car?": the candidate's yardstick.
  if (posesCriterion(stripped)) return false;
  if (/\?\s*$/.test(sentence) || asksOutright(stripped) || CONFIRMING.test(sentence)) return true;
  if (NOUN_CLAUSE.test(stripped)) return false;
  if (marks === 'listing') return false;
  // A writer who marks questions still forgets one, on a follow-up ("Also what share of ads are
  // new") or a short line ("Can we get bounding boxes drawn").
  if (marks === 'marked') {
    // "Peak QPS? and the p99 limit", "...? also total doc count": a follow-on naming a subject.
    const subject = stripped.replace(/[\s,]*\b(?:too|please|as well|thanks)\b[\s.!]*$/i, '');
    // "And organizer retention..." trails off, thinking over what was said, not asking.
    const trailsOff = /(?:\.\.\.|…)\s*$/.test(sentence) && !opensQuestion(stripped);
    if (FOLLOW_ON.test(sentence.trim()) && !trailsOff && (opensQuestion(stripped) || isBareTopic(subject)))
      return true;
    const plain = STRICT_ASK.test(stripped) || INVERTED.test(stripped);
    return plain && (FOLLOW_ON.test(sentence) || wordCount(stripped) <= MARKED_WORDS);
  }
  if (UNMARKED_TAG.test(stripped)) return true;
  // "online: thumbs up rate and how many tickets go to helpdesk", "Index health: how many docs failed
  // to parse": the candidate's own list under a label of the design, whose "how many" is a measure.
  if (LIST_LABEL.test(stripped)) return false;
  // "Useful hints: how busy the restaurant is, how many couriers are free nearby", "What to measure:
  // how often we're late": a heading over the candidate's own list, in a message that asks nothing
  // with "?" ("quick q: how many reviewers" and "numbers I need: ..." still ask).
  if (headsOwnList(stripped)) return false;
  // "peak qps", "reviewer capacity per day", "p99 budget for the click model": a figure of the case
  // named in a few words asks for it, as a terse writer does.
  // Three or more without a question mark are a list the candidate gives ("p99 latency, error
  // rates, qps" to monitor), not asks.
  // "online A/B on acceptance rate and accepted characters per user": figures the candidate's own
  // test or dashboard measures, not asks.
  // "Track user blur reports per million images": a verb of the design opens the candidate's own
  // measure ("ranking budget in ms" opens with a noun).
  const ordered = opensWithDesignVerb(stripped) && !/^\w+ing\b/i.test(stripped);
  if (
    marks === 'short-unmarked' &&
    !DESIGN_LEAD.test(stripped) &&
    !ordered &&
    !OWN_MEASURE.test(stripped) &&
    namesFigures(stripped, UNMARKED_FIGURES)
  )
    return true;
  if (marks === 'long-unmarked') return STRICT_ASK.test(stripped) && wordCount(stripped) <= STRICT_WORDS;
  // "I'd frame it as classification: will the user click?" explains the design, it does not ask.
  const preface = PREFACE_END.exec(stripped)?.[1];
  return (
    INTERROGATIVE_START.test(stripped) ||
    // "One thing I need to understand - how does..." asks; "I'd frame it as X: will..." designs, and
    // so does "every day I'd watch, per city, what share of orders arrived late".
    (PREFACED.test(stripped) &&
      !(preface && hasDesignVoice(preface) && !WANT_TO_KNOW.test(preface)) &&
      !OWN_MEASURE.test(stripped))
  );
}

/**
 * With a question mark, a few more words name a figure: "Label delay on chargebacks?", "Cost per 1k
 * tokens on the vendor model?". Without one, "latency and cost" is as likely a list given.
 */
export const FIGURE_ASKED = /\b(?:delay|cost|price|latency|throughput|per (?:\d+k?|thousand|million))\b/i;

/** What the system is for, named bare: "Optimization goal?", "success metric?", "north star?". */
export const GOAL_NAMED =
  /\b(?:goals?|objectives?|optimi[sz](?:ation|ing|e) (?:target|goal|metric)|target metric|success (?:metrics?|criteria|criterion)|north star(?: metric)?|kpis?|(?:primary|main|key|headline|top) (?:metric|goal|objective))\b/i;

/** Most figures named without a question mark that still ask. */
export const UNMARKED_FIGURES = 2;

/** A figure a case can give: a rate, a budget, a capacity, a count per period. */
const FIGURE_NAMED =
  /\b(?:qps|rps|tps|per (?:second|sec|day|week|month|hour|minute|request|session|user|thousand|million|\d+k?)|peak|budget|capacity|volume|(?:number|count|size|share|fraction|proportion|percent(?:age)?) of|p\d\d)\b|\/s(?:ec)?\b/i;

/**
 * Whether a text only names figures of the case: bare subjects ("peak qps; p99 for the rec
 * service", "labelling capacity per week, and reviewer decisions per day"), one at least a figure.
 */
export function namesFigures(text: string, most = Number.POSITIVE_INFINITY, figure = FIGURE_NAMED): boolean {
  const items = text
    .replace(/[?.!]+$/, '')
    .split(/\s*(?:[;,]|\band\b|\bplus\b)\s*/i)
    .map((item) => item.replace(/^(?:also|then)\s+/i, ''))
    .filter((item) => item !== '');
  if (items.length > most) return false;
  // "watch revenue and number of trips?" puts up an act of the design: no item may open with one,
  // unless it names a figure itself ("ranking budget in ms").
  const named = (item: string) => figure.test(item);
  return (
    items.length > 0 &&
    items.every((item) => isBareTopic(item) && (named(item) || !opensWithDesignVerb(item))) &&
    items.some(named)
  );
}

/** Whether a sentence asks or requests anything at all, for reading what it is about. */
export function asks(sentence: string, stripped: string): boolean {
  return (
    /\?\s*$/.test(sentence) ||
    opensQuestion(stripped) ||
    REQUESTING.test(stripped) ||
    ASKS_LATER.test(stripped)
  );
}

/** Whether a part opens like a question on its own (used for parts before the last one). */
export function opensQuestion(part: string): boolean {
  return INTERROGATIVE_START.test(part) || asksOutright(part);
}

/**
 * Whether a short ask names a figure of the case ("Rater capacity?", "labelling budget?"): the
 * candidate needs it to answer, rather than putting up an answer ("weekly?").
 */
export const namesCaseFigure = (text: string) => namesFigures(text);
