import type { Fact } from '@mlsd/rubric';
import { memoByText } from '../memo.ts';
import { predicateOf } from './head.ts';
import { createLexicon } from './lexicon.ts';
import { figuresOf, quoteIn } from './quoted.ts';
import {
  extractTerms,
  groupTerm,
  intentShare,
  isConcept,
  isFrame,
  isIntent,
  isModifier,
  readTerms,
  relatedTerms,
} from './terms.ts';
import { kindsAsked, type ValueKind, valuedTerms } from './values.ts';

/** How well one fact fits one question. */
export interface Ranked {
  fact: Fact;
  /** Weighted evidence: the question's terms the fact has, plus its best cue met in the question. */
  score: number;
  /** `score` over the most any fact could have earned for this question, 0..1. */
  coverage: number;
  /** The strongest single piece of evidence: the largest weight the fact earns with one subject term. */
  anchor: number;
  /** How many of the question's subject terms (not "how many", "what share") the fact has. */
  matched: number;
  /** The weight of the question's subject terms the fact has, each counted whole. */
  held: number;
  /** Whether the answer gives the kind of value asked ("how long": a duration), or none is asked. */
  gives: boolean;
}

/** The facts that share anything with a question, best first; `terms` is 0 for filler alone. */
export interface Ranking {
  terms: number;
  ranked: Ranked[];
  /**
   * The total weight of the question's words that no fact has, 0 when every word is known; an unknown
   * predicate ("can guests *message* hosts?") counts `predicate` times.
   */
  unknown: number;
  /** How many of the question's subject terms (not "how many", "what share") some fact holds. */
  subjects: number;
  /** It names something the case never mentions: an interview concept or the predicate asked. */
  novel: boolean;
  /** It quotes a fact's figure ("of the 2 million advertisers, ..."): it asks about that fact's subject. */
  quoted: boolean;
  /** The fact whose example question (`asks`) is closest to the question, with that closeness (0..1). */
  nearest?: { fact: Fact; closeness: number };
}

/** The scorer of one case's facts, built once. */
export interface Ranker {
  rank(question: string): Ranking;
}

/** The weights of the scorer; the defaults are tuned on eval/fact-questions.tune.json. */
export interface RankWeights {
  /** Credit of a term in the fact's answer only (a cue earns 1): a cue says what the fact is about. */
  answer: number;
  /** Share of the credit a fact earns with a related term (users for traffic). */
  related: number;
  /** A typo repair is a guess; it counts a little less than the word as written. */
  repaired: number;
  /**
   * A word no fact has: part of the asking ("app", "platform") as often as the subject ("pets"), so it
   * weighs as a word of middling rarity. It still keeps a question about something else from a match.
   */
  unknown: number;
  /**
   * An interview concept the vocabulary knows but no fact of the case mentions ("how many engineers",
   * "do we show ads") asks about something the case leaves out: it weighs as much as a rare word.
   */
  unknownConcept: number;
  /** A qualifying group no fact has ("target", "limit"): the case still covers what it qualifies. */
  unknownModifier: number;
  /** How much more an unknown predicate weighs ("can guests *message* hosts?"): it is what is asked. */
  predicate: number;
  /** Weight of a cue met whole in the question ("how many videos"), next to the words met one by one. */
  cueBonus: number;
  /**
   * Credit of a question word in an answer sentence that gives the kind of value asked: "how long
   * before a payment gets *reported*?" and "50% of fraud is *reported* within 7 days".
   */
  valued: number;
  /** Share of its score a fact keeps when its answer gives no value of the kind asked. */
  ungiven: number;
  /** Credit of a term met only in one of the fact's example questions (`asks`), not its cues or answer. */
  ask: number;
}

export const RANK_WEIGHTS: RankWeights = {
  answer: 0.5,
  related: 0.5,
  repaired: 0.8,
  unknown: 1.2,
  unknownConcept: 2.5,
  unknownModifier: 0.6,
  cueBonus: 1,
  predicate: 2,
  valued: 1,
  ungiven: 0.9,
  ask: 0.5,
};

const CUE = 1;
const PRICE = /[$€£]\s?\d|\d\s?(?:cents?|dollars?|euros?)\b/i;
const COST = groupTerm('cost');
const NAME = 1.1;

interface Profile {
  fact: Fact;
  /** Each term of the fact with its credit: 1 in a cue, `answer` in the answer only. */
  terms: Map<string, number>;
  /** The terms of each cue. */
  cues: string[][];
  /** The terms of each example question. */
  asks: string[][];
  /** The answer's terms in sentences that give a value of each kind. */
  valued: Map<ValueKind, Set<string>>;
  /** The figures the answer states. */
  figures: Set<number>;
  /** The answer as written: a question that says it back asks this fact. */
  answer: string;
}

