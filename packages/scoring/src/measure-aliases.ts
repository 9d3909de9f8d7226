import type { CompiledPoint } from './compiled-types.ts';
import { compileSignal } from './phrases.ts';
import { wordVectors } from './word-vectors.ts';

/**
 * Words that only say what is measured: "prefill *time*", "token *cost*", "label *rate*". Spoken and
 * terse answers drop them ("~60 ms prefill, ~80 decode", "decode is the slow part").
 */
const MEASURES = new Set(
  // Not "value", "score" or "level": "stale values", "risk score" name a thing, not its measure.
  'time rate cost size count number amount ratio percentage latency speed budget'.split(' '),
);
/** Shorter words are too often something else ("ads", "gpu"). */
const MIN_ALIAS_LENGTH = 5;
/**
 * An alias must be a rare word of English (below this frequency rank in the word-vector table, or
 * not among its common words): "decode", "prefill", "abstention", not "mistake" or "pattern",
 * which name nothing on their own. Without the table there are no aliases.
 */
const MIN_ALIAS_RANK = 25_000;

/**
 * Gives a case point's two-word signal made of a measure and one other word an alias: that word
 * alone, when it is a rare word and no other point of the rubric has it in any signal, so it
 * names this point and nothing else. "decode time" is then met by "decode"; "round trip time"
 * (three words) and "click rate" ("click" is in many points' signals) are left as they are.
 */
export function addMeasureAliases(points: CompiledPoint[]): void {
  const vectors = wordVectors();
  if (!vectors) return;
  const rare = (word: string) => {
    const row = vectors.row(word);
    return row < 0 || row >= Math.min(MIN_ALIAS_RANK, vectors.ranked);
  };
  const owners = new Map<string, Set<number>>();
  for (const point of points)
    for (const signal of point.signals)
      for (const lemma of signal.lemmas) {
        const set = owners.get(lemma) ?? new Set<number>();
        set.add(point.index);
        owners.set(lemma, set);
      }
  for (const point of points) {
    if (point.source !== 'case') continue;
    const have = new Set(point.signals.filter((s) => s.lemmas.length === 1).map((s) => s.lemmas[0]));
    for (const signal of [...point.signals]) {
      if (signal.plain || signal.lemmas.length !== 2) continue;
      const rest = signal.lemmas.filter((lemma) => !MEASURES.has(lemma));
      const word = rest.length === 1 ? rest[0] : undefined;
      if (word === undefined || word.length < MIN_ALIAS_LENGTH || have.has(word) || !rare(word)) continue;
      if ((owners.get(word)?.size ?? 0) !== 1) continue;
      have.add(word);
      point.signals.push(compileSignal(word));
    }
  }
}
