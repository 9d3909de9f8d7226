import { isEnglishWord } from './english.ts';
import { compiled, extractTerms, type Lexicon, textTokens, UNSTEMMED } from './terms.ts';

/** The words a case knows, so a misspelt or oddly stemmed question word is read as the word meant. */
export type { Lexicon };

/** Porter stems some forms of one word apart; the shorter stem must still say something. */
const SHARED_STEM = 5;
const STEM_SLACK = 3;

/** Builds the lexicon of a set of texts, with the words of the groups those texts use. */
export function createLexicon(texts: readonly string[]): Lexicon {
  const { words, phrases, ignored } = compiled();
  const byLemma = new Map<string, string>();
  const groups = new Set(texts.flatMap((text) => extractTerms(text)));
  // A typo is repaired only to a word that can match here: "story" must not become a case's "store".
  for (const [lemma, { stem, term }] of words) if (groups.has(term)) byLemma.set(lemma, stem);
  const own = texts.flatMap((text) => textTokens(text).filter((token) => !token.stop));
  for (const token of own) byLemma.set(token.lemma, token.stem);
  // Known as written: the case's words and the vocabulary's one-word phrasings. A word that only
  // opens a phrase ("direct" of "direct message") is not known on its own.
  const single = [...phrases].filter(([, list]) => list.some((phrase) => phrase.stems.length === 1));
  const stems = new Set([...own.map((token) => token.stem), ...single.map(([stem]) => stem), ...ignored]);
  const known = [...new Set(byLemma.values())].filter((stem) => stem.length >= SHARED_STEM);
  const entries = [...byLemma.entries()].filter(([lemma]) => lemma.length >= 4);
  return {
    knows: (stem) => stems.has(stem),
    repair(lemma, stem) {
      // "gpus", "dms": wink leaves the plural of an acronym whole.
      const singular = /^[a-z]{2,}s$/.test(lemma) ? byLemma.get(lemma.slice(0, -1)) : undefined;
      if (singular) return singular;
      // Short words are too often another real word one letter away ("team", "term").
      if (lemma.length < 5 || !/^[a-z]+$/.test(lemma) || UNSTEMMED.has(lemma)) return undefined;
      // A slip is only guessed for a word English does not know: "scope" is no typo for "score".
      return sameWord(stem, known) ?? (isEnglishWord(lemma) ? undefined : slip(lemma, entries));
    },
  };
}

/** A known stem that extends `stem`, or that `stem` extends, by a few letters ("defin", "definit"). */
function sameWord(stem: string, known: readonly string[]): string | undefined {
  if (stem.length < SHARED_STEM) return undefined;
  let best: string | undefined;
  for (const candidate of known) {
    const [short, long] = candidate.length < stem.length ? [candidate, stem] : [stem, candidate];
    if (long.length - short.length > STEM_SLACK || !long.startsWith(short)) continue;
    if (!best || Math.abs(candidate.length - stem.length) < Math.abs(best.length - stem.length))
      best = candidate;
  }
  return best;
}

/** The stem of the known word a typo or two away from `lemma`. */
function slip(lemma: string, entries: readonly (readonly [string, string])[]): string | undefined {
  const limit = lemma.length >= 9 ? 2 : 1;
  let best: { stem: string; distance: number } | undefined;
  // wink cannot lemmatise a misspelt plural, so "reprots" is also tried as "reprot".
  for (const word of lemma.endsWith('s') ? [lemma, lemma.slice(0, -1)] : [lemma]) {
    for (const [known, stem] of entries) {
      // Typos seldom touch the first letter ("rotation" is no slip for "location"), and a word that
      // only adds an ending to a known one is another word ("later", "late").
      if (known[0] !== word[0] || Math.abs(known.length - word.length) > limit) continue;
      if (known.startsWith(word) || word.startsWith(known)) continue;
      const distance = editDistance(word, known, limit);
      if (distance <= limit && (!best || distance < best.distance)) best = { stem, distance };
    }
  }
  return best?.stem;
}

/** Optimal string alignment distance (a swap of two neighbours counts once), cut off above `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}
