import {
  bytesOf,
  extractQuantities,
  PERIOD_SECONDS,
  type Period,
  type Quantity,
} from '@mlsd/rubric/quantities';

/**
 * Sums worked out loud and got wrong: "1% of 12.5 million, so 1.25 million more purchases",
 * "120 million times 3 KB is about 36 GB", "480,000 pairs; at 50,000 a month that's about 6
 * months". A back-of-the-envelope figure is meant to be rough, so only a result off by more than
 * half again (either way) counts: the slips that matter are a factor of ten or a lost unit.
 *
 * The figures are the rubric's own reading of quantities (`extractQuantities`: scale words, byte
 * units, counted nouns, periods); this module only reads the operators between three of them.
 */

export interface Miscalculation {
  /** The sum as the candidate wrote it, from its first figure to the result. */
  said: string;
  /** What the figures give, in the candidate's units ("125 thousand", "360 GB", "9.6 months"). */
  expected: string;
  /** How far off the result is: the larger figure over the smaller. */
  ratio: number;
  /** Where the sum starts and ends in the text. */
  start: number;
  end: number;
}

/** How far a result may be from the figures' own before it is wrong (a ratio, either way). */
const TOLERANCE = 1.5;

/** A few words may name what a figure counts before the operator: "42,000 requests each times". */
const LEAD = String.raw`^(?:\s+(?!(?:times|x|of|is|so|divided|over|multiplied)\b)[a-z][a-z-]*){0,2}\s*`;
const TIMES = new RegExp(`${LEAD}(?:times|x|×|\\*|multiplied by)\\s*$`, 'i');
const DIVIDED = new RegExp(`${LEAD}(?:divided by|/|over)\\s*$`, 'i');
const OF = /^\s*of\s*$/i;
/** "480,000 pairs; at 50,000 a month": a total, then the rate it is worked through at. */
const AT_RATE = /^\s*[.,;:]?\s*(?:and\s+)?(?:at|with)\s+(?:a rate of\s+)?$/i;
const GIVES = new RegExp(
  String.raw`${LEAD}(?:is|=|equals|gives(?: us)?|comes to|makes|that'?s|that is|which is|so|,\s*so|so that'?s|→|->|it takes|takes|would take|will take)` +
    String.raw`\s*(?:about|roughly|around|approximately|approx\.?|~|≈|like|maybe|some|only|just)?\s*$`,
  'i',
);

interface Figure {
  value: number;
  bytes: boolean;
  /** A duration ("6 months"): the period it is counted in. */
  period?: Period;
}

function figureOf(quantity: Quantity): Figure {
  const bytes = bytesOf(quantity);
  if (bytes !== undefined) return { value: bytes, bytes: true };
  const duration = durationPeriod(quantity.noun);
  return duration
    ? { value: quantity.value, bytes: false, period: duration }
    : { value: quantity.value, bytes: false };
}

function durationPeriod(noun: string | undefined): Period | undefined {
  return noun !== undefined && Object.hasOwn(PERIOD_SECONDS, noun) ? (noun as Period) : undefined;
}

/** Every sum in `text` whose stated result is off from what its figures give. */
export function miscalculations(text: string): Miscalculation[] {
  // A sum needs three figures; most messages have none, so skip the reading for them.
  if ((text.match(/\d+/g)?.length ?? 0) < 3) return [];
  const quantities = extractQuantities(text).filter((q) => q.low === q.high);
  const out: Miscalculation[] = [];
  for (let i = 0; i + 2 < quantities.length; i++) {
    const [a, b, result] = [quantities[i]!, quantities[i + 1]!, quantities[i + 2]!];
    if (!GIVES.test(text.slice(b.end, result.start))) continue;
    const expected = expectedOf(text.slice(a.end, b.start), a, b, result);
    if (!expected) continue;
    const stated = figureOf(result);
    if (stated.value <= 0 || expected.value <= 0) continue;
    // Bytes on one side only: the sum changed what it counts ("3 KB times 120 million users").
    if (expected.bytes !== stated.bytes) continue;
    const ratio = Math.max(expected.value / stated.value, stated.value / expected.value);
    if (ratio <= TOLERANCE) continue;
    out.push({
      said: text.slice(a.start, result.end),
      expected: spoken(expected),
      ratio,
      start: a.start,
      end: result.end,
    });
    i += 2;
  }
  return out;
}

/** What the two figures give through the operator written between them, or null for no sum. */
function expectedOf(between: string, a: Quantity, b: Quantity, result: Quantity): Figure | null {
  const [x, y] = [figureOf(a), figureOf(b)];
  if (a.kind === 'percent') {
    if (!OF.test(between) || a.value > 100 || b.kind === 'percent') return null;
    return { value: (y.value * a.value) / 100, bytes: y.bytes };
  }
  if (b.kind === 'percent') return null;
  if (TIMES.test(between))
    return x.bytes && y.bytes ? null : { value: x.value * y.value, bytes: x.bytes || y.bytes };
  if (DIVIDED.test(between))
    return y.value === 0 || y.bytes ? null : { value: x.value / y.value, bytes: x.bytes };
  // A total worked through at a rate: 480,000 at 50,000 a month is 9.6 months.
  const stated = figureOf(result);
  if (AT_RATE.test(between) && b.period && stated.period && !a.period && !x.bytes && !y.bytes) {
    const seconds = (x.value / y.value) * PERIOD_SECONDS[b.period];
    return { value: seconds / PERIOD_SECONDS[stated.period], bytes: false, period: stated.period };
  }
  return null;
}

/** "125 thousand", "360 GB", "9.6 months": a figure said back in round words. */
function spoken({ value, bytes, period }: Figure): string {
  const round = (n: number) => String(Number(n.toPrecision(3)));
  if (period) return `${round(value)} ${period}${value === 1 ? '' : 's'}`;
  if (bytes) {
    const power = Math.min(BYTE_NAMES.length - 1, Math.max(0, Math.floor(Math.log10(value) / 3)));
    return `${round(value / 10 ** (power * 3))} ${BYTE_NAMES[power]}`;
  }
  for (const [word, size] of [
    ['trillion', 1e12],
    ['billion', 1e9],
    ['million', 1e6],
    ['thousand', 1e3],
  ] as const)
    if (value >= size) return `${round(value / size)} ${word}`;
  return round(value);
}

const BYTE_NAMES = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
