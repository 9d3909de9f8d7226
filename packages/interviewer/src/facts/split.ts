import { BARE_TAG, joinConfirmTag } from './checks.ts';
import { stripFiller } from './filler.ts';
import { SAME_FOR } from './follow-up.ts';

/** One question of a message, as asked, with its leading filler taken off. */
export interface MessagePart {
  text: string;
  /** Reads as a question: starts with a question word, ends with "?", or asks to be told. */
  asked: boolean;
  /**
   * A later clause of one sentence, joined by "and"/"or" or a comma ("How big is the catalog, and how
   * much is added daily?"): often more about what the clause before asked, not a new question.
   */
  joined?: boolean;
  /**
   * Closed by a full stop and worded as no question: "I'd like to know the raw material." may be a
   * remark, not a question.
   */
  told?: boolean;
}

export const QUESTION_START =
  /^(?:what|what's|whats|how|how's|why|when|where|which|who|whom|whose|is|isn't|are|aren't|am|was|were|do|does|doesn't|don't|did|can|could|should|shall|will|would|may|might|must|have|has|had|any)\b/i;

/** "I was wondering", "tell me", "what about": a request to be told, even without a question mark. */
const ASKING =
  /\b(?:wonder(?:ing)?|curious|tell me|like to know|want to know|what about|how about|any idea)\b/i;

/**
 * "Before I pick metrics, ...", "I'm worried about candidate gen - ...", "I want to be careful here:
 * ...": a lead-in about the candidate's own work, not about the case.
 */
