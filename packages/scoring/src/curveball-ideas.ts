import { contentStems } from '@mlsd/rubric/text';
import { contentWords, type Segment, words } from './analyse.ts';
import { FILLER, GENERIC, NEGATION } from './lexicon.ts';
import { polarityOf } from './polarity.ts';

/** One idea of a curveball's `expects` text: a clause, with the words that say it. */
export interface Idea {
  /** The clause as the rubric writes it, for the report. */
  label: string;
  /** Content lemmas outside brackets: how many must be said is counted on these. */
  main: string[];
  /** Lemmas inside brackets (examples, alternatives): they count when said, never against. */
  extra: string[];
  /** The clause itself rejects something ("no imputing of history"), so a rejecting sentence fits it. */
  negated: boolean;
  /** The rubric's plain phrasings of the idea, each as its content lemmas (see `Curveball.plain`). */
  phrases: string[][];
}

/**
 * Words that describe the reaction rather than carry an idea of it ("the candidate adapts rather
 * than restarts"). Together with the matcher's filler and generic words they are dropped.
 */
const META = new Set([
  'candidate',
  'reaction',
  'good',
  'strong',
  'answer',
  'propose',
  'plan',
  'notes',
  'note',
  // What the candidate does with the ideas, not an idea: "traces possible causes", "proposes".
  'trace',
  'propose',
  'explain',
  'analyse',
  'analyze',
  'consider',
  'recognise',
  'recognize',
  'suggest',
  'possible',
  'first',
  'rather',
]);

const ideasMemo = new Map<string, Idea[]>();

/**
 * Splits a curveball's `expects` into its ideas: sentences, then clauses at commas, semicolons,
 * colons and "and". Text in brackets stays with its clause as optional words.
 */
export function curveballIdeas(expects: string, plain: readonly (readonly string[])[] = []): Idea[] {
  const key = plain.length === 0 ? expects : `${expects}\u0000${JSON.stringify(plain)}`;
  const hit = ideasMemo.get(key);
  if (hit) return hit;
  const ideas = splitClauses(expects).flatMap((clause): Idea[] => {
    const outside = clause.replace(/\([^)]*\)/g, ' ');
    const inside = [...clause.matchAll(/\(([^)]*)\)/g)].map((match) => match[1] ?? '').join(' ');
    const main = keep(contentWords(outside));
    if (main.length === 0) return [];
    // Stop words included: "rather than" is a negation wink calls stop words.
    const negated = words(outside).some((word) => NEGATION.has(word.lemma));
    return [{ label: clause, main, extra: keep(contentWords(inside)), negated, phrases: [] }];
  });
  // The rubric's phrasings go with the ideas in order; a count that differs (expects rewritten
  // since) leaves them out rather than pair a phrasing with the wrong idea.
  if (plain.length === ideas.length)
    ideas.forEach((idea, i) => {
      idea.phrases = (plain[i] ?? [])
        .map((phrase) => keep(contentWords(phrase)))
        .filter((lemmas) => lemmas.length > 0);
    });
  ideasMemo.set(key, ideas);
  return ideas;
}

const ballIdeas = new WeakMap<object, Idea[]>();

/**
 * The ideas of a curveball's expected reaction, with its plain phrasings; kept per curveball, since
 * the interviewer asks for them on every message.
 */
export function ideasOf(ball: { expects: string; plain?: readonly (readonly string[])[] }): Idea[] {
  let ideas = ballIdeas.get(ball);
  if (!ideas) {
    ideas = curveballIdeas(ball.expects, ball.plain ?? []);
    ballIdeas.set(ball, ideas);
  }
  return ideas;
}

function keep(lemmas: string[]): string[] {
  const kept = lemmas.filter(
    (lemma) =>
      lemma.length > 1 &&
      !FILLER.has(lemma) &&
      !GENERIC.has(lemma) &&
      !META.has(lemma) &&
      !NEGATION.has(lemma),
  );
  return [...new Set(kept)];
}

