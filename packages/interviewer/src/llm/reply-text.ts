const OPEN = '<think>';
const CLOSE = '</think>';
const LABEL = /^\s*(?:\*\*)?(?:interviewer|assistant)(?:\*\*)?\s*:\s*/i;
/** What a leading label may look like before it is complete (spaces before the colon are allowed). */
const LABELS = ['interviewer', 'assistant'].flatMap((name) => [
  `${name}:`,
  `${name}**:`,
  `**${name}:`,
  `**${name}**:`,
]);

/**
 * The candidate-facing text of a streamed reply, piece by piece: reasoning blocks
 * (`<think>...</think>`, which some local models write inline) and a leading "Interviewer:" label
 * removed, leading whitespace dropped. Only a possible half-written tag or label is held back, so
 * each piece is read once.
 */
export class ReplyText {
  #thinking = false;
  /** The end of the text so far that may be the start of a tag. */
  #tail = '';
  /** Text before the label question is settled (leading whitespace already dropped). */
  #lead = '';
  #labelSettled = false;
  #started = false;

  /** Adds raw model text; returns the new visible text. */
  push(raw: string): string {
    return this.#afterLabel(this.#strip(this.#tail + raw), false);
  }

  /** The stream ended: the visible text still held back. */
  finish(): string {
    const rest = this.#thinking ? '' : this.#tail;
    this.#tail = '';
    return this.#afterLabel(rest, true);
  }

  #strip(text: string): string {
    let out = '';
    let rest = text;
    for (;;) {
      if (this.#thinking) {
        const close = rest.indexOf(CLOSE);
        if (close < 0) {
          this.#tail = rest.slice(-(CLOSE.length - 1));
          return out;
        }
        rest = rest.slice(close + CLOSE.length);
        this.#thinking = false;
        continue;
      }
      const open = rest.indexOf(OPEN);
      if (open >= 0) {
        out += rest.slice(0, open);
        rest = rest.slice(open + OPEN.length);
        this.#thinking = true;
        continue;
      }
      const lt = rest.lastIndexOf('<');
      const partial = lt >= 0 && OPEN.startsWith(rest.slice(lt));
      this.#tail = partial ? rest.slice(lt) : '';
      return out + (partial ? rest.slice(0, lt) : rest);
    }
  }

  #afterLabel(text: string, final: boolean): string {
    if (this.#started) return text;
    this.#lead = (this.#lead + text).trimStart();
    if (this.#lead === '') return '';
    if (!this.#labelSettled) {
      const label = LABEL.exec(this.#lead);
      if (label) this.#lead = this.#lead.slice(label[0].length).trimStart();
      else if (!final && mayBecomeLabel(this.#lead)) return '';
      this.#labelSettled = true;
      if (this.#lead === '') return '';
    }
    this.#started = true;
    const shown = this.#lead;
    this.#lead = '';
    return shown;
  }
}

function mayBecomeLabel(lead: string): boolean {
  const text = lead.toLowerCase();
  const trimmed = text.trimEnd();
  if (trimmed !== text && !/(?:interviewer|assistant)(?:\*\*)?$/.test(trimmed)) return false;
  return LABELS.some((label) => label.startsWith(trimmed) || label.replace(':', '').startsWith(trimmed));
}
