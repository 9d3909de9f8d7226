import { extractTerms, groupTerm } from './terms.ts';

/** The kinds of value a question can ask for by how it is worded: a duration, a share. */
export type ValueKind = 'duration' | 'share' | 'money';

const NUMBER = String.raw`(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a few|several|a couple of)`;
const UNIT = '(?:ms|milliseconds?|seconds?|secs?|minutes?|mins?|hours?|days?|weeks?|months?|years?)';

/** "within 5 seconds", "after a median of 2 days", "three weeks", "within minutes"; not "per second". */
const DURATION = new RegExp(String.raw`\b${NUMBER}[\s-]*${UNIT}\b|\bwithin ${UNIT}\b`, 'i');
/** "0.3% of posts", "45 percent", "1 in 15", "half of". */
const SHARE = /\d\s?%|\bpercent\b|\b\d+ in (?:every )?[\d,]+\b|\b(?:half|a third|a quarter|most) of\b/i;

/** "$0.05 per box", "5 dollars", "€2": an amount of money. */
const MONEY = /[$€£]\s?\d|\d\s?(?:cents?|dollars?|euros?|usd|eur)\b/i;

const PATTERNS: readonly (readonly [ValueKind, RegExp])[] = [
  ['duration', DURATION],
  ['share', SHARE],
];

/** The groups that ask for each kind: "how long until", "how soon" ask a duration, "what share" a share. */
const ASKED_BY: ReadonlyMap<string, ValueKind> = new Map([
  [groupTerm('time'), 'duration'],
  [groupTerm('delay'), 'duration'],
  [groupTerm('rate'), 'share'],
]);

/** A sentence of an answer; a full stop only before white space, so "1.2%" stays whole. */
const SENTENCE = /[^.;!?]+(?:[.;!?](?!\s|$)[^.;!?]*)*/g;

/**
 * The terms of an answer that say what a value of each kind is about: the words of each sentence that
 * gives one. "About 50% of fraud is *reported* within 7 days" makes "reported" a duration word, so
 * "how many days before a payment gets reported?" reaches that fact by the event it asks about.
 */
export function valuedTerms(answer: string): Map<ValueKind, Set<string>> {
  const valued = new Map<ValueKind, Set<string>>();
  for (const [sentence] of answer.matchAll(SENTENCE)) {
    // "95% of clicks happen within 10 minutes": shares of a duration say how long, not how many.
    const kind = PATTERNS.find(([, pattern]) => pattern.test(sentence))?.[0];
    // A sum of money is a value of its own, beside a share or a duration in the same sentence.
    for (const each of [kind, MONEY.test(sentence) ? ('money' as const) : undefined]) {
      if (!each) continue;
      const terms = valued.get(each) ?? new Set<string>();
      for (const term of extractTerms(sentence)) terms.add(term);
      valued.set(each, terms);
    }
  }
  return valued;
}

/** Groups that name money, and words that ask for a sum of it ("how much", "average"). */
const MONEY_TERMS = new Set(['cost', 'price', 'billing', 'money'].map(groupTerm));
const SUM_TERMS = new Set([groupTerm('amount'), 'averag', 'typic']);

/** The kinds of value a question's terms ask for. */
export function kindsAsked(terms: Iterable<string>): Set<ValueKind> {
  const kinds = new Set<ValueKind>();
  const all = [...terms];
  for (const term of all) {
    const kind = ASKED_BY.get(term);
    if (kind) kinds.add(kind);
  }
  // "What's the average nightly price?", "how much do we pay reviewers?": a sum of money is asked.
  if (all.some((term) => MONEY_TERMS.has(term)) && all.some((term) => SUM_TERMS.has(term)))
    kinds.add('money');
  return kinds;
}
