import type { CaseStudy, Fact } from '@mlsd/rubric';
import { createFactClassifier } from './facts/classifier.ts';
import { createDecider } from './facts/decide.ts';
import { continuesFact, type Decided, leadsIntoFact, refersBack } from './facts/follow-up.ts';
import { asksForGoal } from './facts/goal.ts';
import { createRanker, type Ranked, type Ranking } from './facts/rank.ts';
import { listItems, QUESTION_START, splitMessage } from './facts/split.ts';
import { type FactExamples, factExamplesFor } from './facts/training.ts';

/**
 * "how much bookings per week we have?": a count asked with "how much", as non-native speakers
 * often do, read as "how many" (a plural noun after it, not "does", "is" or a mass noun).
 */
const COUNT_AS_AMOUNT =
  /\bhow much (?=(?!(?:does|is|was|has|this|its|less|news|us|gas|plus|bonus|status)\b)[a-z]+[^s\W']s\b)/gi;
const countsAsked = (question: string) => question.replace(COUNT_AS_AMOUNT, 'how many ');

export interface FactMatch {
  fact: Fact;
  /** Weighted evidence: the idf weights of the question's terms the fact holds, plus its best cue met whole. */
  score: number;
  /** `score` over the most any fact could earn for the question part, 0..1. */
  coverage: number;
}

export interface FactPart {
  /** The question part as asked (trimmed, leading filler taken off). */
  question: string;
  /** found: one fact answers it; ambiguous: two facts fit about equally (ask which they mean); none: the case does not say. */
  status: 'found' | 'ambiguous' | 'none';
  /** When found. */
  fact?: Fact;
  /** The two closest, when ambiguous. */
  options?: Fact[];
  /**
   * Found, but only the closest fact: 'words' when the question names something no fact holds (a
   * word the case never uses), 'like-open' when it only reads like the questions the case leaves open.
   */
  nearby?: 'words' | 'like-open';
}

export interface FactLookup {
  parts: FactPart[];
}

export interface FactIndex {
  /** Every question of a message, in order, each found, ambiguous or not covered by the case. */
  lookup(message: string): FactLookup;
  /** The facts found for `question`, in the order asked, without repeats. */
  search(question: string): FactMatch[];
}

export interface FactSearchOptions {
  /** Lowest coverage of a confident answer. */
  foundAt?: number;
  /** How far ahead of the runner-up a confident answer must be. */
  margin?: number;
  /** Below this coverage the case does not answer the question confidently. */
  noneBelow?: number;
  /** Below this coverage no fact shares what the question asks: the case does not cover it. */
  shareBelow?: number;
  /**
   * A fact shares what is asked when it holds a term of the question this weighty (a word as rare as
   * one the case never uses), not only words many facts have.
   */
  shareAnchor?: number;
  /** Words no fact has, at this share of the weight the best fact holds, ask about something else. */
  unknownShare?: number;
  /**
   * A follow-up keeps the fact before it ("...? How often do they succeed?") only when that fact's
   * coverage of it is at least this share of its own best fact's.
   */
  closeness?: number;
  /** Most facts `search` returns. */
  limit?: number;
  /**
   * A question this close to one of the best fact's example questions (`asks`) is answered by it,
   * however many words the case does not know.
   */
  exampleAgrees?: number;
  /** Below this coverage, a best fact that meets one of three or more subjects asked is no answer. */
  thinBelow?: number;
  /** How sure the fact classifier must be to pick one of two facts the ranker finds equally (above 1: never). */
  classifierAt?: number;
  /** How sure it must be to pick another fact than the one the ranker found (above 1: never). */
  classifierOverrules?: number;
  /** How sure it must be to answer a question the ranker finds no fact for (above 1: never). */
  classifierRescues?: number;
  /**
   * How much of the classifier's probability the "none" label must take for a found fact to be
   * given as only the closest the case has, and for two about equally fitting facts not to be
   * offered as a choice (above 1: never).
   */
  nearbyAbove?: number;
  /** ...when the question names something the case never mentions (above 1: never). */
  classifierRescuesUnknown?: number;
  /** Below that, how sure it must be to ask which of its two best facts is meant instead (above 1: never). */
  classifierAsks?: number;
  /** ...unless words the case never uses weigh this many times what its best fact holds. */
  asksUnlessUnknown?: number;
}

/**
 * Tuned on eval/fact-questions.tune.json; see facts.eval.test.ts. The classifier's two thresholds
 * were chosen with it trained on tune to blind5 and read on blind6 and blind7 (then trained on all).
 */
const DEFAULTS: Required<FactSearchOptions> = {
  foundAt: 0.3,
  margin: 0.01,
  noneBelow: 0.3,
  shareBelow: 0.2,
  shareAnchor: 1.2,
  unknownShare: 1,
  closeness: 0.4,
  limit: 3,
  exampleAgrees: 0.6,
  thinBelow: 0.5,
  classifierAt: 0.5,
  classifierOverrules: 0.6,
  classifierRescues: 0.6,
  classifierRescuesUnknown: 0.95,
  nearbyAbove: 0.4,
  classifierAsks: 0.5,
  asksUnlessUnknown: 2,
};

/** "For the online piece, ...", "Before choosing an objective, ...": a scene set before a question. */
const LEAD_IN =
  /^(?:for|before|on|in|about|regarding|as for|given|since|thinking about|in terms of)\b[^,?]*,\s*(?=(?:what|what's|how|why|when|where|which|who|is|are|do|does|did|can|could|should|will|would|any)\b)/i;

/** Two subjects joined inside one question. */
const CONJUNCTION = /\s+(?:and|&|\+|plus|as well as)\s+/i;

/** "the click": a bare word right after a determiner or the frame of the question, no noun of its own yet. */
const BARE_MODIFIER =
  /(?:^|\b(?:the|a|an|our|their|its|what|which|are|is|of|for|about|on|in|from|with|to|by|many|much|there)\s+)[\w-]+$/i;

/** "conversion rates", not "the QPS" or "how many...": a second modifier and the noun both share. */
const SHARED_NOUN =
  /^(?!(?:the|a|an|our|their|its|this|that|these|those|each|every|any|some|we|they|it|you|i|what|which|how|who|when|where|why|is|are|do|does|did|can|could|will|would|should)\b)[\w-]+\s+[\w-]+/i;

/** "What are the click and conversion rates?": two modifiers of one noun, one question. */
function sharesNoun(text: string): boolean {
  const [left = '', right = ''] = text.split(CONJUNCTION, 2);
  return BARE_MODIFIER.test(left.trim()) && SHARED_NOUN.test(right.trim());
}

/** "how long until *they* show up": a clause whose subject is a pronoun for the clause before's. */
const PRONOUN_SUBJECT = /\b(?:they|them|their|it|its|those|these)\b/i;

/** A question part with the ranking it was decided on. */
interface Clause {
  part: FactPart;
  ranking: Ranking;
}

/**
 * Whether two clauses of one sentence ask one question: one finds a fact and the other nothing. A
 * first clause that finds nothing must name nothing the case leaves out: "Are there carousel ads,
 * and do we predict per card?" asks about carousels, whatever the second clause finds.
 */
function clauseOf(first: Clause, second: Clause): boolean {
  const [found, empty] = first.part.status === 'found' ? [first, second] : [second, first];
  if (found.part.status !== 'found' || empty.part.status !== 'none') return false;
  return empty === second || !empty.ranking.novel;
}

/** Lower-case words and digits, single-spaced: for "does this text say that phrase". */
function plainWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Builds the index of a case's facts: vocabulary-aware term overlap, one decision per question part.
 * `title` is the case's title: what the system is ("fraud *detection*"), never a subject the case leaves out.
 */
export function createFactIndex(
  facts: readonly Fact[],
  options: FactSearchOptions = {},
  title = '',
  labelled?: FactExamples,
): FactIndex {
  const settings = { ...DEFAULTS, ...options };
  const ranker = createRanker(facts, {}, title);
  // Trained here, with the index (15-60 ms a case), so whoever warms the index warms it too.
  const classifier = createFactClassifier(facts, labelled);

  const decide = createDecider(settings, classifier);

  // "What are we optimising for, ticket sales or clicks?": a question about what the system is for
  // gets the fact the rubric marks as its goal (the one the question comes nearest when there are
  // several), whatever other fact its words meet.
  const goalFacts = facts.filter((fact) => fact.goal);
  const goalFactFor = (ranking: Ranking): Fact | undefined =>
    ranking.ranked.find((entry) => entry.fact.goal)?.fact ?? goalFacts[0];

  // A cue of several words said word for word ("who else is going") names its fact when its words
  // are all too common to rank on at all.
  const cuePhrases = facts
    .flatMap((fact) => fact.cues.map((cue) => ({ fact, cue: plainWords(cue) })))
    .filter(({ cue }) => cue.split(' ').length >= 2)
    .sort((a, b) => b.cue.length - a.cue.length);
  const cueHit = (text: string): Fact | undefined => {
    const said = ` ${plainWords(text)} `;
    return cuePhrases.find(({ cue }) => said.includes(` ${cue} `))?.fact;
  };

  type Resolved = {
    part: FactPart;
    text: string;
    ranking: Ranking;
    match?: Ranked;
    merged?: boolean;
    /** A later clause of the sentence before (see MessagePart.joined). */
    joined?: boolean;
    /** Closed by a full stop (see MessagePart.told). */
    told?: boolean;
  };
  const resolveOne = (text: string, ranking: Ranking, opening = false): Resolved => {
    const decision = decide(text, ranking, opening);
    // "For offline evaluation, can we get people to grade results?": the lead-in sets the scene; when
    // the whole finds nothing, the question after it may.
    const rest = text.replace(LEAD_IN, '');
    if (rest !== text && decision.status === 'none') {
      const inner = resolveOne(rest, ranker.rank(rest), opening);
      if (inner.part.status !== 'none') return inner;
    }
    const hit = decision.status === 'found' || ranking.terms > 0 ? undefined : cueHit(text);
    const goal = asksForGoal(text) && !decision.fact?.goal ? goalFactFor(ranking) : undefined;
    const part: FactPart = goal
      ? { question: text, status: 'found', fact: goal }
      : hit
        ? { question: text, status: 'found', fact: hit }
        : decision;
    const ranked = ranking.ranked.find((entry) => entry.fact === part.fact);
    const match = goal ? (ranked ?? unranked(goal)) : (ranked ?? ranking.ranked[0]);
    // "What click rate do competitors get?": words no fact has outweigh what the found one holds.
    if (!goal && part.status === 'found' && (ranking.novel || ranking.unknown > (match?.held ?? 0)))
      part.nearby = 'words';
    return part.fact ? { part, text, ranking, match } : { part, text, ranking };
  };
  const decided = ({ text, ranking, part }: Resolved): Decided => ({ text, ranking, ...part });

  /**
   * "Where do labels come from, and how long until *they* show up?": a clause that finds nothing
   * and speaks of "they" or "it" is read again with the clause before in front, the pronoun's
   * antecedent; it keeps that reading only when it finds a fact of its own, not the one before.
   */
  const withAntecedent = (entry: Resolved, before: Resolved | undefined): Resolved => {
    if (!before?.part.fact || entry.part.status !== 'none' || !PRONOUN_SUBJECT.test(entry.text)) return entry;
    const context = `${before.text.replace(/[?.!]+$/, '')} ${entry.text}`;
    const again = resolveOne(context, ranker.rank(context));
    if (!again.part.fact || again.part.fact === before.part.fact) return entry;
    return { ...again, text: entry.text, part: { ...again.part, question: entry.text } };
  };

  /** One question; "the latency budget and the peak QPS?" splits when each half has its own fact. */
  const resolvePiece = (text: string, ranking: Ranking, opening: boolean): Resolved[] => {
    const whole = resolveOne(text, ranking, opening);
    if (!CONJUNCTION.test(text) || sharesNoun(text)) return [whole];
    const halves = text
      .split(CONJUNCTION)
      .map((half) => ({ half: half.trim(), ranking: ranker.rank(half) }))
      .filter((entry) => entry.ranking.terms > 0)
      .map((entry) => resolveOne(entry.half, entry.ranking))
      .map((entry, index, all) => withAntecedent(entry, all[index - 1]));
    // Split only when the halves pick exactly the whole question's best facts: "how many users and
    // ads?" stays one question, since one fact holds both counts.
    const best = new Set(ranking.ranked.slice(0, halves.length).map((entry) => entry.fact));
    const split = halves.length > 1 && halves.every(({ part }) => part.fact && best.delete(part.fact));
    return split ? halves : [whole];
  };

  /** Folds `entry` into the part before it when both ask about one fact; whether it did. */
  const joins = (previous: Resolved, entry: Resolved): boolean => {
    const fact = previous.part.fact;
    const question = `${previous.part.question} ${entry.part.question}`;
    // "How big is the pool of ads, and how many are live?": a clause of one sentence that finds
    // nothing of its own asks more about the fact its sentence found, not about something uncovered.
    if (entry.joined && !previous.merged && clauseOf(previous, entry)) {
      previous.part = fact ? { ...previous.part, question } : { ...entry.part, question };
      if (!fact) previous.match = entry.match;
      previous.merged = true;
      return true;
    }
    if (!fact) {
      // "Is that the case here, like keyword stuffing? How many products lack a size?": a question
      // the case leaves open that leans on the one after it ("that", "those", "it"), or whose words
      // that question's fact all holds, asks about that fact, not about something uncovered.
      const next = entry.part.fact;
      if (previous.part.status !== 'none' || !next || entry.joined) return false;
      const before = decided(previous);
      if (!refersBack(previous.text) && !leadsIntoFact(before, next, settings.closeness)) return false;
      previous.part = { ...entry.part, question };
      previous.match = entry.match;
      previous.merged = true;
      return true;
    }
    // Two questions answered by one fact get its answer once; so does a follow-up on that fact, and
    // an option named for the goal just asked ("what does leadership want? trips? ETA?").
    if (
      continuesFact(decided(entry), fact, settings.closeness) ||
      (fact.goal && namesOptionOf(fact, entry.text))
    ) {
      previous.part.question = question;
    } else if (
      entry.part.fact &&
      // A later clause of one sentence ("How many people use it daily, and peak QPS?") names a
      // subject of its own; only a question of its own can show the one before was asking its fact.
      !entry.joined &&
      !previous.merged &&
      leadsIntoFact(decided(previous), entry.part.fact, settings.closeness)
    ) {
      previous.part = { ...entry.part, question };
      previous.match = entry.match;
    } else return false;
    previous.merged = true;
    return true;
  };

  /**
   * "Volume and peak TPS, fraud rate, latency budget for scoring?": a list answered item by item
   * when every item finds a fact of its own (two or more); otherwise the list is one question.
   */
  const listResolved = (text: string) => {
    const items = QUESTION_START.test(text) ? null : listItems(text);
    if (!items) return null;
    const resolved = items.flatMap((item) => resolvePiece(item, ranker.rank(item), false));
    const facts = new Set(resolved.map(({ match }) => match?.fact.id));
    const allFound = resolved.every(({ part }) => part.status === 'found');
    return allFound && facts.size >= 2 ? resolved : null;
  };

  /** The parts of a message, each with the match that decided it when one did. */
  const resolve = (message: string) => {
    const split = splitMessage(countsAsked(message));
    const ranked = (pieces: typeof split) =>
      pieces
        .map((piece) => ({ piece, ranking: ranker.rank(piece.text) }))
        // "What does the company want out of this?" names no term, but asks for the goal by its form.
        .filter(
          ({ piece, ranking }) =>
            ranking.terms > 0 || cueHit(piece.text) !== undefined || (piece.asked && asksForGoal(piece.text)),
        );
    // Statements around the questions ("I'd start with a baseline.") are not asked, so they are
    // ranked only when no question names anything (ranking is most of a lookup's cost, and a long
    // answer with one question in it is mostly statements).
    const questions = ranked(split.filter((piece) => piece.asked));
    const asked = questions.length > 0 ? questions : ranked(split);
    const resolved: Resolved[] = [];
    const entries = asked.flatMap(({ piece, ranking }, index) =>
      (listResolved(piece.text) ?? resolvePiece(piece.text, ranking, index === 0)).map((entry) => ({
        ...entry,
        joined: piece.joined && entry.text === piece.text,
        told: piece.told,
      })),
    );
    for (const [index, raw] of entries.entries()) {
      const previous = resolved.at(-1);
      const entry = withAntecedent(raw, entries[index - 1]);
      if (!previous || !joins(previous, entry)) resolved.push(entry);
    }
    // "I'd like to know the raw material. What gets logged...?": a remark closed by a full stop that
    // finds nothing, beside questions that found their facts, was not a question the case leaves out.
    const found = resolved.some(({ part }) => part.status === 'found');
    return resolved.filter(({ told, part }) => !(found && told && part.status === 'none'));
  };

  return {
    lookup: (message) => ({ parts: resolve(message).map(({ part }) => part) }),
    search(question) {
      const matches: FactMatch[] = [];
      for (const { match } of resolve(question)) {
        if (match && !matches.some((seen) => seen.fact.id === match.fact.id)) matches.push({ ...match });
      }
      return matches.slice(0, settings.limit);
    },
  };
}

/** A fact given for the form of the question, not for its words: no evidence to report. */
function unranked(fact: Fact): Ranked {
  return { fact, score: 0, coverage: 0, anchor: 0, matched: 0, held: 0, gives: true };
}

const cache = new WeakMap<CaseStudy, FactIndex>();

/** The fact index of a case, built once per loaded case object. */
export function factIndexFor(caseStudy: CaseStudy): FactIndex {
  let index = cache.get(caseStudy);
  if (!index) {
    index = createFactIndex(caseStudy.facts, {}, caseStudy.title, factExamplesFor(caseStudy.id));
    cache.set(caseStudy, index);
  }
  return index;
}

/** Most words an option named on its own may have ("driver earnings?"). */
const OPTION_WORDS = 3;

/** Whether `text` is a bare option of a few words that the fact itself speaks of ("trips?", "ETA?"). */
function namesOptionOf(fact: Fact, text: string): boolean {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  if (words.length === 0 || words.length > OPTION_WORDS) return false;
  const answer = fact.answer.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return words.every((word) => answer.some((said) => said.startsWith(word.replace(/s$/, ''))));
}