function profileOf(fact: Fact, w: RankWeights): Profile {
  const terms = new Map<string, number>();
  const asks = fact.asks.map((ask) => extractTerms(ask)).filter((ask) => ask.length > 0);
  // An example question's words say what the fact is about, less surely than a cue.
  for (const ask of asks) for (const term of ask) terms.set(term, w.ask);
  for (const term of extractTerms(fact.answer)) terms.set(term, Math.max(w.answer, terms.get(term) ?? 0));
  const answer = w.answer;
  // "$0.50 per judgment" says what something costs, in no word of the cost group.
  if (PRICE.test(fact.answer) && !terms.has(COST)) terms.set(COST, answer);
  const cues = fact.cues.map((cue) => extractTerms(cue));
  for (const cue of cues) for (const term of cue) terms.set(term, CUE);
  // The id names the fact ("market-structure"): a cue that settles a tie with a fact that only lists it.
  const name = extractTerms(fact.id.replaceAll('-', ' '));
  for (const term of name) terms.set(term, NAME);
  const valued = valuedTerms(fact.answer);
  const figures = figuresOf(fact.answer);
  const cueTerms = [...cues, name].filter((cue) => cue.length > 0);
  return { fact, terms, cues: cueTerms, asks, valued, figures, answer: fact.answer };
}

function credit(profile: Profile, term: string, share: number): number {
  const direct = profile.terms.get(term);
  if (direct !== undefined) return direct;
  let best = 0;
  for (const related of relatedTerms(term)) best = Math.max(best, profile.terms.get(related) ?? 0);
  return best * share;
}

/** A question word's credit in an answer sentence that gives a value of a kind the question asks. */
function valuedCredit(profile: Profile, term: string, kinds: readonly ValueKind[], w: RankWeights): number {
  if (kinds.length === 0 || isIntent(term)) return 0;
  const holds = (candidate: string) => kinds.some((kind) => profile.valued.get(kind)?.has(candidate));
  if (holds(term)) return w.valued;
  return relatedTerms(term).some(holds) ? w.valued * w.related : 0;
}

/**
 * Scores facts by the idf-weighted share of a question's terms they hold, plus the weight of the cue
 * the question meets most fully: "how many videos are searchable?" meets the cue "how many videos"
 * whole, and only mentions a word of the freshness fact's answer.
 */
