import { SCALE } from '../facts/quoted.ts';
import { extractTerms } from '../facts/terms.ts';

/**
 * The figures a text states, each with what it is about: a share ("5% of transactions"), a count per
 * period ("25 million authorizations a day") or a latency ("100 ms", "a full second" beside a
 * budget), the thing counted and the words around it. Years, model sizes, ranges, "1 in 25" and
 * what some of a group have are no figures of a case. Read by misquotes.ts for the candidate's
 * messages and the case's facts alike.
 */

export type Kind = 'percent' | 'count' | 'latency';

export interface Figure {
  kind: Kind;
  value: number;
  /** The period a count is per ("day", "second"), or '' for a plain count. */
  per: string;
  said: string;
  /** Terms of the words the figure counts ("daily active users" gives ~users). */
  noun: Set<string>;
  /** Terms of the words on either side, within the clause. */
  near: Set<string>;
  /** Terms of the whole clause. */
  clause: Set<string>;
}

/** Words on either side of a figure that say what it is about. */
const NEAR_WORDS = 3;

const FIGURE =
  /(?<![\w.,$£€/-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(%|percent\b|per cent\b|ms\b|milliseconds?\b|s\b|secs?\b|seconds?\b|thousand\b|million\b|billion\b|trillion\b|(?:k|m|mm|mn|b|bn)\b(?![/.]\w)))?/gi;

export const LATENCY_WORDS =
  /\b(?:budget|latency|sla|p9\d|p50|end to end|end-to-end|round trip|respond|response|to answer|to reply|to decide|to return)\b/i;

const PERIOD = String.raw`(second|sec|minute|min|hour|hr|day|week|month|year)s?`;
/** "a day", "per second", "/s", "daily" within the few words after a count. */
const PER_AFTER = new RegExp(
  String.raw`^[\w\s-]{0,40}?\b(?:a|an|per|each|every)\s+${PERIOD}\b|^\s*\/\s*(s|sec|second|day)\b`,
  'i',
);
const RATE_WORD = /^\s*(?:qps|tps|rps|requests? per second|queries per second)\b/i;
const DAILY = /^\s*(?:daily|dau\b)|^\s*[\w-]+\s+(?:daily|dau)\b/i;
const MONTHLY = /^\s*(?:monthly|mau\b)|^\s*[\w-]+\s+(?:monthly|mau)\b/i;
const TIME_OR_TIMES =
  /^(?:times?|x|fold|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|points?|pp|steps?|stages?|hops?)\b/i;

/** Words that end the noun a count counts. */
const NOUN_END =
  /^(?:a|an|the|per|each|every|of|in|on|at|and|or|to|for|with|from|that|which|who|is|are|was|were|we|it|by|over|across|so|but|as|than)$/i;

/** The figures of a text with what they count and the words around them. */
export function figuresIn(text: string, nearWords = NEAR_WORDS): Figure[] {
  const figures: Figure[] = [];
  for (const clause of clauses(text)) {
    if (!/\d|second/i.test(clause)) continue;
    const clauseTerms = new Set(extractTerms(clause));
    const figure = (
      kind: Kind,
      value: number,
      said: string,
      near: Set<string>,
      counted?: Set<string>,
      per = '',
    ) => figures.push({ kind, value, per, said, noun: counted ?? new Set(), near, clause: clauseTerms });
    // "roughly a full second to answer the network": a latency in words.
    const spelled = SPELLED_SECONDS.exec(clause);
    if (spelled && LATENCY_WORDS.test(clause)) {
      const at = spelled.index;
      const near = nearTerms(clause.slice(0, at), clause.slice(at + spelled[0].length), nearWords);
      const words = spelled[1]?.toLowerCase() ?? 'a';
      const said = `${words} second${(SECONDS_IN_WORDS[words] ?? 1000) > 1000 ? 's' : ''}`;
      figure('latency', SECONDS_IN_WORDS[words] ?? 1000, said, near);
    }
    for (const match of clause.matchAll(FIGURE)) {
      const [whole, digits = '', unitWord = ''] = match;
      const unit = unitWord.toLowerCase();
      const value = Number(digits.replaceAll(',', ''));
      const after = clause.slice(match.index + whole.length);
      const before = clause.slice(0, match.index);
      if (!Number.isFinite(value) || !aFigureOfTheCase(digits, unit, before, after)) continue;
      const near = nearTerms(before, after, nearWords);
      const said = whole.trim();
      if (unit === '%' || unit.startsWith('per')) {
        // "I'm not 100% sure": a manner of speaking.
        if (!/^\s*(?:sure|certain|confident|convinced|positive)\b/i.test(after))
          figure('percent', value, said, near);
      } else if (unit === 'ms' || unit.startsWith('millisecond')) {
        figure('latency', value, said, near);
      } else if (/^s|^sec/.test(unit)) {
        // "a budget of 1 second": a latency; "after 30 seconds" is some other duration.
        if (LATENCY_WORDS.test(clause)) figure('latency', value * 1000, said, near);
      } else {
        const nounWords = nounAfter(after);
        // "250 times more", "1 day", "30 minutes": a multiple or a duration, not a count of things.
        if (TIME_OR_TIMES.test(nounWords)) continue;
        // The word counted ("users" of "daily active users"): "10 million active ads" and "300,000
        // active restaurants" share a word but count different things.
        const counted = new Set(extractTerms(nounWords.split(' ').at(-1) ?? ''));
        const written = `${said}${nounWords ? ` ${nounWords}` : ''}`;
        figure('count', value * (SCALE[unit] ?? 1), written, near, counted, periodAfter(after));
      }
    }
  }
  return figures;
}

/**
 * Not a year ("in 2023"), a model size ("7B"), a range's end ("300 to 500"), one of a share ("1 in
 * 25 impressions") or what some of them have ("members who have 5000 connections").
 */
function aFigureOfTheCase(digits: string, unit: string, before: string, after: string): boolean {
  if (/^(?:19|20)\d\d$/.test(digits) && unit === '') return false;
  if (/^\s*(?:-|to|–)\s*\d/.test(after) || /\d\s*(?:-|to|–)\s*$/.test(before)) return false;
  if (/^\s*(?:params?|parameters?|tokens?\b|-?dim|d\b|x\b|gb\b|tb\b|mb\b)/i.test(after)) return false;
  if (/\d\s+in\s*$|\bout of\s*$/i.test(before) || /^\s*(?:in|out of)\s+\d/i.test(after)) return false;
  return !/\b(?:who|that|which) (?:have|has|had|with)\s+(?:about |around |over |more than )?$/i.test(before);
}

function nearTerms(before: string, after: string, count: number): Set<string> {
  return new Set([...extractTerms(lastWords(before, count)), ...extractTerms(firstWords(after, count))]);
}

/** The period a count is per: "a day", "per second", "QPS", "daily active". */
function periodAfter(after: string): string {
  if (RATE_WORD.test(after)) return 'second';
  if (DAILY.test(after)) return 'day';
  if (MONTHLY.test(after)) return 'month';
  const period = PER_AFTER.exec(after)?.slice(1).find(Boolean)?.toLowerCase() ?? '';
  return PERIOD_NAMES[period] ?? period;
}

const PERIOD_NAMES: Readonly<Record<string, string>> = {
  sec: 'second',
  s: 'second',
  min: 'minute',
  hr: 'hour',
};

/** "a full second", "half a second", "two seconds". */
const SPELLED_SECONDS =
  /\b(?:roughly |about |around |nearly |almost )?(a full|a whole|one|a|half a|two|three|a couple of|several) seconds?\b/i;
const SECONDS_IN_WORDS: Readonly<Record<string, number>> = {
  'a full': 1000,
  'a whole': 1000,
  one: 1000,
  a: 1000,
  'half a': 500,
  two: 2000,
  three: 3000,
  'a couple of': 2000,
  several: 3000,
};

export function clauses(text: string): string[] {
  return text.split(/[.;:!?()]\s+|[.;:!?]$|,\s+|\s[-–—]\s/);
}

function lastWords(text: string, count: number): string {
  const words = text.trim().split(/\s+/);
  return words.slice(Math.max(0, words.length - count)).join(' ');
}

function firstWords(text: string, count: number): string {
  return text.trim().split(/\s+/).slice(0, count).join(' ');
}

/** "daily active users a day" gives "daily active users": up to three words, to the first small word. */
function nounAfter(after: string): string {
  const words: string[] = [];
  for (const word of after.trim().split(/\s+/)) {
    const bare = word.replace(/[^\w'-]/g, '');
    if (bare === '' || NOUN_END.test(bare) || /^\d/.test(bare)) break;
    words.push(bare);
    if (words.length === 3 || /[,;:]$/.test(word)) break;
  }
  return words.join(' ');
}
