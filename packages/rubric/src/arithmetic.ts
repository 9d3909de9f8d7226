import { locator, type RubricIssue } from './locate.ts';
import type { CaseStudy } from './schema.ts';
import { STEP_IDS } from './schema.ts';
import { contentLemmas } from './text.ts';

/**
 * Arithmetic sanity checks for the numbers a case states in prose ("About 5 billion ad impressions
 * a day. Ad requests peak at 150,000 per second"). Quantities are extracted from each text field
 * with what they count (the noun after the number, as a lemma) and their rate period; quantities
 * of the same thing are then related (daily volume vs per-second rate, parts vs total, share vs
 * count, throughput x time vs work). Prose numbers are approximate, so every finding is a
 * warning, tolerances are wide and anything ambiguous is left alone.
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

function tokens(text: string): Token[] {
  const out: Token[] = [];
  let sentence = 0;
  for (const match of text.matchAll(TOKEN_RE)) {
    const start = match.index ?? 0;
    const raw = match[0];
    const kind = match[2] !== undefined ? 'num' : match[5] !== undefined ? 'word' : 'punct';
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
const VOLUME_PERIODS = new Set<Period>(['hour', 'day', 'week', 'month', 'year']);
const RATE_PERIODS = new Set<Period>(['second', 'minute']);

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

function canonical(lemma: string | undefined): string | undefined {
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

function modifiers(q: Quantity): string[] {
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

function wordCount(text: string): number {
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

// ---------------------------------------------------------------------------------------------
// Relations

/** One text field of a case. */
export interface TextField {
  path: (string | number)[];
  /** How messages name the field: "facts.traffic", "steps.serving.points.load-math.strong". */
  label: string;
  text: string;
  /**
   * Fields of one group are related to each other and to the "world" group (prompt and facts). A
   * curveball changes the world, so its group is `isolated`: related only within itself.
   */
  group: string;
  isolated?: boolean;
}

/** A quantity and the field it was stated in. */
export interface Located extends Quantity {
  field: TextField;
  /** Index of the field in the list given to `checkArithmetic`. */
  fieldIndex: number;
  /** Index of the quantity among those of its field (what `ofIndex` refers to). */
  indexInField: number;
}

/** One arithmetic disagreement. */
export interface ArithmeticFinding {
  rule: 'rate' | 'periods' | 'parts' | 'product' | 'share' | 'throughput' | 'restated';
  /**
   * The stated number found wrong (field and offset). One number is reported once per rule, even
   * when several restatements of the other number disagree with it.
   */
  subject: string;
  /** Where to report it. */
  field: TextField;
  message: string;
}

const WORLD = 'world';

const id = (q: Located) => `${q.fieldIndex}:${q.start}`;

/** Formats a number for messages: 57,870; 1.1 million; 0.08. */
export function formatNumber(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1e9) return `${trim(n / 1e9)} billion`;
  if (abs >= 1e6) return `${trim(n / 1e6)} million`;
  if (abs >= 100) return Math.round(n).toLocaleString('en-US');
  return String(Number(n.toPrecision(3)));
}

function trim(n: number): string {
  return String(Number(n.toPrecision(3)));
}

const perSecond = (q: Quantity): [number, number] => {
  const seconds = PERIOD_SECONDS[q.period!];
  return [q.low / seconds, q.high / seconds];
};

/** A plain count of things (no measurement, no per-entity figure, no "per X"). */
const isTotal = (q: Quantity) =>
  q.kind === 'count' && !q.measure && !q.each && !q.perGpu && q.perUnit === undefined && q.noun !== 'time';

function where(q: Located, reported: TextField): string {
  return q.field === reported ? '' : ` (${q.field.label})`;
}