const SELF_LEAD =
  /^(?:(?:ok|okay|so|and|but|now|first|before|while|since|because|as)\s+)*(?:i|i'm|im|i'd|i've|i'll|let me|let's)\s[^,:;?!]*?(?:\s[-–—]+|[,:;–—])\s*/i;

/** "Before designing: what's DAU, ...", "Quick scale check: how many...": a short preface. */
const COLON_LEAD = /^[^:?!.]{1,40}:\s+/;

/** Takes a lead-in about the candidate, or a short preface, off a question that stands on its own after it. */
function dropSelfLead(text: string): string {
  for (const lead of [SELF_LEAD, COLON_LEAD]) {
    const rest = text.replace(lead, '');
    // "Serving cost: is there a cap relative to today?": the heading is what the question asks about.
    if (lead === COLON_LEAD && HEADING_SUBJECT.test(text) && SUBJECTLESS.test(rest)) continue;
    // "I'll assume X, is that fair?" asks about X: the check is no question of its own.
    if (rest !== text && QUESTION_START.test(rest) && !BARE_TAG.test(rest)) return rest;
  }
  return text;
}

/** A heading of one to three words naming a thing ("Serving cost:"), not a preface ("Quick q:"). */
const HEADING_SUBJECT =
  /^(?!(?:quick|one|another|a|first|second|also|next|last|before|ok|okay|so|and|question|q|btw|scale check)\b)[a-z][\w-]*(?: [\w-]+){0,2}:\s/i;
/** A question that names no subject of its own: "is there a cap?", "any limit?", "what about it?". */
const SUBJECTLESS = /^(?:is there|are there|any|is it|are they|what about|how about)\b/i;

/** "Also what's the p95?", "Plus the peak QPS.": a sentence that adds an ask to the one before it. */
export const ADDS_AN_ASK = /^\s*(?:and\s+)?(?:also|plus)\b/i;

/** A sentence and how it ends; a full stop only before white space, so "1.2%" stays whole. */
const SENTENCE = /([^?!;\n]+?)(\?+|[!;]+|\.(?=\s|$)|\n|$)/g;

/** A slash typed between two questions: "bad-content rate per surface? / how many reviewers". */
export const ASK_AFTER_SLASH = /\?\s*\/\s+(?=\S)/g;

/**
 * "checkout latency limit / how is today's estimate computed?", "what % get clicked + how many are
 * refunded?": a spaced slash or plus before a question word parts two asks typed on one line.
 */
export const ASK_BEFORE_SLASH =
  /\s+[/+]\s+(?=(?:how|what|what's|whats|which|when|where|who|why|is|are|do|does|did|can|could|will|would|should|any)\b)/gi;

/** A list bullet or number at the start of a line: "- ", "2) ", "3. ". */
const BULLET = /^\s*(?:[-*•]|\(?\d{1,2}[.)])\s+/gm;

/** "1) how many ads 2) how fast": numbered asks typed on one line, each its own question. */
const INLINE_NUMBER = /(?:^|\s)\(?[1-9][.)]\s+/g;
const FIRST_NUMBER = /(?:^|\s)\(?1[.)]\s+/;
const SECOND_NUMBER = /\s\(?2[.)]\s+/;

/** Puts numbered asks typed on one line on lines of their own, when there are at least two. */
export function unfoldNumbers(message: string): string {
  const first = FIRST_NUMBER.exec(message);
  const second = SECOND_NUMBER.exec(message);
  if (!first || !second || second.index < first.index) return message;
  return message.replace(INLINE_NUMBER, '\n');
}

const INTERROGATIVE = String.raw`(?:what|what's|whats|how|why|when|where|which|who|whose|is|are|do|does|did|can|could|should|will|would|must|any)\b`;

/** "are they...", "is it...": a clause that leans on the one before it, not a new question. */
const ANAPHORIC = String.raw`(?!(?:is|are|was|were|do|does|can|will|would|should)\s+(?:it|they|those|these|them|that|this)\b)`;

/** "..., and *roughly* what...": words that sit between the joint and the next question word. */
const BETWEEN =
  '(?:also|roughly|approximately|just|then|separately|secondly|second|lastly|finally|additionally|in general|more broadly|on top of that|similarly)';

/** "..., and what about Y", "... and how many Y", "... plus is there Y": a new question starts. */
const JOINED_QUESTION = new RegExp(
  String.raw`(?:,|\s+[-–—]+)?\s+(?:and|plus|or)\s+(?:${BETWEEN}\s+)?${ANAPHORIC}(?=${INTERROGATIVE})|,\s*(?:${BETWEEN}\s+)?${ANAPHORIC}(?=${INTERROGATIVE})|(?:\s+[-–—]+|;)\s*(?=${SAME_FOR})`,
  'i',
);

/**
 * "X, also Y" and "X and also Y": a new part, question word or not; "X also what's Y", typed without
 * a comma, when a question word follows.
 */
const ALSO = new RegExp(
  String.raw`\s*[,;]\s*(?:and\s+)?also\b\s*|\s+and also\s+|\s+also\s+(?=${INTERROGATIVE})`,
  'i',
);

/**
 * "I want to size the upside before designing", "asking because of calibration", "that would
 * confuse retrieval": why the candidate asks, said beside the question, not a question of its own.
 */
const MOTIVE =
  /^(?:(?:hmm+|ok(?:ay)?|so|and|but|just|because|bc|cause|since|as)\s+)*(?:i|i'm|im|i'd|i'll|i've|my|asking|that(?:'d|'ll| would| will| could| might| changes)|this (?:would|will|could|changes)|it (?:would|could) (?:help|change|matter)|could be|might be|so (?:that )?i|for my)\b/i;

/** A noun that names a figure of the case: "the peak *rate* of requests", "the *caps* on declines". */
export const FIGURE_NOUN = String.raw`(?:numbers?|counts?|rates?|shares?|sizes?|figures?|breakdown|split|volumes?|peak|average|median|p\d\d|qps|latency|budget|caps?|limits?|list|fields|distribution|stats|percentage|deadline|capacity)`;

/** A figure of the case named: "post volume at peak", "trips per day", "daily active devs". */
const NAMES_A_FIGURE = new RegExp(
  String.raw`\b(?:${FIGURE_NOUN}|per (?:second|sec|day|week|month|hour|minute|request|user|session)|daily|weekly|monthly|hourly|headcount|throughput)\b`,
  'i',
);

/**
 * "I'll also need the peak number of requests", "I'd want the label delay too": a request for a
 * figure of the case. Read as asked but told, so it is dropped when it finds nothing beside
 * questions that did.
 */
const REQUEST = new RegExp(
  String.raw`^(?:i|i'll|i'd|ill|id|i will|i would)\s+(?:also\s+|then\s+|still\s+)?(?:need|want|like)\s+(?:to (?:know|see|get|have)\s+)?(?:the|a|an|some|our|your)\s+(?:[\w-]+\s+){0,3}?${FIGURE_NOUN}\s+(?:of|per|for|by|across|in|on)\s+\w(?!.*\b(?:to be|to do|to use)\b)`,
  'i',
);

/**
 * "I suspect calibration matters here, right?", "the data is confounded, right?": the candidate's
 * own view with a tag asking for agreement. Read as told: dropped when it finds no fact of its own
 * beside questions that did.
 */
const OWN_VIEW =
  /^(?!(?:what|what's|whats|how|why|when|where|which|who|is|are|do|does|did|can|could|should|will|would)\b)[^?]*\s\w+[^?]*,\s*(?:right|correct|yeah|yes|no|isn't it|aren't they|wouldn't it|don't you think)\??$/i;

/**
 * "could I embed every frame?", "how heavy a model I can afford": a question about the candidate's
 * own plan, read as told in the same way (it still asks when it finds a fact: "can I use location?").
 */
const OWN_PLAN =
  /^(?:(?:so|then)\s+)?(?:could|can|should|shall|may|might|would|do|am)\s+i\b|^(?:how|what|which)\b[^?,]*\bi (?:can|could|should|need|will|would|want)\b/i;

const WISH_TO_KNOW =
  /^(?:(?:so|and|but|um+|uh+|ok|okay|hmm+)[\s,]+)*(?:(?:i|just|i just|i'd just|i'd|i would|i'm|im)\s+)?(?:want|wanted|need|needed|like|trying) to (?:know|see|check|understand|gauge|figure out)\b/i;

/** "how much imagery *are we talking about*": how the question is framed, nothing it asks about. */
const TRAILING_FRAME =
  /\s+(?:are we|we're|we are|am i|i'm|i am)\s+(?:talking(?: about)?|looking at|dealing with|working with)(?=[\s?.!]*$)/i;

/** "could be a negative label": a modal statement, not "could we...?". */
const MODAL_BE = /^(?:could|might|would|may|should|must) be\b/i;

/** "...? i'd guess revenue?", "...? maybe 100 ms?": the candidate's own guess at the answer. */
const GUESS =
  /^(?:i(?:'d| would)? guess|i(?:'d| would)? assume|i suppose|i(?:'d| would)? expect|maybe|probably|presumably)\b/i;

/** "like ...", "as in ...", "especially ...": the question before, said again or narrowed. */
const ELABORATION =
  /^(?:like|as in|i mean|e\.?g\.?|i\.?e\.?|especially|specifically|in (?:number|terms) of|or rather)\b/i;

/**
 * "...? ballpark is fine", "...? graph size matters for my candidate gen", "...? cross-lingual
 * matching, ugh": typed after a question without closing punctuation, a clause with a verb or the
 * candidate's own voice is a remark. A bare noun phrase ("...? and the peak qps") still asks.
 */
const REMARK =
  /\b(?:i|i'm|im|i'd|id|i'll|i've|my|me|mine|we'd|we'll|is|are|was|were|matters?|seems?|sets?|helps?|would|could|might|will|need|needs|wants?|has|have|had|means?|makes?|feels?|thanks|thx|sorry|ugh|lol|haha)\b|\w's\b|\bthats?\b|^(?:just )?(?:to|for|thinking|wondering|asking|curious)\b/i;

/** "might need rotated boxes", "could skip those": a modal with no subject states, it does not ask. */
const SUBJECTLESS_MODAL =
  /^(?:could|might|would|should|will|may|must|can)\s+(?!(?:we|you|i|they|it|there|he|she|the|this|that|these|those|our|your|their|a|an|someone|anyone|people|users?|one)\b)[a-z]/i;

/**
 * "Daily orders, and how many estimates per second...?": a bare noun phrase joined to a question by
 * "and" or "plus" asks about that subject on its own. Joined by a comma alone, or opening with a
 * preposition ("Besides approve or decline, what else..."), it is the next question's lead.
 */
function isTopicAsked(text: string, joint: string | undefined): boolean {
  if (joint === undefined) return false;
  // A dash or semicolon alone joins only before "same for Y": the clause before it is the question.
  if (/^\s*(?:[-–—]+|;)\s*$/.test(joint)) return true;
  return /\b(?:and|plus)\b/i.test(joint) && isBareTopic(text);
}

/** "..., and peak QPS?": a question, then a bare subject joined by "and" or "plus". */
const TRAILING_TOPIC = /^(.*\S),\s*(?:and|plus)\s+(?:also\s+)?([^,;:]+)$/i;

/** A short noun phrase with no verb, question word or lead: "daily orders", "the number of GPUs". */
export function isBareTopic(typed: string): boolean {
  // "Existing image model use": "use" after a noun, ending the phrase, is the noun.
  const text = typed.replace(/(?<=\w\s)use(?=[?.!\s]*$)/i, 'usage');
  const words = text
    .replace(/[?.!]+$/, '')
    .trim()
    .split(/\s+/);
  return (
    words.length <= TOPIC_WORDS &&
    !TOPIC_LEAD.test(text) &&
    !NOT_A_TOPIC.test(text) &&
    !/[:;]/.test(text) &&
    !new RegExp(`\\b${INTERROGATIVE}`, 'i').test(text) &&
    !/\b(?:is|are|was|were|be|do|does|did|has|have|had|can|could|will|would|should|must|i|i'll|i'd|i'm|we|we'll|we'd|you|they|it|it's|that's|keep|use|go|make|get|think|want|need|like|see|try|take|put|start|build|train|say|know|guess|assume|matters?|seems?|looks?|sounds?|feels?|works?|not|no|\w+n't)\b/i.test(
      text,
    ) &&
    !/\b(?:first|then|next|later|now|too|again)\s*$/i.test(text)
  );
}

/** "..., and so on", "..., and thanks": what ends a sentence without naming anything asked. */
const NOT_A_TOPIC =
  /^(?:otherwise|maybe|probably|perhaps|also|just|anyway|ok|okay|so on|so forth|stuff|things|the like|the rest|etc|more|everything|anything|such|whatnot|all that|thanks?|thx|cheers|please|roughly|approximately|overall|in general|generally|why|not|vice versa)\b/i;

/** Most words a subject asked about by name may have ("median time to acceptance"). */
const TOPIC_WORDS = 8;

/** Opens a lead rather than a subject: a preposition, a subordinator, or the candidate speaking. */
const TOPIC_LEAD =
  /^(?:besides|beyond|apart|aside|other than|except|for|on|in|at|about|regarding|with|given|since|as|if|when|while|after|before|because|so|then|to|from|by|i|i'm|im|i'd|we|we're|let's|ok|okay|right)\b/i;

/** "hosted or self-host, what are the options": a question after a comma. */
const ASKED_AFTER_COMMA =
  /[,;:—–]\s*(?:(?:so|and|but|like)\s+)?(?:what|how|who|when|where)(?:'s|'re| (?:is|are|was|were|do|does|did|can|could|would|will|should|many|much|long|often|big|fast|soon))\b/i;

/**
 * "any signal at all goes straight to the safety queue", "any answer citing a restricted doc should
 * be zero": "any" opening a subject with its verb is the candidate's rule, not "any limits?".
 */
const ANY_AS_SUBJECT =
  /^any\s+(?:(?!(?:we|you|they|i|that|which|who|there)\b)[\w'-]+\s+){1,5}(?:goes|go|gets|is|should|must|will|triggers?|counts?|means|becomes|has to|stays?|ends up)\b/i;

function looksAsked(raw: string, stripped: string): boolean {
  if (ANY_AS_SUBJECT.test(stripped)) return false;
  return QUESTION_START.test(stripped) || ASKING.test(raw) || ASKED_AFTER_COMMA.test(raw);
}

/**
 * Splits a message into its questions: sentences, list lines, and clauses joined by "and what...",
 * ", also ...". A clause that is not a question ("Besides X, what ...") stays with the one after it.
 */
export function splitMessage(message: string): MessagePart[] {
  const parts: MessagePart[] = [];
  // "rate per surface? / how many decisions a day": a slash after a question parts two asks.
  const lines = unfoldNumbers(joinConfirmTag(message))
    .replace(BULLET, '')
    .replace(ASK_AFTER_SLASH, '?\n')
    .replace(ASK_BEFORE_SLASH, '?\n');
  const sentences = [...lines.matchAll(SENTENCE)];
  for (const [at, [, sentence = '', end = '']] of sentences.entries()) {
    // "Cost cap per question. Also what's the p95?": the next sentence adds to this one.
    const addedTo = ADDS_AN_ASK.test(sentences[at + 1]?.[1] ?? '');
    // "Post volume at peak. How fast...?": a figure named just before a question is asked with it.
    const beforeQuestion = (sentences[at + 1]?.[2] ?? '').startsWith('?');
    // Only a sentence closed by "." or "!" can be a statement; one closed by "?", or a list line, is asked.
    const statement = /^[.!]/.test(end);
    const first = parts.length;
    sentence.split(ALSO).forEach((piece, pieceIndex) => {
      // What follows "also" is a question of its own, worded as one or not: "..., also the latency".
      const asked = pieceIndex > 0 || !statement;
      let carried = '';
      const start = parts.length;
      const clauses = piece.split(JOINED_QUESTION);
      const joints = [...piece.matchAll(new RegExp(JOINED_QUESTION, 'gi'))].map((joint) => joint[0]);
      // "How many people use it daily, and peak QPS?": a bare subject after a question asks on its own.
      const trailing = TRAILING_TOPIC.exec(clauses.at(-1) ?? '');
      if (
        trailing?.[1] &&
        trailing[2] &&
        QUESTION_START.test(stripFiller(trailing[1])) &&
        isBareTopic(trailing[2])
      ) {
        clauses.splice(-1, 1, trailing[1], trailing[2]);
        joints.push(', and ');
      }
      clauses.forEach((clause, index) => {
        const raw = carried ? `${carried}, ${clause}` : clause;
        const text = dropSelfLead(stripFiller(raw))
          .replace(TRAILING_FRAME, '')
          .replace(/[\s,;:]+$/, '');
        const last = index === clauses.length - 1;
        const askedAlone = !carried && isTopicAsked(text, joints[index]);
        if (!looksAsked(clause, stripFiller(clause)) && !last && !QUESTION_START.test(text) && !askedAlone) {
          carried = raw;
          return;
        }
        carried = '';
        if (!text) return;
        // Only after a question: a message that opens "I'll go with X, but is Y..." asks Y.
        const afterQuestion = parts.some((part) => part.asked);
        // "...? like out of all the ones we decline, how many are fraud": the question said again.
        const previous = parts.at(-1);
        if (afterQuestion && previous?.asked && ELABORATION.test(text)) {
          previous.text = `${previous.text} ${text}`;
          return;
        }
        const unclosed = end === '' && pieceIndex === 0 && last;
        // "I'll also need the peak QPS.": asks for a figure, though worded as what the candidate needs.
        const request = REQUEST.test(text);
        const motive =
          afterQuestion &&
          !request &&
          (GUESS.test(text) ||
            (!end.startsWith('?') && (!looksAsked(raw, text) || MODAL_BE.test(text)) && MOTIVE.test(text)) ||
            (unclosed && (!looksAsked(raw, text) || SUBJECTLESS_MODAL.test(text)) && REMARK.test(text)));
        const part: MessagePart = { text, asked: request || (!motive && (asked || looksAsked(raw, text))) };
        // "...? just want to know if I need sampling": why they ask, worded as a wish to know.
        const wish = afterQuestion && !end.startsWith('?') && WISH_TO_KNOW.test(raw.trim());
        if (motive || request || wish || OWN_VIEW.test(text) || OWN_PLAN.test(text)) part.told = true;
        if (parts.length > start) part.joined = true;
        // "What is the dress code." is still a question; "I'd like to know the raw material." may not be.
        if (statement && pieceIndex === 0 && !QUESTION_START.test(text)) {
          part.told = true;
          // A bare subject typed tersely asks: after a question ("Average QPS? Then, the comment
          // rate."), or before an "also" ("Cost cap per question. Also what's the p95?"). Opening a
          // message otherwise, it names the area of the question after it ("Right, serving
          // constraints. How long...?") unless it names a figure ("Trips per day. And how many
          // quotes?"); "ok so prefetching..." trails off.
          const terse = afterQuestion || addedTo || (beforeQuestion && NAMES_A_FIGURE.test(text));
          if (!motive && terse && !/\.\.$|…$/.test(sentence) && isBareTopic(text)) part.asked = true;
          // "...per day. Also the time budget for a list page.": "also" adds an ask, as within a sentence.
          if (!motive && afterQuestion && ADDS_AN_ASK.test(sentence)) part.asked = true;
        }
        parts.push(part);
      });
    });
    const closing = parts.at(-1);
    if (end.startsWith('?') && closing && parts.length > first) closing.text += '?';
  }
  return parts;
}

/** Fewest items, and most words an item may have, for a question to be read as a list of asks. */
const LIST_ITEMS = 3;
const LIST_ITEM_WORDS = 6;

/**
 * "QPS peak, p99 budget for the ML part?": two subjects of two words or more parted by one comma,
 * with no "and" or "or" ("customer disputes only, or other sources?" weighs two options of one ask).
 */
function twoAsks(text: string, items: readonly string[]): boolean {
  return (
    items.length === 2 &&
    (text.match(/,/g) ?? []).length === 1 &&
    !/\b(?:and|or|vs|versus)\b/i.test(text) &&
    items.every((item) => item.split(/\s+/).length >= 2) &&
    // "the worst case, crowded downtown scenes": a subject with a determiner, then what it is.
    !/^(?:the|a|an|our|this|that|its|their)\b/i.test(items[0] ?? '')
  );
}

/**
 * The items of a list of short noun phrases ("volume, fraud rate and latency"), or null. The
 * lookup answers them one by one only when each finds its own fact.
 */
export function listItems(text: string): string[] | null {
  const commas = text.replace(/[?.!]+$/, '').split(/\s*,\s*/);
  const last = commas.at(-1) ?? '';
  const items = [...commas.slice(0, -1), ...last.split(/\s+and\s+(?!.*\s+and\s+)/i)]
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length < LIST_ITEMS && !twoAsks(text, items)) return null;
  if (items.some((item) => item.split(/\s+/).length > LIST_ITEM_WORDS)) return null;
  // "On the UX side, what's the TTFT and the total latency": a question with a lead, not a list.
  if (items.some((item) => /\b(?:what|what's|whats|how|which|who|when|where|why)\b/i.test(item))) return null;
  if (
    /^(?:on|for|in|at|about|regarding|with|from|to|as|so|and|but|ok|okay|right|sure)\b/i.test(items[0] ?? '')
  )
    return null;
  return items;
}
