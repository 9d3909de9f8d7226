export interface Leak {
  kind: 'strong-answer' | 'meta' | 'title';
  /** The words that matched. */
  match: string;
}

export interface ScanOptions {
  /**
   * Lower-cased point titles that may be said this time: a concept-naming hint's own point, or a
   * title the candidate already said in their own words.
   */
  allowedTitles?: ReadonlySet<string>;
}

/** A rubric's leaks as word sequences, indexed so a scanner only ever looks at the last few words. */
export interface LeakTables {
  /** Six-word runs (words joined by one space) that copy a secret passage. */
  forbidden: ReadonlySet<string>;
  shingleWords: number;
  /** Joined title words to the titles they spell. */
  titleRuns: ReadonlyMap<string, readonly string[]>;
  titleLengths: readonly number[];
  /**
   * Every proper prefix of a leak from its first content word that holds a second one: `null` when
   * it starts a leak always, else the titles it starts.
   */
  prefixes: ReadonlyMap<string, readonly string[] | null>;
  /** The words that open a leak up to its second content word: its first content word and the stop words after it. */
  openers: ReadonlySet<string>;
  /** Every prefix of a leak's second content word: a half-written word held only after an opener. */
  wordPrefixes: ReadonlySet<string>;
  /** The longest leak in words, and the longest word in any leak. */
  maxRun: number;
  maxWord: number;
}

/** A word as the guard sees it: letters and digits, with one apostrophe suffix ("don't"). */
export const WORD_PATTERN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/u.source;

/** The normal form of a word, as both the rubric index and the scanner compare them. */
export function normalWord(word: string): string {
  return word.toLowerCase().replace('’', "'");
}
