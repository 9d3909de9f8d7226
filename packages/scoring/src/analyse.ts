import { tokenize } from '@mlsd/rubric';
import { type GraderDirectedKind, graderDirected } from './grader-directed.ts';
import {
  COMPARISON,
  CONDITION,
  EXAMPLE,
  MECHANISM,
  NEGATION,
  NUMBER_WORDS,
  PART_STOPS,
  REASON,
} from './lexicon.ts';
import { splitSpans } from './segment.ts';
import { technicalFor } from './synonyms.ts';

/** Kinds of explanation a unit of text shows, as bits. */
export const Cue = {
  reason: 1,
  number: 2,
  comparison: 4,
  mechanism: 8,
  example: 16,
  condition: 32,
  negation: 64,
} as const;

/** One sentence (or line, or clause) of candidate text with what the scorer needs to know about it. */
export interface Segment {
  start: number;
  end: number;
  line: number;
  bullet: boolean;
  /** Content lemmas in order (stop words dropped). */
  content: string[];
  contentSet: Set<string>;
  /**
   * Where each lemma occurs among `content`, including the technical terms plain words stand for
   * ("chance" also sits at its position as "probability"). Used to find rubric signals.
   */
  positions: Map<string, number[]>;
  /** Bit set of `Cue`. */
  cues: number;
  /** List separators (commas, semicolons, slashes) in the raw text. */
  separators: number;
  /** Set when the unit is written at the grader; it then earns nothing. */
  graderDirected: GraderDirectedKind | null;
}

export interface Analysis {
  text: string;
  segments: Segment[];
}

/** A word as the shared normaliser gives it, with hyphenated words split ("cross-encoder"). */
export interface Word {
  lemma: string;
  stop: boolean;
}

/**
 * Lemmas of `text` via @mlsd/rubric's `tokenize`. wink keeps some hyphenated words whole
 * ("cross-encoder") and splits others ("two-tower"); splitting them all makes "cross encoder"
 * and "cross-encoder" the same words on both the rubric side and the candidate side.
 */
export function words(text: string): Word[] {
  const out: Word[] = [];
  for (const token of tokenize(text)) {
    const lemma = token.lemma.replace(/\.+$/, '');
    if (lemma === '') continue;
    if (lemma.length > 2 && /[-/]/.test(lemma) && !/^[\d./-]+$/.test(lemma)) {
      for (const part of lemma.split(/[-/]+/)) {
        if (part) out.push({ lemma: part, stop: token.stop || PART_STOPS.has(part) });
      }
    } else {
      out.push({ lemma, stop: token.stop });
    }
  }
  return out;
}

/** Content lemmas of a short text (a signal, a title), in order. */
export function contentWords(text: string): string[] {
  return words(text)
    .filter((word) => !word.stop)
    .map((word) => word.lemma);
}

/** Splits and reads a candidate text once; every later question about it is answered from this. */
export function analyse(text: string): Analysis {
  const segments: Segment[] = [];
  const lineKinds = new Map<number, GraderDirectedKind | null>();
  for (const span of splitSpans(text)) {
    const raw = text.slice(span.start, span.end);
    const tokens = words(raw);
    if (tokens.length === 0) continue;
    if (!lineKinds.has(span.line)) lineKinds.set(span.line, lineGraderKind(text, span.start));
    const content: string[] = [];
    const positions = new Map<string, number[]>();
    let cues = /\d/.test(raw) || raw.includes('%') ? Cue.number : 0;
    for (const token of tokens) {
      cues |= cueOf(token.lemma);
      if (token.stop) continue;
      const at = content.length;
      content.push(token.lemma);
      for (const lemma of [token.lemma, ...technicalFor(token.lemma)]) {
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
      content,
      contentSet: new Set(content),
      positions,
      cues,
      separators: (raw.match(/[,;/|]|\s\+\s|\s&\s/g) ?? []).length,
      graderDirected: lineKinds.get(span.line) ?? graderDirected(raw),
    });
  }
  return { text, segments };
}

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
