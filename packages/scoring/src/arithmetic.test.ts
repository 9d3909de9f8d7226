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
    expect(miscalculations('1.25M users x 3KB = 375MB of profiles')).toMatchObject([{ expected: '3.75 GB' }]);
  });

  it('checks a total worked through at a rate, in the duration the candidate names', () => {
    expect(
      miscalculations('We need 480,000 labelled pairs; at 50,000 a month that is about 6 months.'),
    ).toMatchObject([
      { said: '480,000 labelled pairs; at 50,000 a month that is about 6 months', expected: '9.6 months' },
    ]);
    expect(miscalculations('2 million images at 10,000 a day, so 2 weeks of labelling.')).toMatchObject([
      { expected: '28.6 weeks' },
    ]);
    expect(miscalculations('480,000 pairs at 50,000 a month is about 10 months.')).toEqual([]);
    expect(miscalculations('2 million images at 10,000 a day takes 200 days.')).toEqual([]);
  });

  it('lets a rough figure stand, and reads no sum where there is none', () => {
    for (const text of [
      '120 million times 3 KB is about 360 GB.',
      '1.25M users x 3KB = 3.75GB of profiles',
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
