import type { CaseStudy, Fact } from '@mlsd/rubric';
import { createRanker, type Ranked, type Ranking } from './facts/rank.ts';
import { splitMessage } from './facts/split.ts';

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
  /** Below this coverage the case does not cover the question. */
  noneBelow?: number;
  /** Most facts `search` returns. */
  limit?: number;
}

/** Tuned on eval/fact-questions.tune.json; see facts.eval.test.ts. */
const DEFAULTS: Required<FactSearchOptions> = { foundAt: 0.35, margin: 0.03, noneBelow: 0.3, limit: 3 };

/** Two subjects joined inside one question. */
const CONJUNCTION = /\s+(?:and|&|plus|as well as)\s+/i;

/** Builds the index of a case's facts: vocabulary-aware term overlap, one decision per question part. */
export function createFactIndex(facts: readonly Fact[], options: FactSearchOptions = {}): FactIndex {
  const settings = { ...DEFAULTS, ...options };
  const ranker = createRanker(facts);

  const decide = (question: string, { ranked, unknown }: Ranking): FactPart => {
    const [first, second] = ranked;
    if (!first || first.coverage < settings.noneBelow) return { question, status: 'none' };
    // "How are drivers insured?": one common word of the case, and a weightier word it never mentions.
    if (first.matched <= 1 && first.anchor < unknown) return { question, status: 'none' };
    const lead = first.coverage - (second?.coverage ?? 0);
    if ((first.coverage >= settings.foundAt && lead >= settings.margin) || !second) {
      return { question, status: 'found', fact: first.fact };
    }
    return { question, status: 'ambiguous', options: [first.fact, second.fact] };
  };

  type Resolved = { part: FactPart; match?: Ranked };
  const resolveOne = (text: string, ranking: Ranking): Resolved => {
    const part = decide(text, ranking);
    return part.fact ? { part, match: ranking.ranked[0] } : { part };
  };

  /** One question; "the latency budget and the peak QPS?" splits when each half has its own fact. */
  const resolvePiece = (text: string, ranking: Ranking): Resolved[] => {
    const whole = resolveOne(text, ranking);
    if (!CONJUNCTION.test(text)) return [whole];
    const halves = text
      .split(CONJUNCTION)
      .map((half) => ({ half: half.trim(), ranking: ranker.rank(half) }))
      .filter((entry) => entry.ranking.terms > 0)
      .map((entry) => resolveOne(entry.half, entry.ranking));
    // Split only when the halves pick exactly the whole question's best facts: "how many users and
    // ads?" stays one question, since one fact holds both counts.
    const best = new Set(ranking.ranked.slice(0, halves.length).map((entry) => entry.fact));
    const split = halves.length > 1 && halves.every(({ part }) => part.fact && best.delete(part.fact));
    return split ? halves : [whole];
  };

  /** The parts of a message, each with the match that decided it when one did. */
  const resolve = (message: string) => {
    const pieces = splitMessage(message)
      .map((piece) => ({ piece, ranking: ranker.rank(piece.text) }))
      .filter(({ ranking }) => ranking.terms > 0);
    // Statements around the questions ("I'd start with a baseline.") are not asked.
    const asked = pieces.some(({ piece }) => piece.asked)
      ? pieces.filter(({ piece }) => piece.asked)
      : pieces;
    const resolved: Resolved[] = [];
    for (const entry of asked.flatMap(({ piece, ranking }) => resolvePiece(piece.text, ranking))) {
      const previous = resolved.at(-1);
      // Two questions answered by one fact get its answer once.
      if (previous?.part.fact && previous.part.fact === entry.part.fact) {
        previous.part.question += ` ${entry.part.question}`;
      } else resolved.push(entry);
    }
    return resolved;
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

const cache = new WeakMap<CaseStudy, FactIndex>();

/** The fact index of a case, built once per loaded case object. */
export function factIndexFor(caseStudy: CaseStudy): FactIndex {
  let index = cache.get(caseStudy);
  if (!index) {
    index = createFactIndex(caseStudy.facts);
    cache.set(caseStudy, index);
  }
  return index;
}
