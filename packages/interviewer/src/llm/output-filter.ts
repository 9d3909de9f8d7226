import type { Leak, LeakGuard, ScanOptions } from './leak-guard.ts';

const THINK = /<think>[\s\S]*?(?:<\/think>|$)/g;
const LABEL = /^\s*(?:\*\*)?(?:interviewer|assistant)(?:\*\*)?\s*:\s*/i;

/**
 * What the candidate may see of a streamed reply: reasoning blocks (`<think>...</think>`, which
 * some local models write inline) and a leading "Interviewer:" label removed, and the last few
 * words held back until the leak guard has cleared them. Text once shown is never taken back;
 * after a leak nothing more is shown and the caller replaces the whole message.
 */
export class OutputFilter {
  #raw = '';
  #shown = 0;
  #leak: Leak | null = null;
  readonly #guard: LeakGuard;
  readonly #options: ScanOptions;

  constructor(guard: LeakGuard, options: ScanOptions = {}) {
    this.#guard = guard;
    this.#options = options;
  }

  /** Adds a streamed piece; returns the text that has become safe to show ('' when none). */
  push(delta: string): string {
    this.#raw += delta;
    return this.#advance(false);
  }

  /** The stream ended: returns the rest that is safe to show, the whole clean text, and any leak. */
  finish(): { rest: string; text: string; leak: Leak | null } {
    const rest = this.#advance(true);
    return { rest, text: visible(this.#raw, true).trim(), leak: this.#leak };
  }

  #advance(final: boolean): string {
    if (this.#leak) return '';
    const text = visible(this.#raw, final);
    const { safeEnd, leak } = this.#guard.scan(text, final, this.#options);
    if (leak) this.#leak = leak;
    if (safeEnd <= this.#shown) return '';
    const piece = text.slice(this.#shown, safeEnd);
    this.#shown = safeEnd;
    return piece;
  }
}

/** The candidate-facing text of a raw reply so far. Mid-stream, a half-written `<think` is held back. */
function visible(raw: string, final: boolean): string {
  let text = raw.replace(THINK, '');
  if (!final) {
    const open = text.lastIndexOf('<');
    if (open >= 0 && '<think>'.startsWith(text.slice(open))) text = text.slice(0, open);
  }
  return text.replace(LABEL, '').trimStart();
}
