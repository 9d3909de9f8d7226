import { describe, expect, it } from 'vitest';
import { miscalculations } from './arithmetic.ts';

describe('miscalculations: sums worked out loud and got wrong', () => {
  it('finds a product, a share and a quotient off by a power of ten or a lost unit', () => {
    expect(miscalculations('A 1% lift is 1% of 12.5 million, so 1.25 million more purchases.')).toMatchObject(
      [{ said: '1% of 12.5 million, so 1.25 million', expected: '125 thousand' }],
    );
    expect(miscalculations('120 million products times 3 KB is about 36 GB, so one machine.')).toMatchObject([
      { said: '120 million products times 3 KB is about 36 GB', expected: '360 GB' },
    ]);
    expect(
      miscalculations('42,000 requests times 1,000 candidates, so 4.2 million scores a second.'),
    ).toMatchObject([{ expected: '42 million' }]);
    expect(miscalculations('1B / 86400 = 1,160 QPS')).toMatchObject([{ expected: '11.6 thousand' }]);
  });

  it('lets a rough figure stand, and reads no sum where there is none', () => {
    for (const text of [
      '120 million times 3 KB is about 360 GB.',
      '5% of 2 billion is 100 million.',
      '1B / 86400 = 11.6k QPS',
      '42,000 times 1,000 is roughly 40 million.',
      '2 times a day is 14 a week.',
      'We have 10 times more clicks so that is 5 million.',
      '3 x 3 convolutions over the image.',
    ])
      expect(miscalculations(text), text).toEqual([]);
  });
});