/** Clauses at top-level separators only, so "(city, IP)" stays in one clause. */
function splitClauses(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  const push = (end: number) => {
    const clause = text
      .slice(start, end)
      .trim()
      .replace(/^(and|then)\s+/i, '')
      .replace(/[.,;:]+$/, '');
    if (clause) out.push(clause);
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    if (char === ',' || char === ';' || char === ':' || (char === '.' && /\s/.test(text[i + 1] ?? ' '))) {
      push(i);
      start = i + 1;
    } else if (/\s/.test(char ?? '') && /^\s+and\s/i.test(text.slice(i, i + 6))) {
      push(i);
      start = i;
    }
  }
  push(text.length);
  return out;
}

const stemMemo = new Map<string, string>();

/** Porter stem of a lemma, so "scaling" meets "scale"; remembered, since lemmas repeat. */
function stemOf(lemma: string): string {
  let stem = stemMemo.get(lemma);
  if (stem === undefined) {
    stem = contentStems(lemma)[0] ?? lemma;
    stemMemo.set(lemma, stem);
  }
  return stem;
}

/** What a sentence says, as lemmas and stems (plain words also as the technical terms they stand for). */
export interface SaidWords {
  segment: Segment;
  lemmas: Set<string>;
  stems: Set<string>;
}

export function saidWords(segment: Segment): SaidWords {
  const lemmas = new Set(segment.positions.keys());
  return {
    segment,
    lemmas,
    stems: new Set([...lemmas].map(stemOf)),
  };
}

/**
 * A sentence covers an idea when it says at least half of the idea's words (words in brackets
 * count too), or one of the idea's plain phrasings. Words the curveball itself said do not count
 * towards the idea's own words: repeating the question is not a reaction; in a plain phrasing they
 * do, beside at least two words of the candidate's own ("videos drop out" says "video drop" after
 * a curveball about videos). An idea the sentence names only to turn it down ("we must not skip
 * the audit" keeps it; "no need for an audit" turns it down) is not covered, read by the same
 * negation scope as talking points: a "no" elsewhere in the sentence ("new videos have no history,
 * so I'd describe them by their content") does not reach it. An idea that itself rejects
 * something ("no imputing of history") is covered either way.
 */
export function covers(said: SaidWords, idea: Idea, echo: ReadonlySet<string>): boolean {
  const saidAt = (lemma: string) => said.lemmas.has(lemma) || said.stems.has(stemOf(lemma));
  const has = (lemma: string) => !echo.has(lemma) && saidAt(lemma);
  const matched = [...idea.main, ...idea.extra].filter(has);
  if (matched.length < Math.max(1, Math.ceil(idea.main.length / 2))) {
    matched.length = 0;
    // A plain phrasing is said when all its words are, or all but one of three or more (chosen on the
    // read half of the reaction set: plain reactions 22 -> 42% for one more wrong reaction credited).
    for (const phrase of idea.phrases) {
      const all = phrase.filter(saidAt);
      const own = phrase.filter(has).length;
      const fresh = phrase.filter((lemma) => !echo.has(lemma)).length;
      const least = Math.max(PHRASE_LEAST_WORDS, phrase.length - (phrase.length >= 3 ? 1 : 0));
      if (all.length >= least && own >= Math.max(1, Math.min(2, fresh))) {
        matched.push(...all);
        break;
      }
    }
  }
  if (matched.length === 0) return false;
  if (idea.negated) return true;
  return polarityOf(said.segment, positionsOf(said.segment, matched), 'point', false) !== 'rejected';
}

/** Where the matched lemmas sit among the sentence's content words, by stem ("scaling" for "scale"). */
function positionsOf(segment: Segment, lemmas: readonly string[]): number[] {
  const stems = new Set(lemmas.map(stemOf));
  const out = new Set<number>();
  segment.content.forEach((lemma, i) => {
    if (stems.has(stemOf(lemma))) out.add(i);
  });
  // Technical terms stand at the position of the plain word they were read from.
  for (const lemma of lemmas) for (const at of segment.positions.get(lemma) ?? []) out.add(at);
  return [...out];
}

/** Fewest words of a plain phrasing said for it to count: one shared word is chance. */
const PHRASE_LEAST_WORDS = 2;