/** Relates the quantities of one case's fields; returns the arithmetic disagreements. */
export function checkArithmetic(fields: TextField[]): ArithmeticFinding[] {
  const all: Located[] = fields.flatMap((field, fieldIndex) =>
    extractQuantities(field.text).map((q, indexInField) => ({ ...q, field, fieldIndex, indexInField })),
  );
  const findings = new Map<string, ArithmeticFinding>();
  const add = (finding: ArithmeticFinding) => {
    const key = `${finding.rule}|${finding.subject}`;
    if (!findings.has(key)) findings.set(key, finding);
  };
  const groups = [...new Set(fields.map((field) => field.group))];
  const world = all.filter((q) => q.field.group === WORLD);
  for (const group of groups) {
    const own = all.filter((q) => q.field.group === group);
    const isolated = fields.some((field) => field.group === group && field.isolated);
    const context = group === WORLD || isolated ? own : [...own, ...world];
    const involves = (...qs: Located[]) => group === WORLD || qs.some((q) => q.field.group === group);
    for (const finding of relate(context, own, involves)) add(finding);
  }
  return [...findings.values()];
}

/** `qs`: the group's quantities and the world's; `own`: the group's (rules within one field need no more). */
function relate(qs: Located[], own: Located[], involves: (...qs: Located[]) => boolean): ArithmeticFinding[] {
  return [
    ...rateRule(qs, involves),
    ...periodRule(own, involves),
    ...partsRule(own),
    ...productRule(own),
    ...shareRule(qs, own, involves),
    ...throughputRule(own),
    ...restatementRule(qs, own, involves),
  ];
}

/**
 * Beyond this factor between a volume and a rate, they are taken to count different things (the
 * 480,000 violating items a day beside 460 items per second) rather than to disagree.
 */
const UNRELATED_FACTOR = 10;

/** (a) A daily (weekly, monthly, hourly) volume and a per-second rate of the same thing. */
function rateRule(qs: Located[], involves: (...qs: Located[]) => boolean): ArithmeticFinding[] {
  const out: ArithmeticFinding[] = [];
  for (const volume of qs) {
    if (!isTotal(volume) || volume.bound || !volume.period || !VOLUME_PERIODS.has(volume.period)) continue;
    if (volume.role === 'peak' || volume.value < 1_000) continue;
    for (const rate of qs) {
      if (!isTotal(rate) || !rate.period || !RATE_PERIODS.has(rate.period)) continue;
      if (!sameCounted(volume, rate) || !involves(volume, rate)) continue;
      const [avgLow, avgHigh] = perSecond(volume);
      const [rateLow, rateHigh] = perSecond(rate);
      const avg = (avgLow + avgHigh) / 2;
      const ratio = (rateLow + rateHigh) / 2 / avg;
      if (ratio < 1 / UNRELATED_FACTOR) continue;
      const field = rate.field;
      const head = () =>
        `${volume.text}${where(volume, field)} is ${formatNumber(avg)} per second on average, but`;
      const stated = () => `"${rate.text}"${where(rate, field)}`;
      if (rate.role === 'average') {
        if (ratio <= UNRELATED_FACTOR && (rateHigh < avgLow * 0.7 || rateLow > avgHigh * 1.3)) {
          const off = Math.round((ratio - 1) * 100);
          out.push({
            rule: 'rate',
            subject: id(rate),
            field,
            message: `${head()} the average is stated as ${stated()} (${off > 0 ? '+' : ''}${off}%, more than 30% off)`,
          });
        }
        continue;
      }
      const what = rate.role === 'peak' ? 'the peak' : 'the rate';
      if (rateHigh < avgLow * (rate.role === 'peak' ? 1 : 0.7)) {
        out.push({
          rule: 'rate',
          subject: id(rate),
          field,
          message: `${head()} ${what} is stated as ${stated()} (below the average)`,
        });
      } else if (
        rateLow > avgHigh * 20 &&
        rateLow < avgHigh * 100 &&
        volume.fieldIndex === rate.fieldIndex &&
        modifiers(volume).join(' ') === modifiers(rate).join(' ')
      ) {
        // Only within one field, for the very same noun phrase, and not beyond 100x: otherwise a
        // much larger rate is usually of something else ("250,000 good transactions a day").
        out.push({
          rule: 'rate',
          subject: id(rate),
          field,
          message: `${head()} ${what} is stated as ${stated()}, ${formatNumber(rateLow / avgHigh)} times the average (more than 20x)`,
        });
      }
    }
  }
  return out;
}

