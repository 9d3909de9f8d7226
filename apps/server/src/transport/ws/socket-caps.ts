/** 1013 "try again later": the server is full, not the client at fault (1008 is for the client's own excess). */
export const TRY_AGAIN_LATER = 1013;
export const POLICY_VIOLATION = 1008;

export type Admission = { ok: true; release: () => void } | { ok: false; code: number; reason: string };

/**
 * Counts open sockets per remote address and in total. Each socket holds memory, a heartbeat and
 * (after hello) a seat; without a cap one address could open sockets until the process runs out.
 * Reasons stay under the 123 bytes a close frame allows.
 */
export class SocketCaps {
  readonly #perAddress: number;
  readonly #total: number;
  readonly #byAddress = new Map<string, number>();
  #open = 0;

  constructor(limits: { perAddress: number; total: number }) {
    this.#perAddress = limits.perAddress;
    this.#total = limits.total;
  }

  admit(address: string): Admission {
    const mine = this.#byAddress.get(address) ?? 0;
    if (mine >= this.#perAddress) {
      return {
        ok: false,
        code: POLICY_VIOLATION,
        reason: `at most ${this.#perAddress} open connections from one address; close another tab or window`,
      };
    }
    if (this.#open >= this.#total) {
      return {
        ok: false,
        code: TRY_AGAIN_LATER,
        reason: `the server is full (${this.#total} open connections); try again in a minute`,
      };
    }
    this.#byAddress.set(address, mine + 1);
    this.#open += 1;
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        this.#open -= 1;
        const left = (this.#byAddress.get(address) ?? 1) - 1;
        if (left <= 0) this.#byAddress.delete(address);
        else this.#byAddress.set(address, left);
      },
    };
  }
}
