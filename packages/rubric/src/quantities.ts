import { contentLemmas } from './text.ts';

/**
 * Quantities stated in English prose, for the arithmetic checks of `arithmetic.ts`: "5 billion ad
 * impressions a day", "peaks at 150,000 per second", "0.08% of transactions", "a few thousand
 * images/s per GPU". Each comes with what it counts (the noun after the number, as a lemma), its
 * rate period and its role (a peak, an average, a bound, a per-entity figure).
 */

export type Period = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

/** Seconds per period (a month is a twelfth of a year). */
export const PERIOD_SECONDS: Record<Period, number> = {
  second: 1,
  minute: 60,
  hour: 3_600,
  day: 86_400,
  week: 604_800,
  month: 2_629_800,
  year: 31_557_600,
};

/** A number stated in a text, with what it counts and over which period. */
export interface Quantity {
  /** Point value (the middle of a range); percentages are in percent (0.08 for "0.08%"). */
  value: number;
  low: number;
  high: number;
  /** "about", "roughly", "a few thousand"... */
  approx: boolean;
  kind: 'count' | 'percent' | 'money';
  /** The source words: number, counted noun and period ("5 billion ad impressions a day"). */
  text: string;
  start: number;
  end: number;
  /** Sentence index within the text. */
  sentence: number;
  /** Lemma of the counted noun (the head of the noun phrase after the number), if any. */
  noun?: string;
  /** Lemmas of every word of the noun phrase ("panorama archive" -> panorama, archive). */
  nouns: string[];
  /** The noun was taken from an earlier quantity of the sentence ("300 per second, peaking at 1,500"). */
  inherited: boolean;
  period?: Period;
  /** "... per GPU": a throughput of one GPU. */
  perGpu: boolean;
  /** "120 tiles per panorama": the lemma after "per" when it is no time period. */
  perUnit?: string;
  /** "each", "per", "median", "typical" just before: a per-entity figure, not a total. */
  each: boolean;
  /** "fewer than 500", "up to 90,000": a bound rather than a stated amount. */
  bound: boolean;
  /** A measurement (ms, minutes, pixels, GPU-hours...), not a count of things. */
  measure: boolean;
  role?: 'peak' | 'average';
  /** Percentages: the lemma of what they are a share of ("0.08% of transactions"). */
  ofNoun?: string;
  /** "impression-to-registration is 0.3%": the lemma of what the share turns into. */
  toNoun?: string;
  /** "2% of 10 million users": the index (in the same list) of the stated total. */
  ofIndex?: number;
}

type Token = {
  kind: 'num' | 'word' | 'punct';
  text: string;
  lower: string;
  start: number;
  end: number;
  sentence: number;
  money?: boolean;
  percent?: boolean;
  suffix?: string;
};

/** A lookup table without a prototype, so "constructor" is no number word. */
function table<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

