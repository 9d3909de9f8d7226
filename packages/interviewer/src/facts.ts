import type { CaseStudy, Fact } from '@mlsd/rubric';
import { contentLemmas } from '@mlsd/rubric';
import bm25 from 'wink-bm25-text-search';

export interface FactMatch {
  fact: Fact;
  /** BM25 score. */
  score: number;
  /** Share of the question's content (idf-weighted) that the fact contains, 0..1. */
  coverage: number;
}

export interface FactIndex {
  /** Facts that answer `question`, one per question part, in the order asked; empty when none fits. */
  search(question: string): FactMatch[];
}

export interface FactSearchOptions {
  /** Lowest BM25 score that counts as an answer. */
  minScore?: number;
  /** Lowest idf-weighted share of the question's words that the fact must contain. */
  minCoverage?: number;
  /** Most facts in one answer. */
  limit?: number;
}

/**
 * Tuned on the case files: a distinctive cue word ("latency", "ctr", "gdpr") scores 2.5-6 on its
 * own, a word shared by several facts ("user", "click") stays under 2. Coverage rejects a question
 * whose main word the case does not know ("must the model be interpretable?" only shares "model").
 */
const DEFAULTS: Required<FactSearchOptions> = { minScore: 1.5, minCoverage: 0.5, limit: 3 };

/** Cues are what a question sounds like; the answer text helps with words the cues missed. */
const FIELD_WEIGHTS = { cues: 2, answer: 1 };

/** Words of the asking, not of the subject; they count for neither the question nor a fact. */
const QUESTION_WORDS = new Set(
  'actually also approximately ask assume assumption aware able basically clarify consider constraint detail exactly expect fine generally get handle info information know like long look many mean much need often okay ok possible question really requirement roughly should sort support tell thing type typically kind understand use usually want way wonder'.split(
    ' ',
  ),
);

/** A question with several parts: split before a new interrogative ("..., and what is the latency?"). */
const PART_BREAK =
  /[?;\n]+|,?\s+(?:and|also|plus)\s+(?=(?:what|how|is|are|do|does|did|can|could|should|will|would|when|where|which|who)\b)|,\s+(?=(?:what|how|is|are|do|does|can|could|should|will|when|where|which|who)\b)/i;

/**
 * wink lemmatises by part of speech, so "existing model" keeps "existing" while "existing system."
 * gives "exist", and "monetized" and "monetization" stay apart. A light suffix fold evens these out
 * (a tiny stemmer; the rubric's lemmas stay the project's one normaliser).
 */
export function fold(lemma: string): string {
  let word = lemma;
  const strip = (suffix: string, replacement = '') => {
    if (!word.endsWith(suffix) || word.length - suffix.length < 4) return false;
    word = word.slice(0, -suffix.length) + replacement;
    return true;
  };
  if (!(strip('ization', 'iz') || strip('isation', 'iz') || strip('ation', 'at') || strip('ity'))) {
    if (!strip('ing')) strip('ed');
  }
  if (/([b-df-hj-km-np-rtv-z])\1$/.test(word)) word = word.slice(0, -1);
  if (word.endsWith('e') && word.length > 4) word = word.slice(0, -1);
  return word;
}

/**
 * "How many" is all stop words, yet it is what tells "how many listings?" (the scale fact) from
 * any other question about listings. It is kept as a term joined to the word it counts, so
 * "how many listings" matches that cue and not "how many users".
 */
const ACRONYM_PLURAL = /\b([A-Z]{2,})s\b/g;
const QUANTITY_PREFIX = 'how-many:';
const QUANTITY = /\b(?:how (?:many|much)|number of)\s+([^?.,;!]{1,40})/gi;

/** The prep pipeline of the index and of every question: wink lemmas, question words out, folded. */
function terms(text: string): string[] {
  // wink does not know acronym plurals: "GPUs" would stay "gpus".
  const words = contentLemmas(text.replace(ACRONYM_PLURAL, '$1'))
    .filter((lemma) => !QUESTION_WORDS.has(lemma))
    .map(fold);
  for (const match of text.matchAll(QUANTITY)) {
    const counted = contentLemmas(match[1] ?? '')[0];
    if (counted) words.push(`${QUANTITY_PREFIX}${fold(counted)}`);
  }
  return words;
}

/** wink-bm25 refuses to consolidate fewer than three documents; empty fillers make up the count. */
const MIN_DOCS = 3;
const FILLER_PREFIX = '\u0000filler-';

/** Builds a BM25 index over facts' cues and answers, with wink-nlp lemmas as the prep pipeline. */
export function createFactIndex(facts: readonly Fact[], options: FactSearchOptions = {}): FactIndex {
  const settings = { ...DEFAULTS, ...options };
  if (facts.length === 0) return { search: () => [] };
  const engine = bm25();
  engine.defineConfig({ fldWeights: FIELD_WEIGHTS });
  engine.definePrepTasks([terms]);
  const byId = new Map<string, { fact: Fact; terms: Set<string> }>();
  const docFrequency = new Map<string, number>();
  for (const fact of facts) {
    const doc = { cues: fact.cues.join('. '), answer: fact.answer };
    const factTerms = new Set([...terms(doc.cues), ...terms(doc.answer)]);
    for (const term of factTerms) docFrequency.set(term, (docFrequency.get(term) ?? 0) + 1);
    byId.set(fact.id, { fact, terms: factTerms });
    engine.addDoc(doc, fact.id);
  }
  const totalDocs = Math.max(facts.length, MIN_DOCS);
  for (let filler = facts.length; filler < MIN_DOCS; filler++) {
    engine.addDoc({ cues: '', answer: '' }, `${FILLER_PREFIX}${filler}`);
  }
  engine.consolidate();
  // wink-bm25's idf (k = 1); a word no fact contains weighs most, as if its df were 0.
  const idf = (term: string) => {
    const df = docFrequency.get(term) ?? 0;
    return Math.log((totalDocs - df + 0.5) / (df + 0.5) + 1);
  };

  const bestFor = (part: string): FactMatch | null => {
    const asked = [...new Set(terms(part))];
    const weight = (list: string[]) => list.reduce((sum, term) => sum + idf(term), 0);
    for (const [id, score] of engine.search(part, MIN_DOCS)) {
      const entry = byId.get(id);
      if (!entry || score < settings.minScore) continue;
      // A "how many X" term only counts where a cue has it: "how much traffic" must not lose
      // coverage because no cue says exactly that.
      const counted = asked.filter((term) => !term.startsWith(QUANTITY_PREFIX) || entry.terms.has(term));
      const total = weight(counted);
      const coverage = total === 0 ? 0 : weight(counted.filter((term) => entry.terms.has(term))) / total;
      if (coverage >= settings.minCoverage) return { fact: entry.fact, score, coverage };
    }
    return null;
  };

  return {
    search(question) {
      const matches: FactMatch[] = [];
      for (const part of question.split(PART_BREAK)) {
        const match = part.trim() ? bestFor(part) : null;
        if (match && !matches.some((m) => m.fact.id === match.fact.id)) matches.push(match);
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
