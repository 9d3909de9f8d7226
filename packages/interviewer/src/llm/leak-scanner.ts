import type { Leak, LeakTables, ScanOptions } from './leak-types.ts';
import { normalWord, WORD_PATTERN } from './leak-types.ts';
import { META_LOOKBACK, MetaSentences } from './meta-sentences.ts';

/** The normal form given to a word that no leak contains (too long, or cut so its start is gone). */
const OTHER_WORD = '\u0000';

interface Word {
  norm: string;
  start: number;
  end: number;
}

/**
 * One streamed reply through the leak guard. Each piece is read once, together with a bounded
 * window of the text before it (enough for a word, a grading phrase or a refusal cut by a chunk
 * boundary), and only the last few words are kept. Text is held back only while its end could
 * still become a leak: a run of words that starts a secret passage, a title or a grading phrase
 * (from its second content word: the stop words and the content word that open it are shown), or a
 * half-written word after such an opening that starts the next content word of one. Text once
 * released is never taken back; after a leak nothing more is released.
 */
export class LeakScanner {
  readonly #tables: LeakTables;
  readonly #allowed: ReadonlySet<string>;
  readonly #meta = new MetaSentences();
  readonly #lookback: number;
  readonly #word = new RegExp(WORD_PATTERN, 'gu');
  /** The last `#lookback` characters before the next piece. */
  #recent = '';
  #end = 0;
  /** The last few complete words. */
  #words: Word[] = [];
  /** A word that reached the end of the text: the next piece may extend it. */
  #open: Word | null = null;
  #checkedEnd = 0;
  /** Text not yet released, in the pieces it came in. */
  #held: string[] = [];
  #released = 0;
  #leak: Leak | null = null;
  #done = false;
  #handled = 0;

  constructor(tables: LeakTables, options: ScanOptions = {}) {
    this.#tables = tables;
    this.#allowed = options.allowedTitles ?? new Set();
    this.#lookback = Math.max(2 * META_LOOKBACK, tables.maxWord + 2);
  }

  /** The leak found so far, or null. */
  get leak(): Leak | null {
    return this.#leak;
  }

  /** Characters read or copied so far, for checking that the cost grows with the reply, not its square. */
  get handled(): number {
    return this.#handled;
  }

  /** Adds a piece of the reply; returns the text that has become safe to show ('' when none). */
  push(piece: string): string {
    if (this.#leak || this.#done || piece === '') return '';
    return this.#advance(piece, false);
  }

  /** The reply ended: returns the rest that is safe to show. */
  finish(): string {
    if (this.#leak || this.#done) return '';
    const rest = this.#advance('', true);
    this.#done = true;
    return rest;
  }

  #advance(piece: string, final: boolean): string {
    const base = this.#end - this.#recent.length;
    const window = this.#recent + piece;
    const previousEnd = this.#end;
    const previousCheckedEnd = this.#checkedEnd;
    this.#handled += window.length;
    if (piece !== '') this.#held.push(piece);
    this.#end += piece.length;
    const wordLeak = this.#readWords(window, base, final);
    if (wordLeak) {
      this.#leak = wordLeak.leak;
      return this.#release(wordLeak.at);
    }
    const meta = this.#meta.advance({
      window,
      base,
      previousEnd,
      checkedEnd: this.#checkedEnd,
      previousCheckedEnd,
      final,
    });
    this.#recent = window.length > this.#lookback ? window.slice(-this.#lookback) : window;
    if (meta.leak) {
      this.#leak = meta.leak;
      return this.#release(meta.at);
    }
    if (final) return this.#release(this.#end);
    return this.#release(Math.min(meta.holdFrom, this.#holdFrom()));
  }

  /** Reads the words that the piece completed; the first leak they make (a secret passage before a title). */
  #readWords(window: string, base: number, final: boolean): { leak: Leak; at: number } | null {
    const open = this.#open;
    const word = this.#word;
    word.lastIndex = Math.max(0, (open?.start ?? this.#checkedEnd) - base);
    let passage: { leak: Leak; at: number } | null = null;
    let title: { leak: Leak; at: number } | null = null;
    this.#open = null;
    for (let match = word.exec(window); match !== null; match = word.exec(window)) {
      let start = base + match.index;
      const end = start + match[0].length;
      // The window starts inside a word too long to keep whole: this is its rest.
      const cut = open !== null && open.start < base && match.index === 0;
      if (cut) start = open.start;
      const norm = cut || end - start > this.#tables.maxWord ? OTHER_WORD : normalWord(match[0]);
      const atEnd = end === this.#end || (end === this.#end - 1 && /['’]/.test(window.at(-1) ?? ''));
      if (!final && atEnd) {
        this.#open = { norm, start, end };
        break;
      }
      this.#words.push({ norm, start, end });
      this.#checkedEnd = end;
      if (this.#words.length > 2 * this.#tables.maxRun) this.#words = this.#words.slice(-this.#tables.maxRun);
      passage ??= this.#passageEndingHere();
      title ??= this.#titleEndingHere();
    }
    return passage ?? title;
  }

  #lastWords(count: number): string {
    let key = '';
    for (let index = this.#words.length - count; index < this.#words.length; index++)
      key += (key === '' ? '' : ' ') + this.#words[index]!.norm;
    return key;
  }

  #passageEndingHere(): { leak: Leak; at: number } | null {
    const length = this.#tables.shingleWords;
    if (this.#words.length < length) return null;
    const key = this.#lastWords(length);
    if (!this.#tables.forbidden.has(key)) return null;
    return { leak: { kind: 'strong-answer', match: key }, at: this.#words.at(-length)!.start };
  }

  #titleEndingHere(): { leak: Leak; at: number } | null {
    for (const length of this.#tables.titleLengths) {
      if (this.#words.length < length) continue;
      const title = this.#tables.titleRuns.get(this.#lastWords(length))?.find((t) => !this.#allowed.has(t));
      if (title) return { leak: { kind: 'title', match: title }, at: this.#words.at(-length)!.start };
    }
    return null;
  }

  /** Where the text that could still become a leak starts (the end when none could). */
  #holdFrom(): number {
    // The last one, two, ... words joined, built once for both lookups below.
    const longest = Math.min(this.#tables.maxRun - 1, this.#words.length);
    const endings: string[] = [];
    for (let length = 1; length <= longest; length++) {
      const word = this.#words[this.#words.length - length]!.norm;
      endings.push(length === 1 ? word : `${word} ${endings[length - 2]}`);
    }
    for (let length = longest; length >= 1; length--) {
      const titles = this.#tables.prefixes.get(endings[length - 1]!);
      if (titles === undefined) continue;
      if (titles === null || titles.some((title) => !this.#allowed.has(title))) {
        return this.#words.at(-length)!.start;
      }
    }
    // A half-written word after the words that open a leak could be its second content word.
    const open = this.#open;
    if (
      open &&
      this.#tables.wordPrefixes.has(open.norm) &&
      endings.some((key) => this.#tables.openers.has(key))
    )
      return open.start;
    return this.#end;
  }

  #release(to: number): string {
    if (to <= this.#released) return '';
    const held = this.#held.join('');
    this.#handled += held.length;
    const cut = to - this.#released;
    const rest = held.slice(cut);
    this.#held = rest === '' ? [] : [rest];
    this.#released = to;
    return held.slice(0, cut);
  }
}
