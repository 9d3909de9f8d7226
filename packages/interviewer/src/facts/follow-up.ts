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

/** "...? and at what price", "for how long?": a short tail that asks only how, of the same subject. */
const SHORT_TAIL =
  /^(?:(?:and|or)\s+)?(?:at|for|by|to|until)\s+(?:what|how|when|which)\b(?:\s+[\w-]+){0,2}[\s?.!,]*$/i;

/** "X — same for Y?", "X; same question for Y": the question before, asked of a new subject. */
export const SAME_FOR = String.raw`(?:and\s+)?(?:the\s+)?same\s+(?:for|with|about|goes for|question for|thing for)\b`;
const ASKED_OF_ANOTHER = new RegExp(`^${SAME_FOR}`, 'i');

/**
 * "What is the business goal? Purchase from session, or click?": a few words offering options, with
 * no question word, say which answers to the question before they would expect.
 */
const OPTIONS_ONLY =
  /^(?!.*\b(?:what|how|which|who|when|where|why|is|are|do|does|can|will)\b)(?:[\w'$%-]+\s+){0,4}[\w'$%-]+,?\s+or\s+(?:[\w'$%-]+\s*){1,3}[?.!]*$/i;

/** Whether a question leans on the one before it for its subject. */
export function refersBack(text: string): boolean {
  return (
    PRONOUN.test(text) ||
    STANDALONE.test(text) ||
    SHORT_TAIL.test(text.trim()) ||
    OPTIONS_ONLY.test(text.trim())
  );
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
 * can one person send?*". It does when it refers back or only uses words that fact holds, and has no
 * fact of its own or one that holds no more of its words. Being a later clause of the same sentence
 * does not make it one: "How many public videos are there, and how many searches a day?" asks two.
 */
export function continuesFact(part: Decided, fact: Fact, closeness: number): boolean {
  const { ranking } = part;
  if (part.fact === fact) return true;
  // "Language split of tickets — same for the graders, which can they cover?" names its own subject.
  if (ASKED_OF_ANOTHER.test(part.text)) return false;
  // "Do they get push notifications?" asks about something new, whatever "they" are.
  if (ranking.novel) return false;
  const mine = ranking.ranked.find((entry) => entry.fact === fact);
  const covered = holdsAll(mine, ranking);
  // "How many?", "For how long?": only the asking, its subject left to the question before.
  const elliptical = ranking.subjects === 0 && ranking.unknown === 0;
  const back = refersBack(part.text) || elliptical;
  if (!part.fact) {
    if (!part.options) return covered || back;
    if (part.options.includes(fact)) return true;
  }
  const [own] = ranking.ranked;
  if (!mine || !own) return false;
  // "...? And what fraction of impressions end in a click?" asks a share the fact before never gives.
  if (own.gives && !mine.gives) return false;
  // Its own fact may win on how it is asked (a cue met whole, "how many"), not on what it asks
  // about; words that fact shares with many facts ("searches", "purchase") do not say "the same".
  if (back && covered && mine.held >= own.held) return true;
  if (mine.coverage < closeness * own.coverage) return false;
  // "How many listings go live a month, and how long till they get booked?": a later clause of the
  // same sentence whose words that fact all holds leans on it, even with no "it" or "they".
  if (back) return mine.held >= own.held;
  // Without "it" or "they", even a later clause of the same sentence needs that fact to hold more of
  // its words than its own does: "How many public videos are there, and how many searches a day?"
  // asks a new count that the videos fact happens to mention as much as the traffic fact does.
  return covered && mine.held > own.held;
}

/**
 * Whether the part before one answered by `fact` was asking about that fact too: "What do we serve
 * on today? Could we use GPUs?". It was when `fact` holds all of its words and more of them than the
 * fact it picked on its own.
 */
export function leadsIntoFact(part: Decided, fact: Fact, closeness: number): boolean {
  const { ranking } = part;
  const mine = ranking.ranked.find((entry) => entry.fact === fact);
  const own = ranking.ranked.find((entry) => entry.fact === part.fact);
  if (!holdsAll(mine, ranking)) return false;
  return !own || (mine.matched > own.matched && mine.coverage >= closeness * own.coverage);
}