export function createRanker(facts: readonly Fact[], tuning: Partial<RankWeights> = {}, title = ''): Ranker {
  const w: RankWeights = { ...RANK_WEIGHTS, ...tuning };
  // The words of the case's title ("fraud *detection*") name the system being designed, like FRAME
  // words: a question that uses one asks nothing the case leaves out.
  const scene = new Set(extractTerms(title));
  const profiles = facts.map((fact) => profileOf(fact, w));
  const lexicon = createLexicon(facts.flatMap((fact) => [...fact.cues, ...fact.asks, fact.answer]));
  const idfCache = new Map<string, number>();
  const known = (term: string) => profiles.some((profile) => credit(profile, term, w.related) > 0);
  const idf = (term: string) => {
    let value = idfCache.get(term);
    if (value === undefined) {
      // Only facts that have the term itself make it common; kin ("visitors" for traffic) do not.
      const direct = profiles.filter((profile) => profile.terms.has(term)).length;
      const df = direct || profiles.filter((profile) => credit(profile, term, w.related) > 0).length;
      const absent = scene.has(term) ? 0 : unknownWeight(term, w);
      value = df === 0 ? absent : Math.log(1 + (profiles.length - df + 0.5) / (df + 0.5));
      idfCache.set(term, value);
    }
    return value;
  };

  // A message's questions are ranked by both fact lookups (the reader's questions and the whole
  // message); a ranking depends on the question alone.
  return {
    rank: memoByText((asked: string): Ranking => {
      // "Of the 2 million advertisers, how many...": the fact that said so is known; the rest is asked.
      const quote = quoteIn(asked, profiles);
      const quoted = quote !== undefined;
      const question = quote?.rest ?? asked;
      const weights = new Map<string, number>();
      let unknown = 0;
      let novel = false;
      for (const { term, repaired, senses = [] } of readTerms(question, lexicon)) {
        // "Moderation" names a reviewer or a policy: it is read in the sense the case knows, and a
        // word the case knows in no sense is one unknown word, not two.
        if (!known(term) && senses.some((sense) => known(sense) || weights.has(sense))) continue;
        const weight = idf(term) * intentShare(term) * (repaired ? w.repaired : 1);
        weights.set(term, weight);
        if (known(term) || scene.has(term)) continue;
        unknown += weight;
        novel ||= isConcept(term) && !isModifier(term) && !isIntent(term);
      }
      // What a yes/no question asks sits in its predicate; the words around it are often the case's own.
      const predicate = predicateOf(question);
      const [head] = predicate ? readTerms(predicate, lexicon) : [];
      const headWeight = head && weights.get(head.term);
      if (head && headWeight && !known(head.term)) {
        unknown += headWeight * (w.predicate - 1);
        novel = true;
      }
      const total = [...weights.values()].reduce((sum, weight) => sum + weight, 0);
      // A word that weighs nothing (the title's "detection", the frame's "model") is no subject of its own.
      const hasSubject = [...weights].some(([term, weight]) => !isIntent(term) && weight > 0);
      const kinds = [...kindsAsked(weights.keys())];
      const subjects = [...weights.keys()].filter((term) => !isIntent(term) && known(term)).length;
      if (total === 0) return { terms: weights.size, ranked: [], unknown, subjects, novel, quoted };
      let bestCue = 0;
      let nearest: Ranking['nearest'];
      const scored = profiles.map((profile) => {
        const gives = kinds.every((kind) => profile.valued.has(kind));
        // The fact the question quotes is what the candidate has already; it does not answer the rest.
        if (profile === profiles[quote?.fact ?? -1])
          return { fact: profile.fact, score: 0, anchor: 0, matched: 0, held: 0, gives };
        let words = 0;
        let anchor = 0;
        let matched = 0;
        let held = 0;
        for (const [term, weight] of weights) {
          const earned =
            weight * Math.max(credit(profile, term, w.related), valuedCredit(profile, term, kinds, w));
          words += earned;
          if (isIntent(term) || earned === 0) continue;
          anchor = Math.max(anchor, earned);
          matched++;
          held += weight;
        }
        // "How many" alone, with nothing of what is counted, is no match (unless nothing else was asked).
        if (matched === 0 && hasSubject)
          return { fact: profile.fact, score: 0, anchor, matched, held, gives };
        const cue = cueEvidence(profile, weights, hasSubject);
        bestCue = Math.max(bestCue, cue);
        const ask = askEvidence(profile, weights, idf);
        if (ask > (nearest?.closeness ?? 0)) nearest = { fact: profile.fact, closeness: ask };
        // "How quickly must suggestions come back?" is not answered by a fact that gives no duration.
        const score = (words + w.cueBonus * cue) * (gives ? 1 : w.ungiven);
        return { fact: profile.fact, score, anchor, matched, held, gives };
      });
      // A named fact can earn NAME per weight: the ceiling keeps coverage within 0..1.
      const ceiling = NAME * total + w.cueBonus * bestCue;
      const ranked = scored
        .filter(({ score }) => score > 0)
        .map((entry) => ({ ...entry, coverage: entry.score / ceiling }))
        .sort((a, b) => b.coverage - a.coverage);
      return { terms: weights.size, ranked, unknown, subjects, novel, quoted, nearest };
    }),
  };
}

/** The weight of a term no fact has: none for how a question asks, most for a concept the case leaves out. */
function unknownWeight(term: string, w: RankWeights): number {
  if (isIntent(term) || isFrame(term)) return 0;
  if (isModifier(term)) return w.unknownModifier;
  return isConcept(term) ? w.unknownConcept : w.unknown;
}

/**
 * How close the question is to the fact's closest example question, 0..1: the cosine of their idf
 * weights, so rare words shared count most and words only one side has pull the two apart. An example
 * met only in how it asks ("how many ...?") is no evidence.
 */
function askEvidence(
  profile: Profile,
  weights: ReadonlyMap<string, number>,
  idf: (term: string) => number,
): number {
  let questionNorm = 0;
  for (const weight of weights.values()) questionNorm += weight * weight;
  if (questionNorm === 0) return 0;
  let best = 0;
  for (const ask of profile.asks) {
    let dot = 0;
    let norm = 0;
    let subject = false;
    for (const term of new Set(ask)) {
      const own = idf(term) * intentShare(term);
      norm += own * own;
      const weight = weights.get(term);
      if (weight === undefined) continue;
      dot += weight * own;
      subject ||= !isIntent(term) && weight > 0;
    }
    if (subject && norm > 0) best = Math.max(best, dot / Math.sqrt(questionNorm * norm));
  }
  return best;
}

/**
 * The weight of the question's terms in the cue it meets most fully, scaled by the square of the share
 * of the cue met: a whole cue counts fully, half a two-word cue a quarter.
 */
function cueEvidence(profile: Profile, weights: ReadonlyMap<string, number>, hasSubject: boolean): number {
  let best = 0;
  for (const cue of profile.cues) {
    let met = 0;
    let count = 0;
    let subject = false;
    for (const term of cue) {
      const weight = weights.get(term);
      if (weight === undefined) continue;
      met += weight;
      count++;
      subject ||= !isIntent(term);
    }
    // "What do we know" is all asking: meeting it says nothing about a subject the question has.
    if (subject || !hasSubject) best = Math.max(best, met * (count / cue.length) ** 2);
  }
  return best;
}