/**
 * (e) The same figure stated twice: the same noun phrase, period and role (peak, average) in two
 * fields ("peaks at 8,000 requests per second" in a point, "2,000 requests per second at the
 * peak" in the facts).
 */
function restatementRule(
  qs: Located[],
  own: Located[],
  involves: (...qs: Located[]) => boolean,
): ArithmeticFinding[] {
  const out: ArithmeticFinding[] = [];
  qs.forEach((a, index) => {
    if (!isTotal(a) || a.bound || !a.period || a.field.group !== WORLD) return;
    // b is the group's own figure (in the world context, a later world figure).
    for (let at = 0; at < own.length; at++) {
      const b = own[at]!;
      if (b === a || (b.field.group === WORLD && qs.indexOf(b) < index)) continue;
      if (!isTotal(b) || b.bound || b.period !== a.period || b.fieldIndex === a.fieldIndex) continue;
      if (!involves(a, b) || !sameThing(a.noun, b.noun)) continue;
      if (modifiers(a).join(' ') !== modifiers(b).join(' ')) continue;
      if (RATE_PERIODS.has(a.period) ? !a.role || a.role !== b.role : a.role || b.role) continue;
      const ratio = b.value / a.value;
      if (ratio > UNRELATED_FACTOR || ratio < 1 / UNRELATED_FACTOR) continue;
      // Several world figures of the thing (a normal peak and a Black Friday peak): b may restate another.
      const agrees = qs.some(
        (c) =>
          c.field.group === WORLD &&
          isTotal(c) &&
          c.period === b.period &&
          sameThing(c.noun, b.noun) &&
          b.high >= c.low * 0.7 &&
          b.low <= c.high * 1.3,
      );
      if (!agrees && (b.high < a.low * 0.7 || b.low > a.high * 1.3)) {
        const role = a.role ? ` (${a.role})` : '';
        out.push({
          rule: 'restated',
          subject: id(b),
          field: b.field,
          message: `"${b.text}"${role} disagrees with "${a.text}" stated in ${a.field.label} (more than 30% apart)`,
        });
      }
    }
  });
  return out;
}

/** (a) The same volume stated over two periods ("25 million panoramas a month, roughly 830,000 a day"). */
function periodRule(qs: Located[], involves: (...qs: Located[]) => boolean): ArithmeticFinding[] {
  const out: ArithmeticFinding[] = [];
  qs.forEach((a, index) => {
    if (!isTotal(a) || !a.period || !VOLUME_PERIODS.has(a.period) || a.role || a.value < 1_000) return;
    for (const b of qs.slice(index + 1)) {
      if (!isTotal(b) || !b.period || !VOLUME_PERIODS.has(b.period) || b.role || b.value < 1_000) continue;
      if (b.period === a.period || !sameCounted(a, b) || !involves(a, b)) continue;
      // Only a restatement: the same sentence, or one of them inherits the other's noun.
      if (a.fieldIndex !== b.fieldIndex || a.sentence !== b.sentence) continue;
      const [aLow, aHigh] = perSecond(a);
      const [bLow, bHigh] = perSecond(b);
      if (bHigh < aLow * 0.7 || bLow > aHigh * 1.3) {
        const converted = (a.value / PERIOD_SECONDS[a.period]) * PERIOD_SECONDS[b.period];
        out.push({
          rule: 'periods',
          subject: id(b),
          field: b.field,
          message: `${a.text}${where(a, b.field)} is ${formatNumber(converted)} a ${b.period}, but "${b.text}" says ${formatNumber(b.value)} (more than 30% off)`,
        });
      }
    }
  });
  return out;
}

