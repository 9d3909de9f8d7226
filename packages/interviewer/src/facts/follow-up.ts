import type { Fact } from '@mlsd/rubric';
import type { Ranked, Ranking } from './rank.ts';

/** "it", "they", "them", "if so": a word that stands for what the question before asked about. */
const PRONOUN = /\b(?:it|its|they|them|their|theirs)\b|^(?:and\s+)?if so\b/i;

/**
 * "how much of *that* is there", "what does *each* cost": a demonstrative with no noun of its own, at
 * the end of the clause or right before a verb ("that happens", "those get").
 */
const STANDALONE =
  /\b(?:that|this|those|these|each|one)\b(?=\s*(?:$|[?.!,;:])|\s+(?:is|are|was|were|be|has|have|had|do|does|did|can|could|will|would|get|gets|got|come|comes|take|takes|cost|costs|vary|varies|change|changes|happen|happens|look|looks|mean|means|work|works)\b)/i;

/** Whether a question leans on the one before it for its subject. */
export function refersBack(text: string): boolean {
  return PRONOUN.test(text) || STANDALONE.test(text);
}

/** A question part as the lookup decided it, with the ranking it was decided on. */
export interface Decided {
  text: string;
  ranking: Ranking;
  fact?: Fact;
  options?: readonly Fact[];
}

/** Whether `fact` holds every subject term of the part: its words are all in that fact. */
function holdsAll(entry: Ranked | undefined, ranking: Ranking): entry is Ranked {
  return entry !== undefined && ranking.subjects > 0 && entry.matched >= ranking.subjects;
}

/**
 * Whether a part right after one answered by `fact` asks more about that fact: "What share of
 * transactions are fraud, and *what do we lose to it*?", "Is there a cap on invitations? *How many
 * can one person send?*". It does when it has no fact of its own and refers back or only uses words
 * that fact holds, or when its own fact wins only on fewer of its words than `fact` holds.
 */
export function continuesFact(part: Decided, fact: Fact, closeness: number): boolean {
  const { ranking } = part;
  const mine = ranking.ranked.find((entry) => entry.fact === fact);
  const covered = holdsAll(mine, ranking);
  const back = refersBack(part.text) && !ranking.novel;
  if (!part.fact) return covered || back || (part.options?.includes(fact) ?? false);
  const [own] = ranking.ranked;
  if (!mine || !own || own.fact === fact) return own?.fact === fact;
  if (covered && mine.matched > own.matched) return true;
  return (covered || back) && mine.coverage >= closeness * own.coverage;
}

/**
 * Whether the part before one answered by `fact` was asking about that fact too: "What do we serve
 * on today? Could we use GPUs?". It was when `fact` holds all of its words and more of them than the
 * fact it picked on its own.
 */
export function leadsIntoFact(part: Decided, fact: Fact): boolean {
  const { ranking } = part;
  const mine = ranking.ranked.find((entry) => entry.fact === fact);
  const own = ranking.ranked.find((entry) => entry.fact === part.fact);
  return holdsAll(mine, ranking) && (!own || mine.matched > own.matched);
}
