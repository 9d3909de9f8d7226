import type { ServerMessage, StepId, TurnDeltaMessage } from '@mlsd/protocol';

/**
 * The drafts of the batch being voiced, as streamed so far: a seat that joins half-way through a
 * model's reply gets them in one frame each, then the rest as it comes.
 */
export class OpenDrafts {
  readonly #drafts = new Map<string, { step: StepId; text: string }>();

  /** Follows a frame on its way to the seats. */
  note(message: ServerMessage): void {
    if (message.type === 'turn_delta') {
      const text = (this.#drafts.get(message.draftId)?.text ?? '') + message.text;
      this.#drafts.set(message.draftId, { step: message.step, text });
    } else if (message.type === 'turn_discard') this.#drafts.delete(message.draftId);
  }

  /** The batch is committed (its turns replace the drafts) or abandoned. */
  clear(): void {
    this.#drafts.clear();
  }

  catchUp(): TurnDeltaMessage[] {
    return [...this.#drafts].map(([draftId, draft]) => ({ type: 'turn_delta', draftId, ...draft }));
  }
}