/** How a count restates a share: "..., roughly 20,000", "which is about 900,000", "or some 300". */
const RESTATES =
  /(,\s*(which is|that is|or|so)?|\b(which|that) is|\bor)\s*(about|around|roughly|some|nearly|approximately|almost)?\s*$/i;
const TOTAL_AFTER = /^\s*(in total|altogether|combined|overall)/i;
const TOTAL_MARKERS = /\b(in total|a total of|altogether|combined|all told)\b/i;

/** (b) Parts that claim to make up a stated total must add up within 15%. */
function partsRule(qs: Located[]): ArithmeticFinding[] {
  const out: ArithmeticFinding[] = [];
  const bySentence = new Map<string, Located[]>();
  for (const q of qs) {
    const key = `${q.fieldIndex}:${q.sentence}`;
    bySentence.set(key, [...(bySentence.get(key) ?? []), q]);
  }
  const sentenceText = (q: Located) => sentenceOf(q.field.text, q.sentence);
  const check = (total: Located, parts: Located[], how: string) => {
    if (parts.length < 2) return;
    if (parts.some((p) => p.period !== total.period || !isTotal(p))) return;
    const low = parts.reduce((sum, p) => sum + p.low, 0);
    const high = parts.reduce((sum, p) => sum + p.high, 0);
    const nounMatches =
      total.noun === undefined || parts.some((p) => sameThing(p.noun, total.noun)) || total.inherited;
    // A total of some other measure ("6 billion tokens" after a list of documents) is no total of the parts.
    const sum = (low + high) / 2;
    if (!nounMatches && (sum / total.value > 4 || total.value / sum > 4)) return;
    if (high < total.low * 0.85 || low > total.high * 1.15) {
      out.push({
        rule: 'parts',
        subject: id(total),
        field: total.field,
        message: `the parts ${parts.map((p) => `"${p.text}"`).join(', ')} add up to ${formatNumber(sum)}, but ${how} "${total.text}" (${Math.round((sum / total.value - 1) * 100)}%, more than 15% off)`,
      });
    }
  };
  for (const sentence of bySentence.values()) {
    const first = sentence[0]!;
    const text = sentenceText(first);
    if (/\beach\b/i.test(text)) continue;
    // "About 4 million documents: 300,000 wiki pages, 2.5 million files, ...".
    sentence.forEach((total, index) => {
      if (!isTotal(total) || !total.noun) return;
      const rest = total.field.text.slice(total.end);
      if (!/^\s*:/.test(rest)) return;
      const parts = sentence.slice(index + 1).filter((p) => p.kind !== 'money');
      if (parts.some((p) => p.kind !== 'count')) return;
      check(total, parts, 'the total is stated as');
    });
    // "... 300,000 a, 2.5 million b and 1 million c. In total about 4 million."
    const marker = TOTAL_MARKERS.exec(text);
    if (!marker) continue;
    const sentenceStart = sentenceStartOf(first);
    const markerAt = sentenceStart + marker.index;
    const totals = sentence.filter((q) => isTotal(q) && Math.abs(q.start - markerAt) < 40 + marker[0].length);
    const total = totals.find((q) => q.start > markerAt) ?? totals.at(-1);
    if (!total) continue;
    let parts = sentence.filter((q) => q !== total && q.end <= total.start && q.kind === 'count');
    if (parts.length < 2) {
      const previous = bySentence.get(`${first.fieldIndex}:${first.sentence - 1}`) ?? [];
      if (/\beach\b/i.test(previous[0] ? sentenceText(previous[0]) : '')) continue;
      // A list introduced by its own total ("4 million documents: ...") was checked above.
      const introduced = previous.find((q) => /^\s*:/.test(q.field.text.slice(q.end)));
      if (introduced) {
        if (
          sameThing(introduced.noun, total.noun) &&
          (introduced.high < total.low * 0.85 || introduced.low > total.high * 1.15)
        ) {
          out.push({
            rule: 'parts',
            subject: id(total),
            field: total.field,
            message: `the total is stated as "${introduced.text}" and then as "${total.text}" (more than 15% apart)`,
          });
        }
        continue;
      }
      parts = previous.filter((q) => q.kind === 'count');
    }
    if (parts.some((p) => p.kind !== 'count')) continue;
    check(total, parts, 'the total is stated as');
  }
  return out;
}

