import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeWordVectors, encodeWordVectors, meaningStatus, wordVectors } from './word-vectors.ts';

const entries = [
  { word: 'the', vector: [1, 0, 0, 0] },
  { word: 'buy', vector: [0.2, 0.9, 0.1, 0] },
  { word: 'purchase', vector: [0.25, 0.85, 0.05, 0.02] },
  { word: 'auction', vector: [0, -0.1, 0.2, 0.95] },
];

describe('the word-vector table', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps words, frequency ranks and cosine similarity through 8-bit quantisation', () => {
    const table = decodeWordVectors(encodeWordVectors(entries, 2));
    expect(table.size).toBe(4);
    expect(table.dims).toBe(4);
    expect(table.ranked).toBe(2);
    expect(table.row('purchase')).toBe(2);
    expect(table.row('zebra')).toBe(-1);
    const exact = (a: number[], b: number[]) => {
      const dot = a.reduce((sum, x, i) => sum + x * (b[i] ?? 0), 0);
      return dot / Math.hypot(...a) / Math.hypot(...b);
    };
    expect(table.cosine(1, 2)).toBeCloseTo(exact(entries[1]?.vector ?? [], entries[2]?.vector ?? []), 2);
    expect(table.cosine(1, 3)).toBeLessThan(0.2);
    expect(table.cosine(-1, 2)).toBe(0);
    const unit = table.unit(3);
    expect(Math.hypot(...unit)).toBeCloseTo(1, 5);
  });

  it('refuses a file that is not a table or is cut short', () => {
    expect(() => decodeWordVectors(new TextEncoder().encode('hello'))).toThrow(/bad header/);
    const bytes = encodeWordVectors(entries);
    expect(() => decodeWordVectors(bytes.subarray(0, bytes.length - 3))).toThrow(/truncated/);
  });

  it('is read once per path, and a missing table turns meaning off with a reason instead of failing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlsd-vectors-'));
    dirs.push(dir);
    const missing = join(dir, 'absent.bin');
    expect(wordVectors(missing)).toBeNull();
    expect(meaningStatus(missing)).toMatchObject({ available: false, words: 0 });
    expect(meaningStatus(missing).reason).toMatch(/not built.*pnpm build/);

    const broken = join(dir, 'broken.bin');
    writeFileSync(broken, 'not a table');
    expect(wordVectors(broken)).toBeNull();
    expect(meaningStatus(broken).reason).toMatch(/unreadable/);

    const good = join(dir, 'good.bin');
    writeFileSync(good, encodeWordVectors(entries, 2));
    const table = wordVectors(good);
    expect(table?.row('auction')).toBe(3);
    expect(wordVectors(good)).toBe(table);
    expect(meaningStatus(good)).toMatchObject({ available: true, words: 4 });
  });
});
