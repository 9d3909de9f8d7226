import type { Leak } from './leak-types.ts';

/** Talk about the grading itself; the interviewer never says it, whatever the candidate asks. */
const META =
  /\b(?:rubric|talking points?|strong answer|full marks|grading criteria|scoring criteria|your score|you (?:have )?scored|(?:un)?covered points|checklist of topics)\b/gi;

/** `META` as word sequences, so a phrase cut after its first word ("talking") is held back. */
export const META_PHRASES = [
  'rubric',
  'talking point',
  'talking points',
  'strong answer',
  'full marks',
  'grading criteria',
  'scoring criteria',
  'your score',
  'you scored',
  'you have scored',
  'covered points',
  'uncovered points',
  'checklist of topics',
];

/** A refusal to talk about the grading is what the interviewer should say, not a leak. */
const REFUSAL =
  /\b(?:can(?:not|['’]t)|won['’]t|will not|unable to|not able to|not going to|don['’]t|do not)\s+(?:share|show|reveal|discuss|tell you|give (?:you|out)|disclose|go into|comment on)\b/gi;

const SENTENCE_END = /[.!?](?:\s|$)/g;

/** Longer than any `META` or `REFUSAL` match with single spaces: how far back a scan looks past a chunk boundary. */
export const META_LOOKBACK = 48;

/** A piece of the reply as the scanner hands it over: `window` starts at absolute offset `base`. */
export interface MetaWindow {
  window: string;
  base: number;
  /** Absolute end of the text before this piece arrived. */
  previousEnd: number;
  /** Absolute end of the complete words (a growing last word is not judged yet). */
  checkedEnd: number;
  previousCheckedEnd: number;
  final: boolean;
}

export type MetaVerdict = { leak: Leak; at: number } | { leak: null; holdFrom: number };

/**
 * Finds talk about the grading in a streamed reply, reading each piece once: a mention in a
 * sentence that has not ended yet holds that sentence back (it may still turn into "I can't share
 * the rubric"), a mention in an ended sentence without a refusal is a leak. Sentence starts and
 * refusals are noted as the text passes, so nothing is searched twice.
 */
export class MetaSentences {
  /** Mentions that start before this offset are settled. */
  #resume = 0;
  /** Sentence starts after a boundary at `at` (usable for a mention after `at`), oldest first. */
  #starts: { at: number; start: number }[] = [];
  #firstStart = 0;
  #refusals: { start: number; end: number }[] = [];
  #pending: { start: number; index: number; end: number; match: string } | null = null;

  advance(piece: MetaWindow): MetaVerdict {
    this.#noteBoundaries(piece);
    this.#noteRefusals(piece);
    const pending = this.#pending;
    if (pending) {
      const from = Math.max(pending.index, piece.previousEnd);
      const end = this.#sentenceEnd(piece, from);
      if (end === null) return { leak: null, holdFrom: pending.start };
      this.#pending = null;
      if (!this.#refused(pending.start, end)) return this.#leak(pending.match, pending.index);
      this.#resume = pending.end;
    }
    return this.#scan(piece);
  }

  #scan(piece: MetaWindow): MetaVerdict {
    const { window, base, checkedEnd } = piece;
    // A mention lies within complete words, so only the new ones and a phrase's length before them can hold one.
    const from = Math.max(this.#resume, piece.previousCheckedEnd - META_LOOKBACK, base + (base > 0 ? 1 : 0));
    if (from < checkedEnd) {
      const subject = window.slice(0, checkedEnd - base);
      META.lastIndex = from - base;
      for (let match = META.exec(subject); match !== null; match = META.exec(subject)) {
        const index = base + match.index;
        const start = this.#sentenceStart(index);
        const end = this.#sentenceEnd(piece, index);
        if (end === null) {
          this.#pending = { start, index, end: index + match[0].length, match: match[0] };
          return { leak: null, holdFrom: start };
        }
        if (!this.#refused(start, end)) return this.#leak(match[0], index);
        this.#resume = index + match[0].length;
      }
    }
    this.#forget(checkedEnd - META_LOOKBACK);
    return { leak: null, holdFrom: Number.POSITIVE_INFINITY };
  }

  #leak(match: string, at: number): MetaVerdict {
    return { leak: { kind: 'meta', match }, at };
  }

  /** Where the sentence holding `index` ended ('.', '?' or '!' then a space or the end so far), or null. */
  #sentenceEnd(piece: MetaWindow, index: number): number | null {
    SENTENCE_END.lastIndex = Math.max(0, index - piece.base);
    const found = SENTENCE_END.exec(piece.window);
    if (found) return piece.base + found.index + 1;
    return piece.final ? piece.base + piece.window.length : null;
  }

  /** As before: a sentence starts after ". ", "? ", "! " or a line break. */
  #noteBoundaries({ window, base, previousEnd }: MetaWindow): void {
    for (let at = Math.max(previousEnd, base + 1); at < base + window.length; at++) {
      const char = window[at - base];
      if (char === '\n') this.#starts.push({ at, start: at + 1 });
      else if (char === ' ' && '.?!'.includes(window[at - base - 1] ?? ''))
        this.#starts.push({ at, start: at });
    }
  }

  #sentenceStart(index: number): number {
    let start = this.#firstStart;
    for (const boundary of this.#starts) {
      if (boundary.at >= index) break;
      start = boundary.start;
    }
    return start;
  }

  /** Refusals wholly inside the text so far; one still touching the end may grow, so it waits. */
  #noteRefusals({ window, base, final }: MetaWindow): void {
    const last = this.#refusals.at(-1)?.start ?? -1;
    REFUSAL.lastIndex = base > 0 ? 1 : 0;
    for (let match = REFUSAL.exec(window); match !== null; match = REFUSAL.exec(window)) {
      const start = base + match.index;
      const end = start + match[0].length;
      if (start > last && (final || end < base + window.length)) this.#refusals.push({ start, end });
    }
  }

  #refused(start: number, end: number): boolean {
    return this.#refusals.some((refusal) => refusal.start >= start && refusal.end <= end);
  }

  /** Drops sentence starts and refusals that no later mention can need. */
  #forget(before: number): void {
    while (this.#starts.length > 0 && this.#starts[0]!.at < before)
      this.#firstStart = this.#starts.shift()!.start;
    const start = this.#firstStart;
    this.#refusals = this.#refusals.filter((refusal) => refusal.start >= start);
  }
}