function sentenceStartOf(q: Located): number {
  return sentenceBounds(q.field.text, q.sentence)[0];
}

function sentenceBounds(text: string, index: number): [number, number] {
  let start = 0;
  let count = 0;
  const re = /[.!?](?=\s)/g;
  for (const match of text.matchAll(re)) {
    const end = (match.index ?? 0) + 1;
    if (count === index) return [start, end];
    count++;
    start = end;
  }
  return [start, text.length];
}

function sentenceOf(text: string, index: number): string {
  const [start, end] = sentenceBounds(text, index);
  return text.slice(start, end);
}

/** (b) "150 people who each check about 2,000 crops a day, so roughly 300,000 crops a day in total." */
function productRule(qs: Located[]): ArithmeticFinding[] {
  const out: ArithmeticFinding[] = [];
  for (const q of qs) {
    if (q.kind !== 'count' || !q.each || q.measure) continue;
    const sentence = sentenceOf(q.field.text, q.sentence);
    if (!/\beach\b/i.test(sentence)) continue;
    const same = qs.filter((o) => o.fieldIndex === q.fieldIndex && o.sentence === q.sentence);
    // The total: after "so", "in total" or "that is", counting what the per-entity figure counts.
    const total = same.find(
      (o) =>
        o.start > q.end &&
        isTotal(o) &&
        o.period === q.period &&
        /\b(so|in total|that is|which is)\b|:/i.test(q.field.text.slice(q.end, o.start)),
    );
    if (!total) continue;
    // The entities: a count before "each", in this sentence or the one before.
    const earlier = [
      ...qs.filter((o) => o.fieldIndex === q.fieldIndex && o.sentence === q.sentence - 1),
      ...same.filter((o) => o.end <= q.start),
    ].filter((o) => isTotal(o) && !o.period && o.noun && !sameThing(o.noun, q.noun));
    const entities = earlier.at(-1);
    if (!entities) continue;
    // "900 reviewers, covering 18 languages, each ...": any earlier count that fits is the one meant.
    const fits = (o: Located) =>
      o.value * q.value * 1.15 >= total.low && o.value * q.value * 0.85 <= total.high;
    const expected = entities.value * q.value;
    if (!earlier.some(fits)) {
      out.push({
        rule: 'product',
        subject: id(total),
        field: total.field,
        message: `${entities.text} x ${q.text} is ${formatNumber(expected)}, but the total is stated as "${total.text}" (more than 15% off)`,
      });
    }
  }
  return out;
}

