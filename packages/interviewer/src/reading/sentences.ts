/**
 * Cutting a candidate message into sentences, clauses and question parts, and peeling off the
 * filler that opens spoken and typed messages alike ("um ok so", "sorry, quick one -").
 */
import { UNFINISHED_CLAUSE_END } from '@mlsd/rubric';
import { joinConfirmTag } from '../facts/checks.ts';
import { ASK_AFTER_SLASH, ASK_BEFORE_SLASH } from '../facts/split.ts';

/**
 * Curly quotes to straight ones, runs of spaces to one; line breaks stay (they end sentences). A bare
 * check after a statement joins it ("X. OK?" reads "X, ok?").
 */
export function normalize(text: string): string {
  return joinConfirmTag(
    text
      .normalize('NFKC')
      .replace(/[‘’`´]/g, "'")
      .replace(/[“”]/g, '"')
      .replace(/[ \t\f\v\u00a0]+/g, ' ')
      .replace(QUOTED_ASK, '$1$2$1')
      .trim(),
  );
}

/**
 * A short quoted question or exclamation inside a sentence ("the answers to the 'was this you?'
 * texts"): its mark is the quote's, not the candidate's, and neither ends the sentence nor asks.
 */
const QUOTED_ASK = /(?<!\p{L})(['"])([^'"\n]{2,60}?)[?!]+\1(?!\p{L})/gu;

const BULLET = /^\s*(?:[-*•]|\d{1,2}[.)])\s+/;

/**
 * Where a spoken run-on without punctuation starts a new request or question: "i'm done end it",
 * "i'd use a gbdt what's the latency budget". Not after words that embed a question ("know how
 * many", "ask what's") or continue one.
 */
const RUN_ON_BREAK =
  /(?<=\p{L})(?<!\b(?:know|ask|asking|wonder|wondering|tell|see|about|of|on|in|if|whether|and|or|to|what|how|that|which|is|are|do|does|did|can|could|we|i|you|they|it|the|a|an|not|sure|idea|clue)) +(?=(?:can|could|shall) we\b|let'?s\b|let us\b|i (?:need|have|want|gotta) to\b|i'?m (?:done|finished|stuck|lost)\b|end it\b|what(?:'s| is) the\b|what about\b)/iu;

/**
 * Sentences, one per line of a list and one per `.`, `!` or `?` followed by a space. A message that
 * uses no "?" may be spoken: its run-ons are cut where a request or question starts.
 */
/**
 * Where a sentence ends: after ".", "!" or "?", but not after a trailing-off whose clause is not
 * finished ("the label would be... whether they pressed tab?" is one sentence).
 */
const SENTENCE_END = new RegExp(String.raw`(?<=[.!?])(?<!${UNFINISHED_CLAUSE_END}\.{2,})\s+`, 'i');

export function splitSentences(text: string, spoken = false): string[] {
  const sentences = text
    .replace(ASK_AFTER_SLASH, '?\n')
    .replace(ASK_BEFORE_SLASH, '?\n')
    .split(/\n+/)
    .map((line) => line.replace(BULLET, ''))
    .flatMap((line) => line.split(SENTENCE_END));
  return (spoken ? sentences.flatMap((sentence) => sentence.split(RUN_ON_BREAK)) : sentences)
    .map((sentence) => sentence.trim())
    .filter((sentence) => /[\p{L}\p{N}]/u.test(sentence));
}

/** Words that carry no content on their own: a message of only these says nothing yet. */
export const FILLER_WORDS = new Set(
  'ok okay k kk hmm hm hmmm mm mmm mhm uh um umm er erm ah oh yes yeah yep yup no nope nah sure right cool alright fine great nice good thanks thank you ty thx got it i see understood interesting wow hi hello hey so well and lol haha perfect sounds makes sense'.split(
    ' ',
  ),
);

/**
 * Openings that carry no content: acknowledgements, apologies and prefaces such as "quick
 * question:". Stripped repeatedly, so "um ok. so, sorry - " all goes.
 */
const LEADING_FILLER = new RegExp(
  String.raw`^(?:(?:${[
    'u+m+',
    'u+h+',
    'e+r+m*',
    'h+m+',
    'm+h?m+',
    'ok(?:ay)?',
    'so',
    'and',
    'but',
    'also',
    'plus',
    'right',
    'alright',
    'all right',
    'well',
    'oh',
    'ah',
    'wait',
    'yes',
    'yeah',
    'sure',
    'cool',
    'great',
    'nice',
    'perfect',
    'interesting',
    'got it',
    'i see',
    'understood',
    'makes sense',
    'thanks',
    'thank you',
    'honestly',
    'tbh',
    'basically',
    'actually',
    'sorry(?: if i missed (?:it|that)| to (?:interrupt|bother you))?',
    'excuse me',
    "i hope (?:it'?s|this is|that'?s|it is) (?:ok|okay|fine|alright)(?: (?:to ask|if i ask|with you))?",
    "if (?:you don'?t|u dont) mind(?: me asking)?",
    '(?:can|may|could) i ask(?: you)?(?: (?:something|a question|a quick question|one thing))?(?=\\s*[,:–—-])',
    'hi',
    'hello',
    'hey(?: there)?',
    'btw',
    'by the way',
    'anyway',
    'ugh',
    'lol',
    'haha',
    'i mean',
    'fair enough',
    'good (?:point|question)',
    "(?:i was wondering|i'?m wondering|i wonder)(?=\\s*(?:[,:–—-]|$))",
    'quick q',
    'roughly',
    'approximately',
    'ballpark',
    'like(?=\\s+(?:how|what|which|who|where|when|why|do|does|is|are|can)\\b)',
    '(?:the |my )?next question(?=\\s*[:–—-])',
    'one more thing',
    'one more',
    'quick one',
    'another (?:quick )?(?:one|question)',
    '(?:a |one )?(?:quick )?(?:clarifying |follow-? ?up )?question',
    '(?:a |one )?(?:quick )?[a-z]+ question(?=\\s*[,:–—-])',
    '(?:a few|a couple of|two|three|some) (?:quick )?(?:clarifying )?(?:questions|things)',
    'to clarify',
    '(?:just )?to (?:confirm|check)',
    'just',
    'before i (?:jump in|start|begin|continue|go on|design anything)',
    'before designing anything',
    'first',
    'then',
    // "hmm what else, I guess the posts have images too": thinking aloud before the answer.
    'what else(?=\\s*[,.…:–—-]+\\s*\\S)',
  ].join('|')})\b[\s,.:;!–—-]*)+(?:but\s+)?`,
  'i',
);

/** Politeness that closes a sentence: "..., thanks", "... please", "..., sorry". A closing "?" stays. */
const TRAILING_FILLER =
  /[\s,;.!–—-]*\b(?:please|pls|plz|thanks|thank you|thx|ty|cheers|sorry|lol|haha)(?:\s+(?:please|pls|thanks|thank you|so much|a lot|again|in advance|for (?:your time|having me|that|this|everything|the (?:practice|session|interview|chat|time|help))))*[\s.!?]*$|[\s,;–—-]+if (?:that'?s|it'?s|this is) (?:ok|okay|alright|fine)(?: with you)?[\s.!?]*$/i;

/** The sentence without its filler opening and its closing politeness. */
export function stripFiller(sentence: string): string {
  return sentence
    .replace(LEADING_FILLER, '')
    .replace(TRAILING_FILLER, (closing) => (closing.includes('?') ? '?' : ''))
    .trim();
}

/** Only filler words and punctuation. */
export function isFiller(text: string): boolean {
  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  return words.every((word) => FILLER_WORDS.has(word));
}

export const wordCount = (text: string) => (text.match(/[\p{L}\p{N}][\p{L}\p{N}'/@.-]*/gu) ?? []).length;

/** Clauses for request patterns: "I'm done, end it" is two. */
export function splitClauses(sentence: string): string[] {
  return sentence
    .split(/\s*[,;:]\s+|\s+[–—-]\s+|\s+(?:and|but|so)\s+/i)
    .map((clause) => stripFiller(clause.replace(/[.!?]+$/, '')))
    .filter((clause) => clause.length > 0);
}

const INTERROGATIVE = `(?:what|what's|whats|how|is|are|do|does|did|can|could|should|will|would|when|where|which|who|whose)`;

/**
 * Where a question sentence holds several questions: before a new interrogative after "and" or a
 * comma ("..., and roughly how big is it?"), or after a preface ending in ":" or " - ". A bare
 * comma before "which", "who", "where" or "when" opens a relative clause, not a question.
 */
const PART_BREAK = new RegExp(
  String.raw`[?;]+\s*|,?\s+(?:and|also|plus)\s+(?=(?:at|in|on|for|by|with|from|over|under) (?:what|which|whose|how)\b)|,?\s*\(\d{1,2}\)\s+|(?:,?\s+(?:and|also|plus|but)|:|\s[–—-])\s+(?:(?:also|then|roughly|approximately|if so,?|just)\s+)?(?=${INTERROGATIVE}\b)|,\s+(?:(?:also|then|roughly|approximately|just)\s+)?(?=${INTERROGATIVE}\b(?<!\b(?:which|who|whose|where|when)))`,
  'i',
);

/** The question parts of a question sentence, filler and politeness removed. */
export function splitParts(sentence: string): string[] {
  return sentence
    .split(PART_BREAK)
    .map((part) =>
      stripFiller(part)
        .replace(/[\s,]*\b(?:please|pls|thanks|thank you)\b[\s.!?]*$/i, '')
        .replace(/[\s.?!,;:]+$/, ''),
    )
    .filter((part) => part.length > 0 && !isFiller(part));
}

/** Quoted spans (not apostrophes inside words): what the candidate mentions, not what they say. */
const QUOTED = /(?<![a-z])'[^']{3,}'(?![a-z])|"[^"]{3,}"|“[^”]{3,}”/gi;

/** The text with its quoted spans left out ("It must be allowed to say "I don't know"" -> "It must be allowed to say"). */
export const withoutQuotes = (text: string): string => text.replace(QUOTED, ' ');
