/** Schedules a callback for the next frame and cancels it; the browser's requestAnimationFrame by default. */
export interface FrameScheduler {
  request(callback: () => void): unknown;
  cancel(handle: unknown): void;
}

const animationFrames: FrameScheduler = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle as number),
};

/**
 * Gathers items and hands them over at most once per animation frame, so a model streaming
 * dozens of pieces a second costs one render per frame. `flush` hands over at once: call it
 * before anything that must come after the gathered items (the committed turn after its draft).
 */
export class FrameBatcher<T> {
  #pending: T[] = [];
  #handle: unknown = null;
  readonly #deliver: (items: T[]) => void;
  readonly #frames: FrameScheduler;

  constructor(deliver: (items: T[]) => void, frames: FrameScheduler = animationFrames) {
    this.#deliver = deliver;
    this.#frames = frames;
  }

  push(item: T): void {
    this.#pending.push(item);
    if (this.#handle === null) {
      this.#handle = this.#frames.request(() => {
        this.#handle = null;
        this.flush();
      });
    }
  }

  flush(): void {
    if (this.#handle !== null) {
      this.#frames.cancel(this.#handle);
      this.#handle = null;
    }
    if (this.#pending.length === 0) return;
    const items = this.#pending;
    this.#pending = [];
    this.#deliver(items);
  }

  /** Drops what is pending (the page is going away). */
  dispose(): void {
    if (this.#handle !== null) this.#frames.cancel(this.#handle);
    this.#handle = null;
    this.#pending = [];
  }
}
