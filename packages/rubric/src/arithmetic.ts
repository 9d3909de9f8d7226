import { locator, type RubricIssue } from './locate.ts';
import {
  canonical,
  extractQuantities,
  modifiers,
  PERIOD_SECONDS,
  type Quantity,
  RATE_PERIODS,
  sameCounted,
  sameThing,
  VOLUME_PERIODS,
  wordCount,
} from './quantities.ts';
import type { CaseStudy } from './schema.ts';
import { STEP_IDS } from './schema.ts';

/**
 * Arithmetic sanity checks for the numbers a case states in prose ("About 5 billion ad impressions
 * a day. Ad requests peak at 150,000 per second"). Quantities are extracted from each text field
 * with what they count (the noun after the number, as a lemma) and their rate period; quantities
 * of the same thing are then related (daily volume vs per-second rate, parts vs total, share vs
 * count, throughput x time vs work). Prose numbers are approximate, so every finding is a
 * warning, tolerances are wide and anything ambiguous is left alone.
 */

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
