/**
 * Runs async jobs one after another, in submission order. A live session and a socket each have
 * one, so a frame or a timer never observes another's half-done work.
 */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();
  #pending = 0;

  run<T>(job: () => T | Promise<T>): Promise<T> {
    this.#pending += 1;
    const result = this.#tail.then(job);
    this.#tail = result
      .catch(() => undefined)
      .finally(() => {
        this.#pending -= 1;
      });
    return result;
  }

  get pending(): number {
    return this.#pending;
  }

  /** Resolves once every job submitted so far has finished. */
  async idle(): Promise<void> {
    while (this.#pending > 0) await this.#tail;
  }
}
