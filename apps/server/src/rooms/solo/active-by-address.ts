/**
 * Running interviews per address as every instance counts them (`SharedActiveCounts` in
 * @mlsd/cluster, when instances share rooms): `here` is this instance's count with the new one.
 */
export interface SharedActiveCount {
  admit(address: string, here: number, max: number): Promise<{ ok: boolean; count: number }>;
}

/**
 * Which address created which running solo interview, so one address cannot start thousands. Kept
 * in memory on purpose: after a restart the resumed interviews count for nobody, which only ever
 * lets a person start more, never fewer.
 */
export class ActiveByAddress {
  readonly #byRoom = new Map<string, string>();

  constructor(
    readonly max: number,
    /** Whether a room still runs (it leaves the count when it ends). */
    private readonly running: (roomId: string) => boolean,
  ) {}

  /** Interviews `address` runs now; ended ones are forgotten on the way. */
  count(address: string): number {
    let n = 0;
    for (const [roomId, owner] of this.#byRoom) {
      if (!this.running(roomId)) this.#byRoom.delete(roomId);
      else if (owner === address) n += 1;
    }
    return n;
  }

  add(roomId: string, address: string): void {
    this.#byRoom.set(roomId, address);
  }

  /** Interviews each address runs now (what this instance tells the others it counts). */
  counts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const [roomId, owner] of this.#byRoom) {
      if (!this.running(roomId)) this.#byRoom.delete(roomId);
      else counts.set(owner, (counts.get(owner) ?? 0) + 1);
    }
    return counts;
  }
}
