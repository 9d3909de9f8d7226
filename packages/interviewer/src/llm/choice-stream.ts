/**
 * The frame around a reply that carries its own move: a header naming the option the model chose
 * (`[[move: B]]`), the message, then an optional trailer of what the message covered
 * (`[[seen: p2 "their words"]]`). Only the message is ever shown; see prompts/interviewer-choice.md.
 */

/** Why a header was not taken; the draft is then dropped unseen and the default move voiced. */
export type HeaderProblem = 'missing' | 'malformed' | 'unoffered';

export type HeaderOutcome =
  | { ok: true; label: string }
  | {
      ok: false;
      problem: HeaderProblem;
      /** What the model wrote where the header belongs. */
      written: string;
    };

const THINK = /<think>[\s\S]*?<\/think>/g;
const OPEN_THINK = '<think>';
const HEADER = /^\[\[\s*move\s*:\s*([a-z])\s*\]\]/i;
/** A header is a few characters; this much text without one closing it is not a header. */
const MAX_HEADER_CHARS = 40;
const TRAILER_START = '[[';

/**
 * Reads a streamed reply piece by piece. Nothing passes until the header is complete and names an
 * offered option; after it, the message passes on at once except a `[` that may open the trailer,
 * and from the trailer on nothing passes.
 */
export class ChoiceStream {
  readonly #labels: ReadonlySet<string>;
  #header: HeaderOutcome | null = null;
  /** Text before the header is settled. */
  #lead = '';
  /** A `[` at the end of the message that may start the trailer. */
  #pending = '';
  #trailer: string | null = null;
  /** The message has begun: whitespace between the header and it is dropped until then. */
  #started = false;

  constructor(labels: readonly string[]) {
    this.#labels = new Set(labels);
  }

  /** The header once settled (null while it may still be arriving). */
  get header(): HeaderOutcome | null {
    return this.#header;
  }

  /** Adds a raw piece of the model's reply; returns message text that may go on ('' when none). */
  push(raw: string): string {
    if (this.#header === null) {
      this.#lead += raw;
      const settled = this.#settle(false);
      return settled === null ? '' : this.#body(settled);
    }
    return this.#header.ok ? this.#body(raw) : '';
  }

  /** The reply ended: the message text still held, and the trailer as written ('' when none). */
  finish(): { rest: string; trailer: string } {
    let rest = '';
    if (this.#header === null) {
      const settled = this.#settle(true);
      if (settled !== null) rest = this.#body(settled);
    }
    if (this.#header?.ok && this.#trailer === null) {
      rest += this.#pending;
      this.#pending = '';
    }
    return { rest, trailer: this.#trailer ?? '' };
  }

  /** Decides the header when it can; returns the message text after it, or null while undecided. */
  #settle(final: boolean): string | null {
    // Reasoning models may think before they write anything: complete blocks are skipped.
    const lead = this.#lead.replace(THINK, '').trimStart();
    if (lead.includes(OPEN_THINK) && !final) return null;
    const match = HEADER.exec(lead);
    if (match) {
      const label = match[1]!.toUpperCase();
      this.#header = this.#labels.has(label)
        ? { ok: true, label }
        : { ok: false, problem: 'unoffered', written: match[0] };
      return this.#header.ok ? lead.slice(match[0].length) : null;
    }
    const written = lead.slice(0, MAX_HEADER_CHARS);
    if (lead === '' && !final) return null;
    if (!'[['.startsWith(lead.slice(0, 2))) {
      this.#header = { ok: false, problem: 'missing', written };
    } else if (final || lead.includes(']]') || lead.includes('\n') || lead.length > MAX_HEADER_CHARS) {
      this.#header = { ok: false, problem: lead === '' ? 'missing' : 'malformed', written };
    }
    return null;
  }

  #body(piece: string): string {
    if (this.#trailer !== null) {
      this.#trailer += piece;
      return '';
    }
    const text = this.#started ? piece : piece.trimStart();
    if (text === '') return '';
    this.#started = true;
    const all = this.#pending + text;
    this.#pending = '';
    const start = all.indexOf(TRAILER_START);
    if (start >= 0) {
      this.#trailer = all.slice(start);
      return all.slice(0, start);
    }
    if (all.endsWith('[')) {
      this.#pending = '[';
      return all.slice(0, -1);
    }
    return all;
  }
}

/** One `[[seen: pN "quote"]]` entry of a trailer. */
export interface SeenEntry {
  label: string;
  quote: string;
}

const SEEN = /\[\[\s*seen\s*:\s*(p\d+)\s*[:,-]?\s*["“]([^"”\]]+)["”]\s*\]\]/gi;

/** The entries of a trailer; anything else in it is ignored. */
export function parseSeen(trailer: string): SeenEntry[] {
  return [...trailer.matchAll(SEEN)].map((match) => ({
    label: match[1]!.toLowerCase(),
    quote: match[2]!,
  }));
}
