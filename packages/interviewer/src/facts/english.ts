import model from 'wink-eng-lite-web-model';

/**
 * Whether a word is English as wink's lexicon knows it (about 87,000 word forms, rare ones like
 * "lidar" and "premiere" too). A word English knows is no typo: "detection" must not be repaired to a
 * case's "deletion", nor "content" to "consent". The lexicon is decoded once, on first use (~80 ms);
 * the model's types keep it internal, so it is reached through the one field used.
 */
let words: Readonly<Record<string, number>> | undefined;

interface CoreModel {
  features: { lexeme: { hash: Record<string, number> } };
}

export function isEnglishWord(word: string): boolean {
  words ??= (model as unknown as { core(): CoreModel }).core().features.lexeme.hash;
  return Object.hasOwn(words, word.toLowerCase());
}
