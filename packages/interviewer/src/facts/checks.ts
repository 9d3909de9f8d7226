/**
 * The candidate's own assumption put up for a check ("I'll assume 20k orders a day. Sound
 * reasonable?", "so maybe 20 billion auctions a day, is that the right ballpark?"): what opens an
 * assumption, the checks that close one, and joining a check typed as its own sentence to the
 * assumption before it.
 */
import { stripFiller } from './filler.ts';

/**
 * An assumption put up for confirmation: about the case it asks ("I'll assume a 200ms budget, is
 * that right?"), about a method it proposes ("I'm guessing we'd need a reranker?").
 */
const SUPPOSE = String.raw`(?:assume|i'?ll (?:just )?assume|i'?m assuming|i assume|let'?s assume|assuming|i'?d assume|i'?m guessing|my guess is|let'?s say|i'?d say|i would (?:say|assume)|i'?m going to assume|i will assume|we can assume)\b(?: that)?`;
export const SUPPOSING = new RegExp(`^${SUPPOSE}`, 'i');
/** The same after a lead: "Latency: the auction has its own budget, so let's say 30ms". */
export const SUPPOSED_IN = new RegExp(String.raw`(?:^|[,;:–—-]\s*|\b(?:so|and|but|then) )${SUPPOSE}`, 'i');

/**
 * A bare check typed as its own sentence after an assumption: "I'll assume 20k orders a day. Sound
 * reasonable?", "Let's say 30 days of data. OK?". It asks about the sentence before it, so it is
 * read as that sentence's tag ("..., sound reasonable?"), not as a question or a request of its own.
 */
const CONFIRM_TAG = `(?:${[
  '(?:(?:does|would|will|is) (?:that|this|it) )?(?:sound|seem|look)s? (?:ok|okay|fine|good|reasonable|right|sensible|fair|realistic|plausible|about right)',
  '(?:(?:does|would|will) (?:that|this|it) )?(?:work|make sense|fly|hold)s?(?: for you)?',
  // "It is correct?", "This is correct approach?": the check as a non-native speaker often words it.
  "(?:is |would )?(?:that|this|it)(?:'s| be| is)? (?:an? |the )?(?:ok|okay|fine|fair|reasonable|right|correct|true|sensible|realistic|plausible|alright|all right|acceptable|good|valid)(?: (?:approach|way|idea|answer|direction|thinking))?(?: (?:with|for|to) you)?",
  '(?:ok|okay|fine|fair|right|correct|reasonable|sensible|agreed|alright|fair enough|plausible|realistic|valid)',
  // "Is ok?": the non-native check without its subject.
  'is (?:ok|okay|fine|good|correct|right)',
  '(?:would |do )?you agree',
  '(?:are you )?(?:ok|okay|good|fine) with (?:that|this)',
  '(?:can|could) (?:we|i) (?:work|live|go) with (?:that|this)',
  'is (?:that|this|it) (?:the |a )?(?:right|correct|reasonable|good) (?:ballpark|range|order of magnitude|number|estimate|figure)',
  'is (?:that|this|it) (?:close|near|in line|(?:roughly|about|more or less|approximately) right|in the right (?:range|ballpark))(?: (?:to|with) (?:your|the) (?:numbers?|figures?|data))?',
  String.raw`is (?:that|this|it) (?:ok|okay|fine|reasonable|right) (?:as|for) (?:the |a )?[\w -]{1,20}`,
].join('|')})(?: (?:to|for|with) you)?`;
const CONFIRM_TAG_SENTENCE = new RegExp(
  String.raw`(?<=[\p{L}\p{N}%)'"])\s*[.!]+\s+(${CONFIRM_TAG})\s*\?+(?=\s|$)`,
  'giu',
);
/** A check closing a statement: "..., is that fair?", "..., ok?". */
export const CONFIRM_TAG_END = new RegExp(String.raw`[,;]\s*${CONFIRM_TAG}\s*\?+\s*$`, 'i');
/** Only a check: "is that fair?", "sound reasonable?". */
export const BARE_TAG = new RegExp(String.raw`^${CONFIRM_TAG}\s*\?*$`, 'i');

/** A figure of scale or budget: "20 billion auctions a day", "about 20ms", "5k TPS". */
const SCALE_FIGURE =
  /\d[\d,.]*\s*(?:k|m|b|bn|million|billion|thousand|ms|milliseconds?|qps|tps|rps)\b|\b\d[\d,.]*\s*[\w-]+(?: [\w-]+)? (?:a|per|each) (?:day|second|sec|hour|month|week|minute)\b/i;
/** Said as a guess: "maybe 20 billion", "I'd give the model about 20ms", "treat this as roughly 100M". */
const HEDGED_FIGURE =
  /\b(?:maybe|roughly|about|around|approximately|ballpark|i'?d give|i'?d put|i'?d guess|i'?m going to treat|treat (?:this|it) as)\b|~\s*\d/i;

/**
 * A guessed figure of the case put up for a check: "so I'd give the click model about 20ms, can we
 * work with that?", "maybe 20 billion auctions a day, does that sound right?". It asks for the
 * case's figure, whatever design words come with it.
 */
export function putsUpFigure(sentence: string): boolean {
  const check = CONFIRM_TAG_END.exec(sentence);
  if (!check) return false;
  const statement = sentence.slice(0, check.index);
  return HEDGED_FIGURE.test(statement) && SCALE_FIGURE.test(statement);
}

/**
 * Joins a bare check to the assumption before it: "I'll assume X. Sound reasonable?" reads "I'll
 * assume X, sound reasonable?". After a design statement the check stays a check-in on the answer
 * ("We join clicks to impressions. Does that make sense?").
 */
export function joinConfirmTag(message: string): string {
  return message.replace(CONFIRM_TAG_SENTENCE, (check: string, tag: string, at: number) => {
    const statement =
      message
        .slice(0, at)
        .split(/(?<=[.!?])\s+|\n/)
        .at(-1) ?? '';
    const plain = stripFiller(statement);
    const assumes = SUPPOSED_IN.test(plain) || (HEDGED_FIGURE.test(plain) && SCALE_FIGURE.test(plain));
    return assumes ? `, ${tag.toLowerCase()}?` : check;
  });
}
