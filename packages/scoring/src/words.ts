import { tokenize } from '@mlsd/rubric/text';
import { PART_STOPS } from './lexicon.ts';

/**
 * Words of candidate and rubric text, from the shared normaliser (`@mlsd/rubric` text.ts), and the
 * clauses a unit of candidate text falls into: negation and contrast are read within a clause.
 */

/** A word of a segment with the clause it sits in, for reading negation and contrast in scope. */
export interface Token {
  lemma: string;
  stop: boolean;
  /** Index of the clause within the segment (cut at punctuation and at "but", "because", "if"...). */
  clause: number;
}

/** A word as the shared normaliser gives it, with hyphenated words split ("cross-encoder"). */
export interface Word {
  lemma: string;
  stop: boolean;
}

/**
 * Lemmas of `text` via @mlsd/rubric's `tokenize`. wink keeps some hyphenated words whole
 * ("cross-encoder") and splits others ("two-tower"); splitting them all makes "cross encoder"
 * and "cross-encoder" the same words on both the rubric side and the candidate side.
 */
export function words(text: string): Word[] {
  const out: Word[] = [];
  // No stems: nothing here reads them, and the stemmer is the dearest part of tokenising.
  const tokens = tokenize(text, { stems: false });
  for (const [index, token] of tokens.entries()) {
    const bare = signsIn(tokens, index) ? 'login' : token.lemma.replace(/\.+$/, '');
    // "nine out of ten orders" says what "9 out of 10" says: a count in words is a number.
    const lemma = COUNT_WORDS[bare] ?? bare;
    if (lemma === '') continue;
    if (lemma.length > 2 && /[-/]/.test(lemma) && !/^[\d./-]+$/.test(lemma)) {
      for (const part of lemma.split(/[-/]+/)) {
        if (part) out.push({ lemma: part, stop: token.stop || PART_STOPS.has(part) });
      }
    } else {
      out.push({ lemma, stop: token.stop && lemma === bare });
    }
  }
  return out;
}

/**
 * Counts from two to twenty in words, as digits ("one" is as often "one model" as a count). Not
 * lexicon's NUMBER_WORDS, the magnitudes ("million", "half") that mark a sentence as giving figures.
 */
const COUNT_WORDS: Readonly<Record<string, string>> = Object.fromEntries(
  'two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'
    .split(' ')
    .map((word, i) => [word, String(i + 2)]),
);

/** Who or what comes before "log in" when it means signing in. */
const SIGNS_IN_AFTER = new Set(
  'can could will would to who that not must should may might be have just already first they we you i he she user people customer member employee shopper'.split(
    ' ',
  ),
);

/**
 * "everyone who can log in", "users logged in to the app": signing in, which says nothing of the
 * logs a design keeps ("event logs in the warehouse"). Read as its own word, "login".
 */
function signsIn(tokens: readonly { lemma: string }[], index: number): boolean {
  if (tokens[index]?.lemma !== 'log') return false;
  const next = tokens[index + 1]?.lemma.replace(/\.+$/, '');
  if (next !== 'in' && next !== 'on') return false;
  return (
    SIGNS_IN_AFTER.has(tokens[index - 1]?.lemma ?? '') || /^users?$/.test(tokens[index + 2]?.lemma ?? '')
  );
}

/** Content lemmas of a short text (a signal, a title), in order. */
export function contentWords(text: string): string[] {
  return words(text)
    .filter((word) => !word.stop)
    .map((word) => word.lemma);
}

/**
 * Punctuation that ends a clause: commas and semicolons, colons, dashes, brackets, and the end of a
 * sentence inside a unit ("Not necessarily, no. It could mean agents are rubber-stamping": the "no"
 * answers the question, it does not reach into the next sentence).
 */
const CLAUSE_PUNCTUATION = /[,;:]\s+|;|\s[—–-]+\s|[—–()[\]]|[.!?]+\s+(?=["'“]?[A-Z])/;
/** Words that open a new clause: a negation before them does not reach past them. */
const CLAUSE_OPENERS = new Set([
  'but',
  'so',
  'because',
  'although',
  'though',
  'whereas',
  'however',
  'yet',
  'since',
  'otherwise',
  'if',
  'unless',
  'when',
  'while',
  'then',
]);
/** "and"/"or" followed by a new subject start a new clause ("we skip X and we use Y"). */
const SUBJECTS = new Set(['we', 'i', 'you', 'they', 'it', 'that', 'this', 'there', 'he', 'she']);

/**
 * The words of a unit with their clause. Each punctuation-delimited piece is tokenised on its own
 * (the shared tokeniser drops punctuation), then cut again before clause-opening words.
 */
export function clauseTokens(raw: string): Token[] {
  const out: Token[] = [];
  let clause = 0;
  let inClause = 0;
  for (const piece of raw.split(CLAUSE_PUNCTUATION)) {
    // wink reads a capitalised first word as a name and leaves it uninflected ("Labels from
    // reports" keeps "labels"): lower-case it so it lemmatises like the rubric's phrasing.
    const pieceWords = words(
      piece.replace(
        /^(\s*)([A-Z])(?=[a-z])/,
        (_, space: string, letter: string) => space + letter.toLowerCase(),
      ),
    );
    pieceWords.forEach((word, i) => {
      const opens =
        CLAUSE_OPENERS.has(word.lemma) ||
        ((word.lemma === 'and' || word.lemma === 'or') && SUBJECTS.has(pieceWords[i + 1]?.lemma ?? ''));
      if (opens && inClause > 0) {
        clause++;
        inClause = 0;
      }
      out.push({ lemma: word.lemma, stop: word.stop, clause });
      inClause++;
    });
    if (inClause > 0) {
      clause++;
      inClause = 0;
    }
  }
  return out;
}
