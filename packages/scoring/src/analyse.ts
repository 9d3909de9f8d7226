import type { Analysis, Segment } from './analysis-types.ts';
import type { CompiledRubric } from './compiled-types.ts';
import { familyKey } from './families.ts';
import { type GraderDirectedKind, graderDirected } from './grader-directed.ts';
import { COMPARISON, CONDITION, EXAMPLE, MECHANISM, NEGATION, NUMBER_WORDS, REASON } from './lexicon.ts';
import { splitSpans } from './segment.ts';
import { technicalFor } from './synonyms.ts';
import { clauseTokens, contentWords } from './words.ts';

export type { Analysis, Segment } from './analysis-types.ts';
export { contentWords, type Token, type Word, words } from './words.ts';

/** Kinds of explanation a unit of text shows, as bits. */
export const Cue = {
  reason: 1,
  number: 2,
  comparison: 4,
  mechanism: 8,
  example: 16,
  condition: 32,
  negation: 64,
  /**
   * A reason written as notation: an arrow of consequence ("shared auctions -> user split leaks"), an
   * equation between words ("cancelled orders = selection bias") or a tag in brackets after a choice
   * ("PQ (memory)", "2-week tests (novelty)"). Terse notes give their reasons this way instead of
   * "because".
   */
  notation: 128,
} as const;

/** An arrow or an equals sign between two words, or a bracketed tag of a few words (not a plural "(s)"). */
const NOTATION = /\S\s*(?:->|=>|→|⇒)\s*\S|[a-z)]\s+=\s+[a-z(]|\w\s*\((?!e\.?g\b|i\.?e\b)[^()]{3,40}\)/i;

/** Splits and reads a candidate text once; every later question about it is answered from this. */
export function analyse(text: string): Analysis {
  const segments: Segment[] = [];
  const lineKinds = new Map<number, GraderDirectedKind | null>();
  for (const span of splitSpans(text)) {
    const raw = text.slice(span.start, span.end);
    const tokens = clauseTokens(raw);
    if (tokens.length === 0) continue;
    if (!lineKinds.has(span.line)) lineKinds.set(span.line, lineGraderKind(text, span.start));
    const content: string[] = [];
    const contentAt: number[] = [];
    const positions = new Map<string, number[]>();
    let cues = /\d/.test(raw) || raw.includes('%') ? Cue.number : 0;
    // Diagram lines are read apart: an edge between two boxes is not a reason.
    if (!span.diagram && NOTATION.test(raw)) cues |= Cue.notation;
    for (const [index, token] of tokens.entries()) {
      cues |= cueOf(token.lemma);
      if (token.stop) continue;
      const at = content.length;
      content.push(token.lemma);
      contentAt.push(index);
      // The word's family key too ("invites" also meets "invitation"): see families.ts.
      const family = familyKey(token.lemma);
      for (const lemma of [token.lemma, ...technicalFor(token.lemma), ...(family ? [family] : [])]) {
        const list = positions.get(lemma);
        if (list) list.push(at);
        else positions.set(lemma, [at]);
      }
    }
    segments.push({
      start: span.start,
      end: span.end,
      line: span.line,
      bullet: span.bullet,
      question: span.question,
      proposed: span.proposed,
      diagram: span.diagram,
      hypothetical: HYPOTHETICAL.test(raw),
      tokens,
      contentAt,
      content,
      contentSet: new Set(content),
      positions,
      cues,
      // A pipe separates list items only between spaces: `-->|label|` in a diagram is an arrow label.
      separators: (raw.match(/[,;/]|\s[|+&]\s/g) ?? []).length,
      ...noteItems(raw),
      graderDirected: lineKinds.get(span.line) ?? graderDirected(raw),
    });
  }
  return { text, segments };
}

/** A figure, an arrow, a comparison or an approximation: what makes an item of a note specific. */
const SPECIFIC_ITEM = /\d|->|=>|→|[<>=~@%]/;

function noteItems(raw: string): { items: number; specificItems: number } {
  const items = raw.split(/[,;]/).filter((item) => item.trim() !== '');
  return { items: items.length, specificItems: items.filter((item) => SPECIFIC_ITEM.test(item)).length };
}

/** A past-tense condition is counterfactual: "if we had labels", "if the data were balanced". */
const HYPOTHETICAL = /\b(?:if|unless|suppose|supposing)\b[^.;:?!]{0,60}?\b(?:had|were)\b/i;

/** Longest line a tick or a score taints as a whole; longer lines are judged sentence by sentence. */
const SHORT_LINE = 300;

/** A short line with a tick or a score in it is a checklist or score block as a whole. */
function lineGraderKind(text: string, at: number): GraderDirectedKind | null {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const found = text.indexOf('\n', at);
  const lineEnd = found === -1 ? text.length : found;
  if (lineEnd - lineStart > SHORT_LINE) return null;
  const kind = graderDirected(text.slice(lineStart, lineEnd));
  return kind === 'checklist' || kind === 'score-block' ? kind : null;
}

function cueOf(lemma: string): number {
  let cues = 0;
  if (REASON.has(lemma)) cues |= Cue.reason;
  if (COMPARISON.has(lemma)) cues |= Cue.comparison;
  if (MECHANISM.has(lemma)) cues |= Cue.mechanism;
  if (EXAMPLE.has(lemma)) cues |= Cue.example;
  if (CONDITION.has(lemma)) cues |= Cue.condition;
  if (NEGATION.has(lemma)) cues |= Cue.negation;
  if (NUMBER_WORDS.has(lemma)) cues |= Cue.number;
  return cues;
}

const NO_PROMPT: Set<string> = new Set();

/** Results keyed by (text analysis, rubric, prompt), held only as long as all three are alive. */
export class AnalysisMemo<V> {
  readonly #entries = new WeakMap<Analysis, WeakMap<CompiledRubric, WeakMap<Set<string>, V>>>();

  get(analysis: Analysis, rubric: CompiledRubric, prompt: Set<string> | null, compute: () => V): V {
    let byRubric = this.#entries.get(analysis);
    if (!byRubric) {
      byRubric = new WeakMap();
      this.#entries.set(analysis, byRubric);
    }
    let byPrompt = byRubric.get(rubric);
    if (!byPrompt) {
      byPrompt = new WeakMap();
      byRubric.set(rubric, byPrompt);
    }
    const key = prompt ?? NO_PROMPT;
    let value = byPrompt.get(key);
    if (value === undefined) {
      value = compute();
      byPrompt.set(key, value);
    }
    return value;
  }
}

/**
 * Remembers analyses by text, so a live session re-reading all candidate turns after every
 * message only tokenises the new one. Bounded; the oldest entries go first.
 */
export class AnalysisCache {
  readonly #analyses = new Map<string, Analysis>();
  readonly #lemmaSets = new Map<string, Set<string>>();
  readonly #max: number;

  constructor(maxEntries = 2000) {
    this.#max = maxEntries;
  }

  analysis(text: string): Analysis {
    return remember(this.#analyses, text, this.#max, () => analyse(text));
  }

  /** Content lemmas of an interviewer turn (for echo and probe checks). */
  lemmaSet(text: string): Set<string> {
    return remember(this.#lemmaSets, text, this.#max, () => new Set(contentWords(text)));
  }
}

function remember<T>(map: Map<string, T>, key: string, max: number, make: () => T): T {
  const hit = map.get(key);
  if (hit !== undefined) {
    map.delete(key);
    map.set(key, hit);
    return hit;
  }
  const value = make();
  map.set(key, value);
  if (map.size > max) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
  return value;
}