/** (c) A share and a count of the same thing over a stated total: 2% of 10 million is 200,000. */
function shareRule(
  qs: Located[],
  own: Located[],
  involves: (...qs: Located[]) => boolean,
): ArithmeticFinding[] {
  const out: ArithmeticFinding[] = [];
  // The share and its count are in one field, so in one group: only the group's shares.
  for (const share of own) {
    if (share.kind !== 'percent' || share.each || share.bound || share.high > 100) continue;
    const stated =
      share.ofIndex === undefined
        ? undefined
        : qs.find((q) => q.fieldIndex === share.fieldIndex && q.indexInField === share.ofIndex);
    // The count: the next plain count of the sentence, counting what the share is of (or nothing).
    const count = qs.find(
      (q) =>
        q.fieldIndex === share.fieldIndex &&
        q.sentence === share.sentence &&
        q.start > share.end &&
        q !== stated &&
        isTotal(q) &&
        !q.bound &&
        !TOTAL_AFTER.test(q.field.text.slice(q.end, q.end + 12)) &&
        (q.noun === undefined ||
          q.inherited ||
          sameThing(q.noun, share.ofNoun) ||
          sameThing(q.noun, share.toNoun) ||
          (stated !== undefined && sameThing(q.noun, stated.noun))),
    );
    if (!count) continue;
    // Nothing but words between the share and the count: "0.08% of transactions ..., roughly 20,000 a day".
    const between = share.field.text.slice(Math.max(share.end, stated?.end ?? 0), count.start);
    if (/[%$;:]|\d/.test(between) || wordCount(between) > 12 || !RESTATES.test(between)) continue;
    let totals: Located[];
    if (stated && isTotal(stated)) totals = [stated];
    else {
      if (!share.ofNoun) continue;
      totals = qs.filter(
        (t) =>
          t !== count &&
          isTotal(t) &&
          t.role !== 'peak' &&
          sameThing(t.noun, share.ofNoun) &&
          Boolean(t.period) === Boolean(count.period),
      );
    }
    if (totals.length === 0) continue;
    let best: { total: Located; expected: number; error: number } | undefined;
    for (const total of totals) {
      const scale =
        count.period && total.period ? PERIOD_SECONDS[count.period] / PERIOD_SECONDS[total.period] : 1;
      const expected = (share.value / 100) * total.value * scale;
      const low = (share.low / 100) * total.low * scale;
      const high = (share.high / 100) * total.high * scale;
      const error = count.high < low ? low / count.high : count.low > high ? count.low / high : 1;
      if (error <= 1.25) {
        best = undefined;
        break;
      }
      // Name a total over the count's own period when there is one ("a day" with "a day").
      const rank = (t: Located) => (t.period === count.period ? 0 : 1);
      if (!best || rank(total) < rank(best.total) || (rank(total) === rank(best.total) && error < best.error))
        best = { total, expected, error };
    }
    if (!best || !involves(share, count, best.total)) continue;
    const { total, expected } = best;
    const pct = formatNumber(share.value);
    out.push({
      rule: 'share',
      subject: id(count),
      field: count.field,
      message: `${pct}% of ${total.text}${where(total, count.field)} is ${formatNumber(expected)}, but the count is stated as "${count.text}" (more than 25% off)`,
    });
  }
  return out;
}

