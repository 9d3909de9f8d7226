import { type TextToken, tokenize } from '@mlsd/rubric';
import { isEnglishWord } from './english.ts';
import { FRAME, IGNORED, IGNORED_PHRASES, INTENTS, MODIFIERS, RELATED, SYNONYMS } from './vocabulary.ts';

/** A group's term; the prefix keeps it apart from any word stem. */
const GROUP = '~';

interface Phrase {
  stems: string[];
  /** The terms of every group that lists the phrase; none for an ignored phrase. */
  terms: string[];
}

export interface Tables {
  /** Phrases by their first stem, longest first. */
  phrases: Map<string, Phrase[]>;
  ignored: Set<string>;
  related: Map<string, string[]>;
  /** Lemmas of the vocabulary with their stem and group, so a typo can be repaired to a group word too. */
  words: Map<string, { stem: string; term: string }>;
}

let tables: Tables | undefined;

/**
 * The project's tokens, with two fixes to Porter stems: it keeps "-ion" on short stems, so "reaction"
 * and "react" would stay apart, and it folds a few unrelated words together.
 */
export function foldedTokens(text: string): TextToken[] {
  return tokenize(text).map((token) => {
    const kept = UNSTEMMED.get(token.lemma);
    if (kept) return { ...token, stem: kept };
    return /[st]ion$/.test(token.stem) && token.stem.length >= 7
      ? { ...token, stem: token.stem.slice(0, -3) }
      : token;
  });
}

/** Words Porter folds into another word of the domain: "engineer" into "engine", "news" into "new". */
export const UNSTEMMED: ReadonlyMap<string, string> = new Map([
  ['engineer', 'engineer'],
  ['engineering', 'engineer'],
  ['news', 'news'],
  ['organic', 'organic'],
  // Porter stems these apart from their verb: "decide" and "decision", "respond" and "response".
  ['decision', 'decid'],
  ['decisions', 'decid'],
]);

