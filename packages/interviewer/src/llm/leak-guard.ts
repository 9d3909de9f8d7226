import type { CaseStudy, Framework } from '@mlsd/rubric';
import { LeakScanner } from './leak-scanner.ts';
import { type Leak, type LeakTables, normalWord, type ScanOptions, WORD_PATTERN } from './leak-types.ts';
import { META_PHRASES } from './meta-sentences.ts';

export type { Leak, ScanOptions } from './leak-types.ts';

/** Words in a row that count as copying a rubric passage. */
export const SHINGLE_WORDS = 6;

const STOP = new Set(
  'a an the and or but if then of to in on at by for with from as is are was were be been being it its this that these those you your we our they their i me my he she his her them do does did so not no can could would should will may might must have has had what which who how when where why than there here also just about into over under more most very such each any all some one'.split(
    ' ',
  ),
);

export interface LeakGuard {
  /** The first leak in a complete text, or null. */
  check(text: string, options?: ScanOptions): Leak | null;
  /** A scanner for one streamed reply: it reads each piece once and says what is safe to show. */
  stream(options?: ScanOptions): LeakScanner;
  /** The lower-cased titles of every point (for callers that build `allowedTitles`). */
  readonly titles: readonly string[];
}

const WORD = new RegExp(WORD_PATTERN, 'gu');

function wordsOf(text: string): string[] {
  return [...text.matchAll(WORD)].map((match) => normalWord(match[0]));
}

function shingles(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    const slice = words.slice(i, i + SHINGLE_WORDS);
    if (slice.filter((word) => !STOP.has(word)).length >= 3) out.push(slice.join(' '));
  }
  return out;
}

/**
 * A guard built from the rubric: any run of six words (three of them content words) that appears
 * in a talking point's strong answer, a curveball's expectations or a red flag's explanation, and
 * not in text the interviewer is meant to say (prompt, facts, openings, probes, curveballs).
 */
export function createLeakGuard(caseStudy: CaseStudy, framework: Framework): LeakGuard {
  const points = [
    ...Object.values(caseStudy.steps).flatMap((step) => step.points),
    ...framework.steps.flatMap((step) => step.points),
  ];
  const secret = [
    ...points.map((point) => point.strong),
    ...caseStudy.curveballs.map((ball) => ball.expects),
    ...Object.values(caseStudy.steps).flatMap((step) => step.redFlags.map((flag) => flag.why)),
  ];
  const open = [
    caseStudy.prompt,
    ...caseStudy.facts.map((fact) => fact.answer),
    ...Object.values(caseStudy.steps).map((step) => step.opening),
    ...points.flatMap((point) => [point.probe, point.title]),
    ...caseStudy.curveballs.map((ball) => ball.text),
    ...framework.steps.flatMap((step) => [step.opening, step.purpose]),
  ];
  const allowed = new Set(open.flatMap((text) => shingles(wordsOf(text))));
  const forbidden = new Set(
    secret.flatMap((text) => shingles(wordsOf(text))).filter((shingle) => !allowed.has(shingle)),
  );

  // A title names the answer ("Calibrated scores"): said by the interviewer, it gives the point away.
  // A title that the interviewer's own lines already contain (an opening that asks about "the
  // latency and cost budget") gives nothing away.
  const titleSet = new Set(points.map((point) => point.title));
  const spoken = open.filter((text) => !titleSet.has(text)).map(wordsOf);
  const titles = [...new Set(points.map((point) => point.title.toLowerCase()))];
  const titleWords = titles
    .map((title) => ({ title, words: wordsOf(title) }))
    .filter(({ words }) => words.length >= 2 && words.some((word) => !STOP.has(word)))
    .filter(({ words }) => !spoken.some((line) => indexOfRun(line, words) >= 0));

  const tables = leakTables(forbidden, titleWords);
  const stream = (options: ScanOptions = {}) => new LeakScanner(tables, options);
  const check = (text: string, options?: ScanOptions) => {
    const scanner = stream(options);
    scanner.push(text);
    scanner.finish();
    return scanner.leak;
  };
  return { check, stream, titles };
}

/**
 * The lookup tables a scanner needs: every leak as a word sequence, and every proper prefix of one
 * from its second content word. A leak found replaces the whole message, so what a prefix decides
 * is only what the candidate glimpses first: the stop words and the one content word that open a
 * leak ("of the check", "you would roll") give nothing away and are shown at once; the next content
 * word, or half of it, is held until the words after it settle whether a leak follows. Holding from
 * the first word cost every reply about one chunk of lag on common words, and from the first content
 * word another one to three chunks on words such as "check" or "result".
 */
function leakTables(
  forbidden: ReadonlySet<string>,
  titleWords: readonly { title: string; words: readonly string[] }[],
): LeakTables {
  const titleRuns = new Map<string, string[]>();
  const prefixes = new Map<string, string[] | null>();
  const openers = new Set<string>();
  const vocabulary = new Set<string>();
  const heldWords = new Set<string>();
  let maxRun = SHINGLE_WORDS;
  // `null`: a prefix of something always forbidden; a list: only of these titles.
  const addPrefixes = (leak: readonly string[], title: string | null) => {
    maxRun = Math.max(maxRun, leak.length);
    for (const word of leak) vocabulary.add(word);
    const firstContent = leak.findIndex((word) => !STOP.has(word));
    const words = firstContent > 0 ? leak.slice(firstContent) : leak;
    const heldFrom = words.findIndex((word, index) => index > 0 && !STOP.has(word));
    if (heldFrom < 0) return;
    heldWords.add(words[heldFrom]!);
    for (let length = 1; length <= heldFrom; length++) openers.add(words.slice(0, length).join(' '));
    for (let length = heldFrom + 1; length < words.length; length++) {
      const key = words.slice(0, length).join(' ');
      const known = prefixes.get(key);
      if (title === null || known === null) prefixes.set(key, null);
      else prefixes.set(key, [...(known ?? []), title]);
    }
  };
  for (const shingle of forbidden) addPrefixes(shingle.split(' '), null);
  for (const phrase of META_PHRASES) addPrefixes(phrase.split(' '), null);
  for (const { title, words } of titleWords) {
    addPrefixes(words, title);
    const key = words.join(' ');
    titleRuns.set(key, [...(titleRuns.get(key) ?? []), title]);
  }
  // A half-written word matters only after an opener: inside a leak, the words before it are held already.
  const wordPrefixes = new Set<string>();
  for (const word of heldWords) {
    for (let end = 1; end <= word.length; end++) wordPrefixes.add(word.slice(0, end));
  }
  const maxWord = Math.max(0, ...[...vocabulary].map((word) => word.length));
  const titleLengths = [...new Set(titleWords.map(({ words }) => words.length))];
  return {
    forbidden,
    shingleWords: SHINGLE_WORDS,
    titleRuns,
    titleLengths,
    prefixes,
    openers,
    wordPrefixes,
    maxRun,
    maxWord,
  };
}

function indexOfRun(haystack: readonly string[], needle: readonly string[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

const guards = new WeakMap<CaseStudy, WeakMap<Framework, LeakGuard>>();

/** `createLeakGuard`, built once per case and framework object. */
export function leakGuardFor(caseStudy: CaseStudy, framework: Framework): LeakGuard {
  let byFramework = guards.get(caseStudy);
  if (!byFramework) {
    byFramework = new WeakMap();
    guards.set(caseStudy, byFramework);
  }
  let guard = byFramework.get(framework);
  if (!guard) {
    guard = createLeakGuard(caseStudy, framework);
    byFramework.set(framework, guard);
  }
  return guard;
}
