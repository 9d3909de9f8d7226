import { normalize } from '../sentences.ts';
import { mendTypos, spellOut } from '../vocabulary.ts';

/**
 * What the learned intent reader sees of a message: its words, its word pairs, how it opens and how it
 * ends, and its length. No character pieces: on messages written by hands the reader never saw, they
 * fitted the training sets more closely and read new ones worse (docs in ../README section "Learned").
 */
export function messageFeatures(text: string): string[] {
  // Read as the rules read it: typos in the words that matter mended, chat shorthand spelled out.
  const words =
    mendTypos(spellOut(normalize(text)))
      .toLowerCase()
      .match(/[a-z']+|\d+|[?!.]/g) ?? [];
  const features = new Set<string>();
  for (const word of words) features.add(`w:${word}`);
  for (let i = 1; i < words.length; i++) features.add(`b:${words[i - 1]}_${words[i]}`);
  for (const word of words.slice(0, 3)) features.add(`s:${word}`);
  features.add(`end:${words.at(-1) ?? ''}`);
  features.add(`len:${Math.min(Math.floor(words.length / 4), 8)}`);
  return [...features];
}
