import { ClusterError } from './errors.ts';

/** One committed room event as it travels between instances. */
export interface FanoutEvent {
  seq: number;
  /** The event as JSON, exactly as the owner committed it. */
  payload: string;
}

export interface SubscribeOptions {
  /** The last seq this subscriber already has (0 for none): delivery starts at after + 1. */
  after: number;
  /** Called with every event in seq order, each seq exactly once, never a gap. */
  onEvent: (event: FanoutEvent) => void;
  /** Reads events with after < seq < before from the database when the stream no longer has them. */
  readMissing?: (roomId: string, after: number, before: number) => Promise<FanoutEvent[]>;
  /** Called once when delivery cannot go on in order (FANOUT_GAP); the subscription is then closed. */
  onError?: (error: ClusterError) => void;
}

export interface FanoutSubscription {
  /** The last seq delivered. */
  readonly lastSeq: number;
  close(): void;
}

/** One subscriber: batches are applied one after another, so a slow catch-up never reorders events. */
export class Subscription implements FanoutSubscription {
  #last: number;
  #closed = false;
  #chain: Promise<void> = Promise.resolve();

  constructor(
    readonly roomId: string,
    readonly options: SubscribeOptions,
    readonly detach: () => void,
  ) {
    this.#last = options.after;
  }

  get lastSeq(): number {
    return this.#last;
  }

  enqueue(batch: () => Promise<FanoutEvent[]>): void {
    this.#chain = this.#chain.then(async () => {
      if (this.#closed) return;
      try {
        await this.#apply(await batch());
      } catch (error) {
        this.#fail(
          error instanceof ClusterError
            ? error
            : new ClusterError('FANOUT_GAP', `room ${this.roomId}: ${(error as Error).message}`),
        );
      }
    });
  }

  async #apply(events: FanoutEvent[]): Promise<void> {
    for (const event of events) {
      if (this.#closed) return;
      if (event.seq <= this.#last) continue;
      if (event.seq > this.#last + 1) await this.#fill(event.seq);
      if (this.#closed) return;
      this.#deliver(event);
    }
  }

  /** Events after #last and before `before` that the stream did not carry (trimmed, or never published). */
  async #fill(before: number): Promise<void> {
    const missing = this.options.readMissing
      ? await this.options.readMissing(this.roomId, this.#last, before)
      : [];
    for (const event of [...missing].sort((a, b) => a.seq - b.seq)) {
      if (event.seq > this.#last && event.seq < before && event.seq === this.#last + 1) this.#deliver(event);
    }
    if (this.#last + 1 !== before) {
      throw new ClusterError(
        'FANOUT_GAP',
        `room ${this.roomId}: events ${this.#last + 1}..${before - 1} are neither in the stream nor readable`,
      );
    }
  }

  #deliver(event: FanoutEvent): void {
    this.#last = event.seq;
    this.options.onEvent(event);
  }

  #fail(error: ClusterError): void {
    if (this.#closed) return;
    this.close();
    this.options.onError?.(error);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.detach();
  }
}
