import type { Leak, LeakGuard, ScanOptions } from './leak-guard.ts';
import type { LeakScanner } from './leak-scanner.ts';
import { ReplyText } from './reply-text.ts';

const THINK = /<think>[\s\S]*?(?:<\/think>|$)/g;
const LABEL = /^\s*(?:\*\*)?(?:interviewer|assistant)(?:\*\*)?\s*:\s*/i;

/**
 * What the candidate may see of a streamed reply: reasoning blocks and a leading "Interviewer:"
 * label removed (`ReplyText`), then held back only while the leak guard says its end could still
 * become a leak. Each piece is read once. Text once shown is never taken back; after a leak
 * nothing more is shown and the caller replaces the whole message.
 */
export class OutputFilter {
  #raw = '';
  readonly #text = new ReplyText();
  readonly #scanner: LeakScanner;

  constructor(guard: LeakGuard, options: ScanOptions = {}) {
    this.#scanner = guard.stream(options);
  }

  /** Characters the guard has read or copied so far (the cost of the stream). */
  get handled(): number {
    return this.#scanner.handled;
  }

  /** Adds a streamed piece; returns the text that has become safe to show ('' when none). */
  push(delta: string): string {
    this.#raw += delta;
    return this.#scanner.push(this.#text.push(delta));
  }

  /** The stream ended: returns the rest that is safe to show, the whole clean text, and any leak. */
  finish(): { rest: string; text: string; leak: Leak | null } {
    const rest = this.#scanner.push(this.#text.finish()) + this.#scanner.finish();
    return { rest, text: cleanText(this.#raw), leak: this.#scanner.leak };
  }
}

/** The whole reply without reasoning blocks or a leading label, read once at the end. */
function cleanText(raw: string): string {
  return raw.replace(THINK, '').replace(LABEL, '').trim();
}
