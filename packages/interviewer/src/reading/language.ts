/**
 * Whether a message can be read at all: not empty, not keyboard mash, and in English. The
 * offline interviewer only understands English; it asks for a rephrase rather than guess.
 */
import { ENGLISH_WORDS, languageCounts } from '@mlsd/scoring';
import { FILLER_WORDS } from './sentences.ts';

export type Unreadable = 'empty' | 'filler' | 'gibberish' | 'not-english';

/** Short words and acronyms without vowels that are still words: "vs", "lr", "gbdt", "tbh". */
const NO_VOWEL_WORDS = new Set(
  'vs nxt lr ml nlp ctr cvr qps rps tps mrr ndcg gbdt llm sql knn hnsw sgd dnn cnn rnn pdf html url cdn rtt sms ltv pct ppl b2b tbh pls thx brb mhm hmm hm mm mmm ty np kk k ok nth xgb dcg crm cms ssd hdd rss tts'.split(
    ' ',
  ),
);

/** Runs along a keyboard row: typed by sliding a hand, not by spelling a word. */
const KEYBOARD_RUN =
  /asd|sdf|dfg|fgh|ghj|hjk|jkl|qwe|wer(?:t|ty)|tyu|yui|uio|iop|zxc|xcv|cvb|vbn|bnm|lkj|kjh|jhg|hgf|gfd|fds|dsa|oiu|mnb|nbv|bvc|vcx|cxz/i;

/** A token nobody would type as a word: keyboard runs, no vowels, long consonant runs, stutters. */
function isMash(word: string): boolean {
  const lower = word.toLowerCase();
  if (NO_VOWEL_WORDS.has(lower) || ENGLISH_WORDS.has(lower)) return false;
  if (/[A-Z]{2,}/.test(word) && word.length <= 6) return false; // an acronym: "GBDT", "HNSW"
  if (KEYBOARD_RUN.test(lower)) return true;
  // "q" without its "u" is not English spelling: "qwpeoiru".
  if (/q(?!u|$)/.test(lower)) return true;
  if (!/[aeiouy]/.test(lower)) return true;
  if (/[^aeiouy]{6,}/.test(lower)) return true;
  return /(.)\1\1/.test(lower) || /(..)\1\1/.test(lower);
}

/** Why the message cannot be read, or null when it can. */
const REACTION =
  /^\s*(?:x+d+|:-?[)(dpo3]|;-?\)|<3|lol+|lmao|rofl|haha+|hehe+|\^_\^|o_o)(?:\s+(?:x+d+|lol+|haha+))*\s*[.!]*\s*$/i;
/** A pause asked for, and nothing else: "sorry, one sec", "let me think for a moment", "hold on". */
const PAUSE =
  /^\W*(?:(?:sorry|ok(?:ay)?|hmm+|um+|uh+|so|wait|right|yeah|hold on|hang on)\b[\s,.!-]*)*(?:(?:(?:give me|just|need|i need|wait|hang on|hold on)\s+)?(?:a|one|1)\s+(?:sec(?:ond)?|moment|minute|min|mo|tick)|let me (?:think|take a (?:sec(?:ond)?|moment|minute))(?:\s+(?:for\s+)?(?:a|one)\s+(?:sec(?:ond)?|moment|minute|bit))?|(?:hold|hang) on|brb|thinking)(?:\s*(?:please|pls))?[\s.!…]*$/i;
const YES = new Set(['yes', 'yeah', 'yep', 'sure']);
const NO = new Set(['no', 'nope', 'nah']);
const MAYBE = new Set(['maybe', 'perhaps', 'possibly']);
const FUNCTION_WORDS = new Set(
  'the a an and or so ok okay um uh of to in on is it that this be we i you then well like'.split(' '),
);
/** Most words of a message cut off on a small word ("and then wiki the."). */
const CUT_OFF_WORDS = 5;
const CUT_OFF_END = /\b(?:the|a|an|and|or|of|to|with|for|from|by)\W*$/i;
/** The same short function word twice in a row: "the the", "a a", "so so". */
const STUTTER = /\b(the|a|an|and|or|of|to|so|is|it|we|i)\s+\1\b/i;

const PLACEHOLDER =
  /^\s*(?:lorem ipsum\b.*|(?:todo|tbd|tba|placeholder|asdf|test(?:ing)?)(?:\s+(?:todo|tbd|test(?:ing)?|\d+))*|\[[^\]]{0,40}\]|(?:la|na|blah|bla)(?:\s+(?:la|na|blah|bla))+)\s*[.!]*\s*$/i;

export function unreadable(text: string): Unreadable | null {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return 'empty';
  const latin = text.match(/\p{Script=Latin}/gu) ?? [];
  if (latin.length < letters.length * 0.7) return 'not-english';

  const words = text.match(/[\p{L}'][\p{L}']*/gu) ?? [];
  if (words.every((word) => FILLER_WORDS.has(word.toLowerCase()) || word.length === 1)) return 'filler';
  // "xD", "lol", ":)": a reaction, not an answer. "Sorry, one sec", "let me think": a pause asked for.
  if (REACTION.test(text) || PAUSE.test(text)) return 'filler';
  // "yes no maybe": every answer at once is none of them.
  const lower = words.map((word) => word.toLowerCase());
  if (
    lower.some((word) => YES.has(word)) &&
    lower.some((word) => NO.has(word)) &&
    lower.every((word) => YES.has(word) || NO.has(word) || MAYBE.has(word) || FILLER_WORDS.has(word))
  )
    return 'filler';
  // "the the model the", "ok so the the the": a small word stuttered, with next to nothing said.
  if (STUTTER.test(text) && words.filter((word) => !FUNCTION_WORDS.has(word.toLowerCase())).length <= 2)
    return 'gibberish';
  // "and then wiki the.", "minutes bike the and": a few words cut off on a small word, as a slip of
  // the keyboard or a dictation that stopped, with no sentence to read.
  if (words.length <= CUT_OFF_WORDS && !text.includes('?') && CUT_OFF_END.test(text.trim()))
    return 'gibberish';
  // The same word or two over and over ("blah blah blah...", pasted filler) says nothing.
  if (
    words.length >= 8 &&
    new Set(words.map((word) => word.toLowerCase())).size <= Math.max(2, words.length / 8)
  )
    return 'gibberish';
  // Placeholder text left in the box: "lorem ipsum", "TODO", "[insert answer here]", "test test 123".
  if (PLACEHOLDER.test(text)) return 'gibberish';

  const { english, foreign } = languageCounts(words);
  if (/[¿¡]/.test(text) && english === 0) return 'not-english';
  if (foreign >= 2 && foreign > english) return 'not-english';
  if (foreign >= 1 && english === 0 && words.length <= 3) return 'not-english';

  // Gibberish when at least half the longer words are mash: stop counting once that cannot be.
  const alphabetic = words.filter((word) => word.replace(/'/g, '').length >= 3);
  let readable = 0;
  for (const word of alphabetic) {
    if (!isMash(word) && ++readable * 2 > alphabetic.length) return null;
  }
  return alphabetic.length > 0 ? 'gibberish' : null;
}
