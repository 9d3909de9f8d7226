import type { CaseStudy, Framework } from '@mlsd/rubric';

/** Words in a row that count as copying a rubric passage. */
export const SHINGLE_WORDS = 6;

const STOP = new Set(
  'a an the and or but if then of to in on at by for with from as is are was were be been being it its this that these those you your we our they their i me my he she his her them do does did so not no can could would should will may might must have has had what which who how when where why than there here also just about into over under more most very such each any all some one'.split(
    ' ',
  ),
);

/** Talk about the grading itself; the interviewer never says it, whatever the candidate asks. */
const META =
  /\b(?:rubric|talking points?|strong answer|full marks|grading criteria|scoring criteria|your score|you (?:have )?scored|(?:un)?covered points|checklist of topics)\b/i;

/** A refusal to talk about the grading is what the interviewer should say, not a leak. */
const REFUSAL =
  /\b(?:can(?:not|['’]t)|won['’]t|will not|unable to|not able to|not going to|don['’]t|do not)\s+(?:share|show|reveal|discuss|tell you|give (?:you|out)|disclose|go into|comment on)\b/i;

export interface Leak {
  kind: 'strong-answer' | 'meta' | 'title';
  /** The words that matched. */
  match: string;
}

export interface ScanOptions {
  /**
   * Lower-cased point titles that may be said this time: a concept-naming hint's own point, or a
   * title the candidate already said in their own words.
   */
  allowedTitles?: ReadonlySet<string>;
}

export interface LeakGuard {
  /** The first leak in a complete text, or null. */
  check(text: string, options?: ScanOptions): Leak | null;
  /** Scans `text` (which only grows) and says how much of it is safe to show yet. */
  scan(text: string, final: boolean, options?: ScanOptions): { safeEnd: number; leak: Leak | null };
  /** The lower-cased titles of every point (for callers that build `allowedTitles`). */
  readonly titles: readonly string[];
}

interface Word {
  norm: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

function wordsOf(text: string): Word[] {
  return [...text.matchAll(WORD)].map((match) => ({
    norm: match[0].toLowerCase().replace('’', "'"),
    start: match.index,
    end: match.index + match[0].length,
  }));
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
  const allowed = new Set(open.flatMap((text) => shingles(wordsOf(text).map((word) => word.norm))));
  const forbidden = new Set(
    secret
      .flatMap((text) => shingles(wordsOf(text).map((word) => word.norm)))
      .filter((shingle) => !allowed.has(shingle)),
  );

  // A title names the answer ("Calibrated scores"): said by the interviewer, it gives the point away.
  // A title that the interviewer's own lines already contain (an opening that asks about "the
  // latency and cost budget") gives nothing away.
  const titleSet = new Set(points.map((point) => point.title));
  const spoken = open
    .filter((text) => !titleSet.has(text))
    .map((text) => wordsOf(text).map((word) => word.norm));
  const titles = [...new Set(points.map((point) => point.title.toLowerCase()))];
  const titleWords = titles
    .map((title) => ({ title, words: wordsOf(title).map((word) => word.norm) }))
    .filter(({ words }) => words.length >= 2 && words.some((word) => !STOP.has(word)))
    .filter(({ words }) => !spoken.some((line) => indexOfRun(line, words) >= 0));

  const scan = (text: string, final: boolean, options: ScanOptions = {}) => {
    const words = wordsOf(text);
    // The last word may still be growing; judge it only once something follows it.
    const complete =
      final || (words.length > 0 && words[words.length - 1]!.end < text.length)
        ? words.length
        : words.length - 1;
    const norms = words.slice(0, complete).map((word) => word.norm);
    for (let i = 0; i + SHINGLE_WORDS <= norms.length; i++) {
      const shingle = norms.slice(i, i + SHINGLE_WORDS).join(' ');
      if (forbidden.has(shingle))
        return { safeEnd: words[i]?.start ?? 0, leak: { kind: 'strong-answer' as const, match: shingle } };
    }
    for (const { title, words: needle } of titleWords) {
      if (options.allowedTitles?.has(title)) continue;
      const at = indexOfRun(norms, needle);
      if (at >= 0) return { safeEnd: words[at]?.start ?? 0, leak: { kind: 'title' as const, match: title } };
    }
    const checked = complete > 0 ? text.slice(0, words[complete - 1]!.end) : '';
    const meta = metaOutsideRefusal(checked, text, final);
    if (meta?.leak) return { safeEnd: meta.at, leak: { kind: 'meta' as const, match: meta.match } };
    // A sentence that talks about the grading and has not ended yet may still turn into a refusal.
    if (meta) return { safeEnd: meta.at, leak: null };
    if (final) return { safeEnd: text.length, leak: null };
    // Hold back the words a leak could still start in: the last (SHINGLE_WORDS - 1) complete ones.
    const held = words[Math.max(0, complete - (SHINGLE_WORDS - 1))];
    return { safeEnd: complete < SHINGLE_WORDS ? 0 : (held?.start ?? text.length), leak: null };
  };

  return { check: (text, options) => scan(text, true, options).leak, scan, titles };
}

/**
 * The first mention of the grading that is not inside a refusal ("I can't share the rubric").
 * `leak: false` with `at` at its sentence start: the sentence has not ended yet, hold it back.
 */
function metaOutsideRefusal(
  checked: string,
  text: string,
  final: boolean,
): { at: number; match: string; leak: boolean } | null {
  const pattern = new RegExp(META.source, 'gi');
  for (let match = pattern.exec(checked); match !== null; match = pattern.exec(checked)) {
    const start = sentenceStart(text, match.index);
    const endMatch = /[.!?](?:\s|$)/.exec(text.slice(match.index));
    const ended = final || endMatch !== null;
    const end = endMatch ? match.index + endMatch.index + 1 : text.length;
    if (!ended) return { at: start, match: match[0], leak: false };
    if (!REFUSAL.test(text.slice(start, end))) return { at: match.index, match: match[0], leak: true };
  }
  return null;
}

function sentenceStart(text: string, index: number): number {
  const before = text.slice(0, index);
  const last = Math.max(
    before.lastIndexOf('. '),
    before.lastIndexOf('? '),
    before.lastIndexOf('! '),
    before.lastIndexOf('\n'),
  );
  return last < 0 ? 0 : last + 1;
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
