/** mulberry32: a small, fast, well-mixed 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generator for one interviewer turn: the same seed and turn always give the same choices. */
export function turnRng(seed: number, turnIndex: number): () => number {
  // Mix the two numbers so neighbouring seeds and turns do not give correlated streams.
  const mixed = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(turnIndex + 1, 0xc2b2ae35);
  return mulberry32(mixed);
}

/** Picks one of `options`; never `avoid` when another option exists (no word-for-word repeats). */
export function pick<T>(rng: () => number, options: readonly T[], avoid?: (option: T) => boolean): T {
  if (options.length === 0) throw new Error('pick needs at least one option');
  const start = Math.floor(rng() * options.length);
  for (let offset = 0; offset < options.length; offset++) {
    const option = options[(start + offset) % options.length] as T;
    if (!avoid?.(option)) return option;
  }
  return options[start] as T;
}
