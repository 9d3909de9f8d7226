import { describe, expect, it } from 'vitest';
import { dotKernel } from './dot-kernel.ts';
import { wordVectors } from './word-vectors.ts';

/** The loop the kernel replaces: float32 components widened to float64, summed in order. */
function dotsInJs(units: Float32Array, dims: number, query: Float32Array): Float64Array {
  const out = new Float64Array(units.length / dims);
  for (let k = 0; k < out.length; k++) {
    let dot = 0;
    for (let d = 0; d < dims; d++) dot += query[d]! * units[k * dims + d]!;
    out[k] = dot;
  }
  return out;
}

/** A repeatable stream of numbers in [-0.5, 0.5). */
function numbers(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31 - 0.5;
  };
}

describe('the dot-product kernel', () => {
  it('gives bit for bit what the JavaScript loop gives, on random vectors', () => {
    const next = numbers(7);
    const dims = 100;
    const units = Float32Array.from({ length: dims * 300 }, next);
    const kernel = dotKernel(units, dims);
    for (let i = 0; i < 20; i++) {
      const query = Float32Array.from({ length: dims }, next);
      expect([...kernel.dots(query)]).toEqual([...dotsInJs(units, dims, query)]);
    }
  });

  it('gives what the loop gives for any number of vectors, not only multiples of four', () => {
    const next = numbers(11);
    const dims = 8;
    for (const count of [1, 2, 3, 5, 6, 7, 301]) {
      const units = Float32Array.from({ length: dims * count }, next);
      const kernel = dotKernel(units, dims);
      const query = Float32Array.from({ length: dims }, next);
      const dots = kernel.dots(query);
      expect(dots.length).toBe(count);
      expect([...dots]).toEqual([...dotsInJs(units, dims, query)]);
    }
  });

  const vectors = wordVectors();
  it.skipIf(!vectors)('gives what the loop gives on the word-vector table, across memory growth', () => {
    if (!vectors) throw new Error('unreachable: skipped without the table');
    // 2,000 rows need more than the kernel's first 64 KiB page.
    const rows = Array.from({ length: 2_000 }, (_, i) => vectors.unit(300 + i * 7));
    const units = new Float32Array(rows.length * vectors.dims);
    for (const [i, row] of rows.entries()) units.set(row, i * vectors.dims);
    const kernel = dotKernel(units, vectors.dims);
    for (const row of [300, 1_234, 9_999]) {
      const query = vectors.unit(row);
      const dots = kernel.dots(query);
      expect(dots.length).toBe(rows.length);
      expect([...dots]).toEqual([...dotsInJs(units, vectors.dims, query)]);
    }
  });

  it('refuses vectors whose length is not a multiple of four', () => {
    expect(() => dotKernel(new Float32Array(10), 5)).toThrow(/multiple of 4/);
  });
});
