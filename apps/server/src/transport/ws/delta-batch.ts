import type { ServerMessage, TurnDeltaMessage } from '@mlsd/protocol';

/**
 * How long draft text for one socket is gathered into one frame: one animation frame at 60 Hz.
 * A browser paints no faster, a model writes a token every few milliseconds, and 16 ms is well
 * inside the 50 ms token-lag budget.
 */
export const DELTA_TICK_MS = 16;

/**
 * One socket's `turn_delta` frames, coalesced per tick: a delta after a quiet tick goes out at
 * once (the first token is never delayed); deltas within the tick that follows are joined, in
 * order, into one frame sent when it ends. Any other frame flushes first, so a draft's text never
 * arrives after the `turn` or `turn_discard` that closes it.
 */
export class DeltaBatch {
  readonly #write: (message: ServerMessage) => void;
  readonly #tickMs: number;
  #draft: { draftId: string; step: TurnDeltaMessage['step'] } | null = null;
  #texts: string[] = [];
  #tick: NodeJS.Timeout | null = null;

  constructor(write: (message: ServerMessage) => void, tickMs = DELTA_TICK_MS) {
    this.#write = write;
    this.#tickMs = tickMs;
  }

  delta(message: TurnDeltaMessage): void {
    const draft = this.#draft;
    if (draft && (draft.draftId !== message.draftId || draft.step !== message.step)) this.flush();
    if (this.#tick === null) {
      this.#write(message);
      this.#startTick();
      return;
    }
    this.#draft ??= { draftId: message.draftId, step: message.step };
    this.#texts.push(message.text);
  }

  /** Sends the gathered text now. */
  flush(): void {
    const draft = this.#draft;
    if (!draft) return;
    const text = this.#texts.join('');
    this.#draft = null;
    this.#texts = [];
    this.#write({ type: 'turn_delta', draftId: draft.draftId, step: draft.step, text });
  }

  /** The socket closed: nothing more is sent. */
  close(): void {
    if (this.#tick) clearTimeout(this.#tick);
    this.#tick = null;
    this.#draft = null;
    this.#texts = [];
  }

  #startTick(): void {
    // Real time on purpose: this paces the network, not the interview's clock.
    this.#tick = setTimeout(() => {
      this.#tick = null;
      if (this.#draft) {
        this.flush();
        this.#startTick();
      }
    }, this.#tickMs);
  }
}