/** The vocabulary compiled to stems once, on first use (wink stems phrases the way it stems questions). */
export function compiled(): Tables {
  if (tables) return tables;
  const phrases = new Map<string, Phrase[]>();
  const words = new Map<string, { stem: string; term: string }>();
  // An ignored phrase is a group with no term: it consumes its words and gives nothing.
  for (const [group, members] of [...Object.entries(SYNONYMS), ['', IGNORED_PHRASES] as const]) {
    for (const member of members.split('|')) {
      const tokens = foldedTokens(member);
      const first = tokens[0];
      if (!first) continue;
      for (const token of tokens) {
        if (group && !token.stop) words.set(token.lemma, { stem: token.stem, term: GROUP + group });
      }
      const stems = tokens.map((token) => token.stem);
      const list = phrases.get(first.stem) ?? [];
      phrases.set(first.stem, list);
      // A phrase listed by two groups ("how long until": a delay, and a time) gives both terms.
      const same = list.find((phrase) => phrase.stems.join(' ') === stems.join(' '));
      if (!same) list.push({ stems, terms: group ? [GROUP + group] : [] });
      else if (group) same.terms.push(GROUP + group);
    }
  }
  for (const list of phrases.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  // By stem and by lemma: "saw" stems to itself but is the verb "see".
  const ignored = new Set(
    [...IGNORED].flatMap((word) => foldedTokens(word).flatMap((token) => [token.stem, token.lemma])),
  );
  const related = new Map<string, string[]>();
  for (const [a, b] of RELATED) {
    related.set(GROUP + a, [...(related.get(GROUP + a) ?? []), GROUP + b]);
    related.set(GROUP + b, [...(related.get(GROUP + b) ?? []), GROUP + a]);
  }
  tables = { phrases, ignored, related, words };
  return tables;
}

/** Terms related to `term` through the vocabulary's kinships. */
export function relatedTerms(term: string): readonly string[] {
  return compiled().related.get(term) ?? [];
}

/** The term of a vocabulary group, as `readTerms` gives it. */
export function groupTerm(group: string): string {
  return GROUP + group;
}

/** Whether `term` is a vocabulary group's term rather than a word's stem. */
export function isConcept(term: string): boolean {
  return term.startsWith(GROUP);
}

const FRAME_STEMS = new Set([...FRAME].flatMap((word) => foldedTokens(word).map((token) => token.stem)));

/** Whether `term` names the thing being designed ("the model", "the system") rather than a subject. */
export function isFrame(term: string): boolean {
  return FRAME_STEMS.has(term);
}

/** Whether `term` is a group that qualifies a subject ("target", "per day") rather than names one. */
export function isModifier(term: string): boolean {
  return term.startsWith(GROUP) && MODIFIERS.has(term.slice(GROUP.length));
}

/** Whether `term` says how a question asks (how many, how fast) rather than what it asks about. */
export function isIntent(term: string): boolean {
  return intentShare(term) < 1;
}

/** The share of its weight a term keeps: below 1 for an intent, 1 for a subject. */
export function intentShare(term: string): number {
  return (term.startsWith(GROUP) && INTENTS.get(term.slice(GROUP.length))) || 1;
}

const ADVERB = /^[a-z]{3,}ly$/;

/** wink does not know acronym plurals: "GPUs" would stay "gpus", "DMs" "dms". */
const ACRONYM_PLURAL = /\b([A-Z]{2,})s\b/g;

/** The tokens of a text as the terms are read from them: "GPUs" as "GPU". */
export function textTokens(text: string): TextToken[] {
  return foldedTokens(text.replace(ACRONYM_PLURAL, '$1'));
}

/** A term of a question; `repaired` when it comes from a misspelt word read as a known one. */
export interface Term {
  term: string;
  repaired: boolean;
  /** Every term of the phrase that gave this one, when the phrase has several ("moderation"). */
  senses?: readonly string[];
}

/** What the case knows, as `readTerms` needs it (built by createLexicon in lexicon.ts). */
export interface Lexicon {
  /**
   * The stem of the known word that `lemma` (stemmed `stem`) stands for: the same word stemmed apart
   * ("defined" and "definition"), or a slip of one or two letters ("latncy").
   */
  repair(lemma: string, stem: string): string | undefined;
  /** Whether `stem` is a word the case or the vocabulary knows. */
  knows(stem: string): boolean;
}

/**
 * The terms of a text: vocabulary phrases become their group's term ("response time" and "latency"
 * both give ~latency), other content words their stem; filler and question words give nothing.
 * With a lexicon, a word the case does not know is repaired to a known word a typo away.
 */
export function readTerms(text: string, lexicon?: Lexicon): Term[] {
  const { phrases, ignored } = compiled();
  const tokens = textTokens(text);
  const repaired = tokens.map(() => false);
  const stems = tokens.map((token, index) => {
    if (!lexicon || token.stop || lexicon.knows(token.stem)) return token.stem;
    // An adverb the case does not know ("directly", "mostly") says how, not what: it is no subject.
    const adverb = ADVERB.test(token.lemma);
    if (adverb && isEnglishWord(token.lemma)) return '';
    const fixed = lexicon.repair(token.lemma, token.stem);
    if (fixed === undefined) return adverb ? '' : token.stem;
    repaired[index] = true;
    return fixed;
  });
  const terms = new Map<string, boolean>();
  const senses = new Map<string, readonly string[]>();
  const add = (term: string, from: number, to: number) => {
    const guessed = repaired.slice(from, to).some(Boolean);
    terms.set(term, (terms.get(term) ?? true) && guessed);
  };
  for (let i = 0; i < tokens.length; ) {
    const phrase = phrases
      .get(stems[i] ?? '')
      ?.find((candidate) => candidate.stems.every((stem, offset) => stems[i + offset] === stem));
    if (phrase) {
      for (const term of phrase.terms) add(term, i, i + phrase.stems.length);
      if (phrase.terms.length > 1) for (const term of phrase.terms) senses.set(term, phrase.terms);
      i += phrase.stems.length;
      continue;
    }
    const token = tokens[i];
    const stem = stems[i] ?? '';
    if (token && !token.stop && !ignored.has(stem) && !ignored.has(token.lemma) && /[a-z]{2}/.test(stem)) {
      add(stem, i, i + 1);
    }
    i++;
  }
  return [...terms].map(([term, guessed]) => {
    const all = senses.get(term);
    return all ? { term, repaired: guessed, senses: all } : { term, repaired: guessed };
  });
}

/** The terms of a text (see `readTerms`), without typo repair. */
export function extractTerms(text: string): string[] {
  return readTerms(text).map(({ term }) => term);
}