const TOKEN_RE =
  /(\$)?(\d+(?:,\d{3})*(?:\.\d+)?)(%)?([A-Za-z]+)?|([A-Za-z][A-Za-z0-9'’]*(?:-[A-Za-z0-9]+)*)|([.!?;:,()"“”/~–-])/g;

/** Byte sizes written onto the digits ("3KB", "3.75GB"); a bare "B" is a billion. */
const BYTE_UNIT = /^[kmgtp]b$/i;

function tokens(text: string): Token[] {
  const out: Token[] = [];
  let sentence = 0;
  for (const match of text.matchAll(TOKEN_RE)) {
    const start = match.index ?? 0;
    const raw = match[0];
    const kind = match[2] !== undefined ? 'num' : match[5] !== undefined ? 'word' : 'punct';
    const byteUnit = kind === 'num' && match[4] !== undefined && BYTE_UNIT.test(match[4]);
    if (byteUnit) {
      // "3KB" reads as "3 KB": the unit is the counted noun, not a scale like "3k".
      const unitAt = start + raw.length - match[4]!.length;
      const digits = raw.slice(0, raw.length - match[4]!.length);
      const word = match[4]!;
      out.push({
        kind,
        text: digits,
        lower: digits,
        start,
        end: unitAt,
        sentence,
        money: match[1] !== undefined,
        percent: false,
      });
      out.push({
        kind: 'word',
        text: word,
        lower: word.toLowerCase(),
        start: unitAt,
        end: unitAt + word.length,
        sentence,
      });
      continue;
    }
    out.push({
      kind,
      text: raw,
      lower: raw.toLowerCase(),
      start,
      end: start + raw.length,
      sentence,
      money: match[1] !== undefined,
      percent: match[3] !== undefined,
      suffix: match[4],
    });
    if (kind === 'punct') {
      // A sentence ends at . ! ? followed by a space (so "0.5" and "e.g.x" do not split).
      if (/[.!?]/.test(raw) && /^\s/.test(text.slice(start + 1, start + 2) || ' ')) sentence++;
    }
  }
  return out;
}

const MULTIPLIERS: Record<string, number> = table({
  hundred: 1e2,
  thousand: 1e3,
  thousands: 1e3,
  million: 1e6,
  millions: 1e6,
  billion: 1e9,
  billions: 1e9,
  trillion: 1e12,
  bn: 1e9,
});
const SUFFIXES: Record<string, number> = table({ k: 1e3, K: 1e3, M: 1e6, B: 1e9, bn: 1e9 });
const WORD_NUMBERS: Record<string, number> = table({
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  twenty: 20,
  fifty: 50,
  hundred: 100,
});
/** "a few thousand" and friends, as ranges of the multiplier. */
const VAGUE: Record<string, [number, number]> = table({
  few: [2, 9],
  several: [3, 9],
  tens: [10, 90],
  hundreds: [100, 900],
});

const UNIT_WORDS: Record<string, Period> = table({
  s: 'second',
  sec: 'second',
  secs: 'second',
  second: 'second',
  min: 'minute',
  minute: 'minute',
  h: 'hour',
  hr: 'hour',
  hour: 'hour',
  d: 'day',
  day: 'day',
  wk: 'week',
  week: 'week',
  mo: 'month',
  month: 'month',
  yr: 'year',
  year: 'year',
});
const ADVERB_PERIODS: Record<string, Period> = table({
  hourly: 'hour',
  daily: 'day',
  nightly: 'day',
  weekly: 'week',
  monthly: 'month',
  yearly: 'year',
  annually: 'year',
});
/** Words that can start a number: "a million", "three million", "a few thousand", "tens of millions". */
const NUMBER_WORDS = new Set([...Object.keys(WORD_NUMBERS), ...Object.keys(VAGUE), 'several']);
export const VOLUME_PERIODS = new Set<Period>(['hour', 'day', 'week', 'month', 'year']);
export const RATE_PERIODS = new Set<Period>(['second', 'minute']);

const APPROX = new Set([
  'about',
  'around',
  'roughly',
  'approximately',
  'nearly',
  'almost',
  'near',
  'some',
  '~',
]);
const EACH = new Set(['each', 'every', 'median', 'typical', 'mean']);
const PEAK = new Set(['peak', 'peaks', 'peaking', 'peaked', 'busiest', 'maximum', 'max']);
const AVERAGE = new Set(['average', 'averages', 'averaging', 'mean']);
const PRONOUNS = new Set(['them', 'it', 'these', 'those', 'which', 'whom', 'us', 'one']);
const CONJUNCTIONS = new Set(['and', 'or', 'but', 'while', 'whereas', ',', ';', ':']);
/** "fewer than 500", "up to 90,000": a bound, not a count. */
const BOUND_BEFORE =
  /\b(fewer than|less than|more than|over|under|up to|at least|at most|below|above|beyond|exceed|exceeds|past)\s*$/i;
const YEAR_PREPS = new Set(['in', 'from', 'since', 'until', 'by', 'of', 'before', 'after', 'during']);

/** Words that end a noun phrase. */
const STOP = new Set(
  `a an the per of in on at for to from with by and or is are was were be been being that which who
  whom whose this these those it its their each every about around roughly than as into across after
  before within under over up down out off so but if when while where then more less fewer most only
  still also all some any no not can could may might must will would should do does did has have had
  get gets got take takes took need needs make makes give gives run runs we you they he she i our your
  his her my there here how what why near nearly almost just much many via vs versus against between
  during including such like plus minus same other another own both either neither less least very too
  enough even ever per cent percent`.split(/\s+/),
);
/** Words a period may follow without breaking the link to the number ("2 million are removed every day"). */
const LINK = new Set([
  'are',
  'is',
  'were',
  'was',
  'get',
  'gets',
  'go',
  'goes',
  'live',
  'sign',
  'signs',
  'up',
]);
/** Words between a noun and a later number in "Ad requests peak at 150,000 per second". */
const SUBJECT_LINK = new Set([
  'peak',
  'peaks',
  'at',
  'near',
  'around',
  'about',
  'roughly',
  'is',
  'are',
  'reach',
  'reaches',
  'hit',
  'hits',
  'top',
  'tops',
  'of',
  'to',
  'approximately',
  'nearly',
  'almost',
]);

const MEASURES = new Set([
  'ms',
  'millisecond',
  'second',
  'sec',
  'minute',
  'min',
  'hour',
  'hr',
  'day',
  'week',
  'month',
  'year',
  'km',
  'kilometre',
  'kilometer',
  'mile',
  'meter',
  'metre',
  'pixel',
  'megapixel',
  'pb',
  'tb',
  'gb',
  'mb',
  'kb',
  'byte',
  'point',
  'cent',
  'dollar',
  'time',
  'gpu-hour',
  'gpu-second',
  'word',
  'x',
  'fold',
]);

/** Bytes in one of each byte unit, by the counted noun's lemma ("3 KB" counts "kb"). */
const BYTES_PER_UNIT: Record<string, number> = table({
  byte: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  pb: 1e15,
});

/** The size in bytes a quantity states ("3 KB" -> 3,000), or undefined when it counts no bytes. */
export function bytesOf(quantity: Quantity): number | undefined {
  const unit = quantity.noun === undefined ? undefined : BYTES_PER_UNIT[quantity.noun];
  return unit === undefined ? undefined : quantity.value * unit;
}

/**
 * Lemmas that name the same thing in these cases ("250 million searches a day: roughly 3,000
 * queries per second"). Kept tiny on purpose: every pair here lets two numbers be compared.
 */
const SYNONYMS: string[][] = [
  ['query', 'search'],
  ['transaction', 'authorization', 'authorisation', 'payment'],
];
const CANONICAL = new Map(SYNONYMS.flatMap((group) => group.map((word) => [word, group[0]!] as const)));

const lemmaCache = new Map<string, string>();

/** The lemma of one word (lower case), as the rest of the project computes it. */
export function lemmaOf(word: string): string {
  const lower = word.toLowerCase();
  const known = lemmaCache.get(lower);
  if (known !== undefined) return known;
  let lemma: string;
  if (/^gpus?$/.test(lower)) lemma = 'gpu';
  else if (/^gpu-hours?$/.test(lower)) lemma = 'gpu-hour';
  else if (/^gpu-seconds?$/.test(lower)) lemma = 'gpu-second';
  else if (/^(qps|rps)$/.test(lower)) lemma = lower;
  else lemma = contentLemmas(lower)[0] ?? lower;
  lemmaCache.set(lower, lemma);
  return lemma;
}

export function canonical(lemma: string | undefined): string | undefined {
  return lemma === undefined ? undefined : (CANONICAL.get(lemma) ?? lemma);
}

/** Whether two quantities count the same thing (same lemma, or listed synonyms). */
export function sameThing(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  // "QPS" counts queries or requests, whichever the case calls them.
  if (a === 'qps' || b === 'qps') return QPS_NOUNS.has(canonical(a === 'qps' ? b : a)!) || a === b;
  return canonical(a) === canonical(b);
}

const QPS_NOUNS = new Set(['query', 'request']);

/** Modifiers that do not change what is counted ("new posts" are posts). */
const NEUTRAL_MODIFIERS = new Set(['new', 'total', 'all', 'overall', 'public']);

export function modifiers(q: Quantity): string[] {
  return q.nouns.slice(0, -1).filter((word) => !NEUTRAL_MODIFIERS.has(word));
}

/**
 * Whether two quantities count the same things: same head lemma (or synonyms) and the same
 * modifiers ("bad posts" are not all "posts"). In one field, a modifier may be dropped on
 * restating ("500 million ad impressions a day ... 6,000 impressions per second").
 */
export function sameCounted(
  a: Quantity & { fieldIndex?: number },
  b: Quantity & { fieldIndex?: number },
): boolean {
  if (!sameThing(a.noun, b.noun)) return false;
  const ma = modifiers(a);
  const mb = modifiers(b);
  if (ma.length === mb.length && ma.every((word) => mb.includes(word))) return true;
  return a.fieldIndex === b.fieldIndex && (ma.length === 0 || mb.length === 0);
}

const isPlural = (word: string) => /[^su]s$/i.test(word) && word.length > 3;

/** Reads the number starting at token i: its value range and the index after it. */
function readNumber(
  list: Token[],
  i: number,
): { low: number; high: number; next: number; percent: boolean; vague: boolean } | null {
  const token = list[i];
  if (!token) return null;
  // Word numbers only with a multiplier: "three million", "a million", "a few thousand".
  if (token.kind === 'word') {
    if (!NUMBER_WORDS.has(token.lower)) return null;
    const next = list[i + 1];
    const vague = VAGUE[token.lower];
    // "a few thousand", "several hundred thousand", "a few hundred".
    const fewAt =
      token.lower === 'a' && next?.lower === 'few' ? i + 2 : token.lower === 'several' ? i + 1 : -1;
    if (fewAt >= 0) {
      let mult = MULTIPLIERS[list[fewAt]?.lower ?? ''];
      let end = fewAt + 1;
      const larger = MULTIPLIERS[list[end]?.lower ?? ''];
      if (mult === 100 && larger && larger >= 1e3) {
        mult *= larger;
        end++;
      }
      if (!mult) return null;
      const [low, high] = token.lower === 'several' ? [3, 9] : [2, 9];
      return { low: low * mult, high: high * mult, next: end, percent: false, vague: true };
    }
    if (vague && next) {
      const ofMult = next.lower === 'of' ? MULTIPLIERS[list[i + 2]?.lower ?? ''] : undefined;
      if (ofMult && (token.lower === 'tens' || token.lower === 'hundreds'))
        return { low: vague[0] * ofMult, high: vague[1] * ofMult, next: i + 3, percent: false, vague: true };
      const mult = MULTIPLIERS[next.lower];
      if (mult && mult >= 1e3 && token.lower !== 'tens' && token.lower !== 'hundreds')
        return { low: vague[0] * mult, high: vague[1] * mult, next: i + 2, percent: false, vague: true };
      return null;
    }
    const base = WORD_NUMBERS[token.lower];
    let mult = MULTIPLIERS[next?.lower ?? ''];
    let end = i + 2;
    const larger = MULTIPLIERS[list[i + 2]?.lower ?? ''];
    if (mult === 100 && larger && larger >= 1e3) {
      mult *= larger;
      end++;
    }
    if (
      base !== undefined &&
      mult &&
      mult >= 1e3 &&
      next &&
      !next.lower.endsWith('s') &&
      token.lower !== 'hundred'
    )
      return { low: base * mult, high: base * mult, next: end, percent: false, vague: false };
    return null;
  }
  if (token.kind !== 'num') return null;
  let value = Number(token.text.replace(/[$,%A-Za-z]/g, ''));
  let next = i + 1;
  let percent = Boolean(token.percent);
  if (token.suffix) {
    const factor = SUFFIXES[token.suffix];
    if (factor === undefined) return null;
    value *= factor;
  } else {
    const mult = MULTIPLIERS[list[next]?.lower ?? ''];
    if (mult && list[next]?.start === token.end + 1) {
      value *= mult;
      next++;
    }
  }
  if (list[next]?.lower === 'percent') {
    percent = true;
    next++;
  }
  return { low: value, high: value, next, percent, vague: false };
}

const extracted = new Map<string, readonly Quantity[]>();

/** Extracts the quantities stated in `text`, in order (memoised: the same texts are linted on every load). */
export function extractQuantities(text: string): Quantity[] {
  let found = extracted.get(text);
  if (!found) {
    if (extracted.size > 20_000) extracted.clear();
    found = extract(text);
    extracted.set(text, found);
  }
  return found.map((q) => ({ ...q, nouns: [...q.nouns] }));
}

function extract(text: string): Quantity[] {
  const list = tokens(text);
  const out: Quantity[] = [];
  let i = 0;
  let lastEnd = 0;
  while (i < list.length) {
    const token = list[i]!;
    const read = readNumber(list, i);
    if (!read) {
      i++;
      continue;
    }
    const first = i;
    const prev = list[i - 1];
    const after = list[read.next];
    // Things that are not quantities: p99 and A10 never reach here (they are words); "2-hop",
    // "13,312 x 6,656", "1.5x", years, ordinals.
    const adjacent = (a: Token | undefined, b: Token | undefined) => a && b && a.end === b.start;
    if (
      token.kind === 'num' &&
      ((after?.text === '-' &&
        adjacent(list[read.next - 1], after) &&
        list[read.next + 1]?.kind === 'word') ||
        after?.lower === 'x' ||
        after?.text === '×' ||
        (prev?.lower === 'x' && list[i - 2]?.kind === 'num') ||
        (/^(19|20)\d\d$/.test(token.text) && (YEAR_PREPS.has(prev?.lower ?? '') || !after)))
    ) {
      i = read.next;
      continue;
    }
    let { low, high } = read;
    let percent = read.percent;
    let next = read.next;
    // Ranges: "300 to 500", "3-4", "35-45%", "2 to 3 million".
    const joiner = list[next];
    if (joiner && (joiner.lower === 'to' || joiner.text === '-' || joiner.text === '–')) {
      const second = readNumber(list, next + 1);
      if (second && list[next + 1]?.kind === 'num') {
        let factor = 1;
        const firstMult = list[next + 2]?.kind === 'word' && MULTIPLIERS[list[next + 2]!.lower];
        if (firstMult && low < second.low / 100) factor = firstMult;
        low *= factor;
        high = second.high;
        percent = percent || second.percent;
        next = second.next;
      }
    }
    // Ratios: "3 in 100", "5 in every 10,000", "1 in 15".
    let isRatio = false;
    if (!percent && list[next]?.lower === 'in') {
      const skip = list[next + 1]?.lower === 'every' ? 2 : 1;
      const denom = list[next + skip]?.kind === 'num' ? readNumber(list, next + skip) : null;
      if (denom && denom.low > low) {
        low = (low / denom.low) * 100;
        high = (high / denom.high) * 100;
        percent = true;
        isRatio = true;
        next = denom.next;
      }
    }
    const money = token.kind === 'num' && Boolean(token.money);
    const kind: Quantity['kind'] = money ? 'money' : percent ? 'percent' : 'count';
    const before = wordsBefore(list, first, 3);
    const approx = read.vague || before.some((word) => APPROX.has(word));
    const each = before.some((word) => EACH.has(word)) || before[0] === 'per';
    const bound = BOUND_BEFORE.test(
      text.slice(Math.max(0, token.start - 20), token.start).replace(/\s*(about|around|roughly)\s*$/i, ' '),
    );

    // The counted noun: a run of up to three words, ending at a stop word, a period or a plural.
    const nouns: string[] = [];
    let measure = token.kind === 'num' && token.suffix !== undefined && SUFFIXES[token.suffix] === undefined;
    let period: Period | undefined;
    let perGpu = false;
    let perUnit: string | undefined;
    let ofNoun: string | undefined;
    let ofStart: number | undefined;
    let j = next;
    if (kind === 'percent') {
      if (list[j]?.lower === 'of') {
        let k = j + 1;
        while (['all', 'the', 'our', 'its', 'their', 'total'].includes(list[k]?.lower ?? '')) k++;
        const nested = list[k] && readNumber(list, k);
        if (nested) ofStart = list[k]!.start;
        else {
          const run = nounRun(list, k);
          if (run.head && !PRONOUNS.has(run.head)) ofNoun = run.head;
        }
      }
    } else if (kind === 'count') {
      const qps = list[j]?.lower;
      if (qps === 'qps' || qps === 'rps') {
        nouns.push(qps === 'qps' ? 'qps' : 'request');
        period = 'second';
        j++;
      } else {
        const run = nounRun(list, j);
        nouns.push(...run.lemmas);
        j = run.next;
      }
    }
    if (kind !== 'percent') {
      // Periods and "per X" after the noun: "a day", "per second per GPU", "/s", "daily", "per panorama".
      for (let guard = 0; guard < 3; guard++) {
        let k = j;
        let skipped = 0;
        while (
          list[k]?.kind === 'word' &&
          skipped < 3 &&
          (LINK.has(list[k]!.lower) || /ed$/.test(list[k]!.lower)) &&
          !isPeriodStart(list, k)
        ) {
          k++;
          skipped++;
        }
        const found = periodAt(list, k);
        if (!found) break;
        if (found.period) period ??= found.period;
        if (found.gpu) perGpu = true;
        if (found.unit) perUnit ??= found.unit;
        j = found.next;
      }
    }
    // "The module is requested about 600 times per second": requests per second.
    if (nouns.length === 1 && nouns[0] === 'time' && period) {
      const verb = [...before].find((word) => !APPROX.has(word));
      if (verb && /ed$/.test(verb) && before[0] !== undefined) nouns[0] = lemmaOf(verb);
    }
    const noun = nouns.at(-1);
    if (noun && MEASURES.has(noun)) measure = true;
    if (isRatio && noun) ofNoun = noun;
    const end = list[j - 1]?.end ?? token.end;
    const role = roleOf(list, first, j, lastEnd);
    const quantity: Quantity = {
      value: (low + high) / 2,
      low,
      high,
      approx,
      kind,
      text: text.slice(token.start, end),
      start: token.start,
      end,
      sentence: token.sentence,
      nouns: isRatio ? [] : nouns,
      inherited: false,
      perGpu,
      each,
      bound,
      measure,
    };
    if (!isRatio && noun) quantity.noun = noun;
    if (period) quantity.period = period;
    if (perUnit) quantity.perUnit = perUnit;
    if (role) quantity.role = role;
    if (ofNoun) quantity.ofNoun = ofNoun;
    if (kind === 'percent' && !ofNoun && ofStart === undefined) {
      const flow = flowBefore(list, first);
      if (flow) {
        quantity.ofNoun = flow.from;
        quantity.toNoun = flow.to;
      }
    }
    if (ofStart !== undefined) (quantity as Quantity & { ofStart?: number }).ofStart = ofStart;
    out.push(quantity);
    lastEnd = end;
    i = kind === 'percent' ? Math.max(next, i + 1) : Math.max(j, i + 1);
  }
  // Second pass: elliptical numbers take the noun of the sentence ("300 transactions per second,
  // peaking at 1,500"; "Ad requests peak at 150,000 per second"), and "2% of 10 million users"
  // points at its total.
  out.forEach((quantity, index) => {
    const ofStart = (quantity as Quantity & { ofStart?: number }).ofStart;
    if (ofStart !== undefined) {
      delete (quantity as Quantity & { ofStart?: number }).ofStart;
      const target = out.findIndex((other) => other.start === ofStart);
      if (target >= 0) quantity.ofIndex = target;
    }
    if (quantity.kind !== 'count' || quantity.noun !== undefined || quantity.measure) return;
    const previous = out[index - 1];
    if (
      previous &&
      previous.sentence === quantity.sentence &&
      previous.kind === 'count' &&
      previous.noun &&
      !previous.measure &&
      !previous.perGpu &&
      !previous.perUnit &&
      ellipsisGap(text.slice(previous.end, quantity.start))
    ) {
      quantity.noun = previous.noun;
      quantity.nouns = previous.nouns;
      quantity.inherited = true;
      if (!quantity.period && previous.period) quantity.period = previous.period;
      return;
    }
    if (previous && previous.sentence === quantity.sentence) return;
    const subject = subjectBefore(
      list,
      list.findIndex((token) => token.start === quantity.start),
    );
    if (subject) {
      quantity.noun = subject;
      quantity.nouns = [subject];
      quantity.inherited = true;
    }
  });
  return out;
}

/** Words that may stand between a number and an elliptical one ("... on average and 15,000 at the evening peak"). */
const GAP_WORDS = new Set([
  ...PEAK,
  'an',
  ...AVERAGE,
  'on',
  'at',
  'and',
  'or',
  'to',
  'the',
  'a',
  'of',
  'with',
  'about',
  'around',
  'roughly',
  'near',
  'nearly',
  'some',
  'up',
  'peaking',
  'rising',
  'reaching',
  'normal',
  'typical',
  'usual',
  'day',
  'days',
  'morning',
  'evening',
  'night',
  'dinner',
  'lunch',
  'weekday',
  'weekend',
  'holiday',
  'holidays',
  'black',
  'friday',
]);

/** Whether the text between two numbers lets the second borrow the first's noun: a few linking words only. */
function ellipsisGap(gap: string): boolean {
  if (/[;:.]/.test(gap)) return false;
  const words = gap.toLowerCase().match(/[a-z][a-z'-]*/g) ?? [];
  return words.length <= 6 && words.every((word) => GAP_WORDS.has(word));
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /[A-Za-z0-9]/.test(word)).length;
}

function wordsBefore(list: Token[], index: number, count: number): string[] {
  const out: string[] = [];
  for (let k = index - 1; k >= 0 && out.length < count; k--) {
    const token = list[k]!;
    if (token.kind !== 'word' || token.sentence !== list[index]!.sentence) break;
    out.push(token.lower);
  }
  return out;
}

/** A noun phrase after a number: up to three words, stopping at a stop word, a period word or a plural. */
function nounRun(list: Token[], start: number): { lemmas: string[]; head?: string; next: number } {
  const lemmas: string[] = [];
  let k = start;
  while (lemmas.length < 3) {
    const token = list[k];
    if (token?.kind !== 'word') break;
    const lower = token.lower;
    // "1.2 billion monthly" (monthly users) is elliptical; "100 GPU-hours daily" has a period.
    if (ADVERB_PERIODS[lower]) {
      const following = list[k + 1];
      if (lemmas.length === 0 && following?.kind === 'word' && !STOP.has(following.lower)) {
        k++;
        continue;
      }
      if (lemmas.length === 0) k++;
      break;
    }
    // "120 million times 3 KB": "times" (or "x") before a number multiplies, it counts nothing.
    if ((lower === 'times' || lower === 'x') && list[k + 1]?.kind === 'num') break;
    if (STOP.has(lower)) {
      // "text or image decisions": "or"/"and" joins two modifiers of one noun.
      const following = list[k + 1];
      if (
        (lower === 'or' || lower === 'and') &&
        lemmas.length > 0 &&
        following?.kind === 'word' &&
        !STOP.has(following.lower) &&
        !isPlural(list[k - 1]?.text ?? '')
      ) {
        k++;
        continue;
      }
      break;
    }
    if (/^gpus?$/.test(lower) && /^(hours?|seconds?)$/.test(list[k + 1]?.lower ?? '')) {
      lemmas.push(list[k + 1]!.lower.startsWith('hour') ? 'gpu-hour' : 'gpu-second');
      k += 2;
      break;
    }
    const unit = UNIT_WORDS[lemmaOf(lower)];
    lemmas.push(lemmaOf(lower));
    k++;
    if (unit || isPlural(token.text)) break;
  }
  return { lemmas, head: lemmas.at(-1), next: k };
}

function isPeriodStart(list: Token[], k: number): boolean {
  return periodAt(list, k) !== null;
}

/** A period or "per X" at token k: "a day", "per second", "/s", "daily", "per GPU", "per panorama". */
function periodAt(
  list: Token[],
  k: number,
): { period?: Period; gpu?: boolean; unit?: string; next: number } | null {
  const token = list[k];
  if (!token) return null;
  const adverb = ADVERB_PERIODS[token.lower];
  if (adverb) return { period: adverb, next: k + 1 };
  const next = list[k + 1];
  if (token.text === '/' && next?.kind === 'word') {
    const unit = UNIT_WORDS[next.lower] ?? UNIT_WORDS[lemmaOf(next.lower)];
    if (unit) return { period: unit, next: k + 2 };
    if (/^gpus?$/.test(next.lower)) return { gpu: true, next: k + 2 };
    return null;
  }
  if (!['a', 'an', 'per', 'each', 'every'].includes(token.lower) || next?.kind !== 'word') return null;
  const unit = UNIT_WORDS[next.lower] ?? UNIT_WORDS[lemmaOf(next.lower)];
  if (unit) {
    // "a second order" is an ordinal, not a period.
    if (
      token.lower === 'a' &&
      unit === 'second' &&
      list[k + 2]?.kind === 'word' &&
      !STOP.has(list[k + 2]!.lower)
    )
      return null;
    return { period: unit, next: k + 2 };
  }
  if (token.lower !== 'per') return null;
  if (/^gpus?$/.test(next.lower)) return { gpu: true, next: k + 2 };
  if (STOP.has(next.lower)) return null;
  return { unit: lemmaOf(next.lower), next: k + 2 };
}

/** "peak"/"average" said about this number: between the previous number and this one, or just after. */
function roleOf(
  list: Token[],
  first: number,
  after: number,
  lastEnd: number,
): 'peak' | 'average' | undefined {
  const sentence = list[first]!.sentence;
  let best: { role: 'peak' | 'average'; distance: number } | undefined;
  const consider = (token: Token, distance: number) => {
    const role = PEAK.has(token.lower) ? 'peak' : AVERAGE.has(token.lower) ? 'average' : undefined;
    if (role && (!best || distance < best.distance)) best = { role, distance };
  };
  for (let k = first - 1, d = 1; k >= 0 && d <= 6; k--, d++) {
    const token = list[k]!;
    if (token.sentence !== sentence || token.end <= lastEnd || token.kind === 'num') break;
    // "6,000 per second on average and 15,000 at peak": "average" belongs to the number before "and".
    if (CONJUNCTIONS.has(token.lower)) break;
    consider(token, d);
  }
  for (let k = after, d = 1; k < list.length && d <= 6; k++, d++) {
    const token = list[k]!;
    if (token.sentence !== sentence || token.kind === 'num' || token.text === ',' || token.text === ';')
      break;
    if (token.kind === 'word' && readNumber(list, k)) break;
    consider(token, d);
  }
  return best?.role;
}

/** "Impression-to-click is about 4%": the from and to lemmas of a conversion named just before. */
function flowBefore(list: Token[], index: number): { from: string; to: string } | undefined {
  for (let k = index - 1; k >= 0 && k >= index - 5; k--) {
    const token = list[k]!;
    if (token.sentence !== list[index]!.sentence || token.kind === 'num') return undefined;
    const match = /^([a-z]+)-to-([a-z]+)$/.exec(token.lower);
    if (match) return { from: lemmaOf(match[1]!), to: lemmaOf(match[2]!) };
  }
  return undefined;
}

/** "Ad requests peak at 150,000 per second": the plural noun right before the linking words. */
function subjectBefore(list: Token[], index: number): string | undefined {
  if (index < 0) return undefined;
  let k = index - 1;
  while (k >= 0 && list[k]!.kind === 'word' && SUBJECT_LINK.has(list[k]!.lower)) k--;
  const token = list[k];
  if (token?.kind !== 'word' || k === index - 1 || token.sentence !== list[index]!.sentence) return undefined;
  if (!isPlural(token.text) || STOP.has(token.lower)) return undefined;
  const lemma = lemmaOf(token.lower);
  return MEASURES.has(lemma) ? undefined : lemma;
}
