/**
 * Sums worked out loud and got wrong: "1% of 12.5 million, so 1.25 million more purchases",
 * "120 million times 3 KB is about 36 GB", "480,000 pairs; at 50,000 a month that's about 6
 * months". A back-of-the-envelope figure is meant to be rough, so only a result off by more than
 * half again (either way) counts: the slips that matter are a factor of ten or a lost unit.
 */

export interface Miscalculation {
  /** The sum as the candidate wrote it, from its first figure to the result. */
  said: string;
  /** What the figures give, in the candidate's units ("125 thousand", "360 GB"). */
  expected: string;
  /** How far off the result is: the larger figure over the smaller. */
  ratio: number;
  /** Where the sum starts and ends in the text. */
  start: number;
  end: number;
}

/** How far a result may be from the figures' own before it is wrong (a ratio, either way). */
const TOLERANCE = 1.5;

const SCALE: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  mm: 1e6,
  million: 1e6,
  millions: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  billions: 1e9,
  t: 1e12,
  trillion: 1e12,
};
const BYTES: Record<string, number> = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, pb: 1e15 };
const BYTE_NAMES = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

/** A figure: digits, a scale word or letter, and a byte unit ("3 KB", "12.5 million", "1.25M", "50k"). */
const FIGURE = String.raw`(\d[\d,]*(?:\.\d+)?)\s?(k|thousand|mn|mm|m|million|millions|bn|b|billion|billions|t|trillion)?\b\s?(kb|mb|gb|tb|pb)?\b`;
const ABOUT = String.raw`(?:about|roughly|around|approximately|approx\.?|~|≈|like|maybe|some)?\s*`;
const GIVES = String.raw`\s*(?:is|=|equals|gives(?: us)?|comes to|makes|that'?s|which is|so|,\s*so|so that'?s|→|->)\s*`;

/** What a figure counts, named after it: "42,000 requests", "1,000 candidates each". */
const NOUNS = String.raw`(?:\s+(?!times\b|x\b|of\b|is\b|so\b|divided\b|over\b|multiplied\b)[a-z][a-z-]*){0,3}?`;
const PRODUCT = new RegExp(
  `${FIGURE}${NOUNS}\\s*(?:times|x|×|\\*|multiplied by)\\s*${FIGURE}${NOUNS}${GIVES}${ABOUT}${FIGURE}`,
  'gi',
);
const SHARE = new RegExp(`(\\d+(?:\\.\\d+)?)\\s?%\\s*of\\s*${FIGURE}${GIVES}${ABOUT}${FIGURE}`, 'gi');
const QUOTIENT = new RegExp(
  `${FIGURE}${NOUNS}\\s*(?:divided by|/|over)\\s*${FIGURE}${NOUNS}${GIVES}${ABOUT}${FIGURE}`,
  'gi',
);

interface Figure {
  value: number;
  bytes: boolean;
}

function figure(
  digits: string | undefined,
  scale: string | undefined,
  unit: string | undefined,
): Figure | null {
  if (digits === undefined) return null;
  const base = Number(digits.replace(/,/g, ''));
  if (!Number.isFinite(base)) return null;
  const scaled = base * (scale ? (SCALE[scale.toLowerCase()] ?? 1) : 1);
  const bytes = unit ? BYTES[unit.toLowerCase()] : undefined;
  return { value: bytes === undefined ? scaled : scaled * bytes, bytes: bytes !== undefined };
}

/** Every sum in `text` whose stated result is off from what its figures give. */
export function miscalculations(text: string): Miscalculation[] {
  const out: Miscalculation[] = [];
  const check = (match: RegExpExecArray, expected: Figure, stated: Figure | null) => {
    if (!stated || stated.value <= 0 || expected.value <= 0) return;
    // Bytes on one side only: the sum changed what it counts ("3 KB times 120 million users").
    if (expected.bytes !== stated.bytes) return;
    const ratio = Math.max(expected.value / stated.value, stated.value / expected.value);
    if (ratio <= TOLERANCE) return;
    out.push({
      said: match[0].trim(),
      expected: spoken(expected),
      ratio,
      start: match.index,
      end: match.index + match[0].trimEnd().length,
    });
  };
  for (const m of text.matchAll(PRODUCT)) {
    const a = figure(m[1], m[2], m[3]);
    const b = figure(m[4], m[5], m[6]);
    if (!a || !b || (a.bytes && b.bytes)) continue;
    check(m, { value: a.value * b.value, bytes: a.bytes || b.bytes }, figure(m[7], m[8], m[9]));
  }
  for (const m of text.matchAll(SHARE)) {
    const share = Number(m[1]);
    const of = figure(m[2], m[3], m[4]);
    if (!of || share > 100) continue;
    check(m, { value: (of.value * share) / 100, bytes: of.bytes }, figure(m[5], m[6], m[7]));
  }
  for (const m of text.matchAll(QUOTIENT)) {
    const a = figure(m[1], m[2], m[3]);
    const b = figure(m[4], m[5], m[6]);
    if (!a || !b || b.value === 0 || b.bytes) continue;
    check(m, { value: a.value / b.value, bytes: a.bytes }, figure(m[7], m[8], m[9]));
  }
  return out.sort((x, y) => x.start - y.start);
}

/** "125 thousand", "360 GB", "4.2 million": a figure said back in round words. */
function spoken({ value, bytes }: Figure): string {
  const round = (n: number) => String(Number(n.toPrecision(3)));
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