/** (d) Throughput x time vs work: "60 tiles per second per GPU" with a count of items and GPU-hours. */
function throughputRule(qs: Located[]): ArithmeticFinding[] {
  const out: ArithmeticFinding[] = [];
  for (const rate of qs) {
    if (rate.kind !== 'count' || !rate.perGpu || rate.period !== 'second' || !rate.noun) continue;
    const field = qs.filter((q) => q.fieldIndex === rate.fieldIndex);
    // Per-item factors: "120 tiles per panorama" turns panoramas into tiles.
    const factors = new Map<string, number>([[canonical(rate.noun)!, 1]]);
    for (const q of field)
      if (q.kind === 'count' && q.perUnit && sameThing(q.noun, rate.noun))
        factors.set(canonical(q.perUnit)!, q.value);
    for (const hours of field) {
      if (hours.kind !== 'count' || hours.noun !== 'gpu-hour' || hours.perUnit) continue;
      // Work: counts of the throughput's items (or of items with a factor), or a bare count said
      // in the same sentence as the GPU-hours ("so 830,000 a day is about 460 GPU-hours").
      const candidates = field.filter(
        (q) =>
          q.kind === 'count' &&
          !q.perGpu &&
          !q.perUnit &&
          !q.measure &&
          !q.each &&
          q.start < hours.start &&
          (q.period === undefined || VOLUME_PERIODS.has(q.period)) &&
          (q.nouns.some((noun) => factors.has(canonical(noun)!)) ||
            ((q.noun === undefined || q.inherited) && q.sentence === hours.sentence)),
      );
      if (candidates.length === 0) continue;
      let best: { work: Located; expected: number; error: number } | undefined;
      for (const work of candidates) {
        const noun = work.nouns.find((n) => factors.has(canonical(n)!));
        const options = noun ? [factors.get(canonical(noun)!)!] : [...factors.values()];
        for (const factor of options) {
          const low = (work.low * factor) / rate.high / 3_600;
          const high = (work.high * factor) / rate.low / 3_600;
          const error = hours.high < low ? low / hours.high : hours.low > high ? hours.low / high : 1;
          if (!best || error < best.error)
            best = { work, expected: (work.value * factor) / rate.value / 3_600, error };
        }
      }
      if (!best || best.error <= 3) continue;
      out.push({
        rule: 'throughput',
        subject: id(hours),
        field: hours.field,
        message: `${best.work.text} at ${rate.text} is about ${formatNumber(best.expected)} GPU-hours, but "${hours.text}" is stated (more than 3x off)`,
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Case wiring

/** The prose fields of a case that state numbers, grouped for `checkArithmetic`. */
export function caseTextFields(study: CaseStudy): TextField[] {
  const fields: TextField[] = [{ path: ['prompt'], label: 'prompt', text: study.prompt, group: WORLD }];
  study.facts.forEach((fact, index) => {
    fields.push({
      path: ['facts', index, 'answer'],
      label: `facts.${fact.id}`,
      text: fact.answer,
      group: WORLD,
    });
  });
  for (const stepId of STEP_IDS) {
    const step = study.steps[stepId];
    fields.push({
      path: ['steps', stepId, 'opening'],
      label: `steps.${stepId}.opening`,
      text: step.opening,
      group: `steps.${stepId}.opening`,
    });
    step.points.forEach((point, index) => {
      const base = ['steps', stepId, 'points', index];
      const label = `steps.${stepId}.${point.id}`;
      // A point's probe, strong and staff paragraphs are one argument.
      fields.push({ path: [...base, 'probe'], label: `${label}.probe`, text: point.probe, group: label });
      fields.push({ path: [...base, 'strong'], label: `${label}.strong`, text: point.strong, group: label });
      if (point.staff)
        fields.push({ path: [...base, 'staff'], label: `${label}.staff`, text: point.staff, group: label });
    });
    step.redFlags.forEach((flag, index) => {
      const base = ['steps', stepId, 'redFlags', index];
      const label = `steps.${stepId}.${flag.id}`;
      fields.push({ path: [...base, 'why'], label: `${label}.why`, text: flag.why, group: label });
      if (flag.challenge)
        fields.push({
          path: [...base, 'challenge'],
          label: `${label}.challenge`,
          text: flag.challenge,
          group: label,
        });
    });
  }
  study.curveballs.forEach((ball, index) => {
    const label = `curveballs.${ball.id}`;
    fields.push({
      path: ['curveballs', index, 'text'],
      label: `${label}.text`,
      text: ball.text,
      group: label,
      isolated: true,
    });
    fields.push({
      path: ['curveballs', index, 'expects'],
      label: `${label}.expects`,
      text: ball.expects,
      group: label,
      isolated: true,
    });
  });
  return fields;
}

/**
 * Warns about numbers of one case that relate and disagree. Warnings only: prose numbers are
 * approximate and the relations are found heuristically.
 */
export function lintArithmetic(study: CaseStudy, file: string, displayName: string): RubricIssue[] {
  const findings = checkArithmetic(caseTextFields(study));
  if (findings.length === 0) return [];
  const at = locator(file);
  return findings.map((finding) => ({
    file: displayName,
    ...at(finding.field.path),
    field: finding.field.path.join('.'),
    severity: 'warning' as const,
    message: `${finding.field.label}: ${finding.message}`,
  }));
}
