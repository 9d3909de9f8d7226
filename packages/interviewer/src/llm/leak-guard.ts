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

export interface Leak {
  kind: 'strong-answer' | 'meta';
  /** The words that matched. */
  match: string;
}

export interface LeakGuard {
  /** The first leak in a complete text, or null. */
  check(text: string): Leak | null;
  /** Scans `text` (which only grows) and says how much of it is safe to show yet. */
  scan(text: string, final: boolean): { safeEnd: number; leak: Leak | null };
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

  const scan = (text: string, final: boolean) => {
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
    const checked = complete > 0 ? text.slice(0, words[complete - 1]!.end) : '';
    const meta = META.exec(checked);
    if (meta) return { safeEnd: meta.index, leak: { kind: 'meta' as const, match: meta[0] } };
    if (final) return { safeEnd: text.length, leak: null };
    // Hold back the words a leak could still start in: the last (SHINGLE_WORDS - 1) complete ones.
    const held = words[Math.max(0, complete - (SHINGLE_WORDS - 1))];
    return { safeEnd: complete < SHINGLE_WORDS ? 0 : (held?.start ?? text.length), leak: null };
  };

  return { check: (text) => scan(text, true).leak, scan };
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
