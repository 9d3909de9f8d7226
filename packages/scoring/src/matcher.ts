import type { StepId } from '@mlsd/rubric';
import { type Analysis, Cue } from './analyse.ts';
import type { CompiledPoint, CompiledRedFlag, CompiledRubric } from './compile.ts';
import { AnalysisMemo, CREDIT, saysSignal, verdictsOf } from './evidence.ts';

export { CREDIT };

/** One piece of candidate-authored text: an answer or the notes pad. */
export interface Utterance {
  analysis: Analysis;
  /** Index of the turn in the transcript; null for the notes pad. */
  turnIndex: number | null;
  /** Position in the session, for "raised before it was probed"; the notes pad is Infinity. */
  order: number;
  step: StepId | null;
  /** Content lemmas of the interviewer turn this answers: repeating them is not the candidate's own. */
  prompt: Set<string> | null;
}

export type Level = 'missed' | 'mentioned' | 'explained';

export interface Quote {
  quote: string;
  turnIndex: number | null;
}

export interface PointMatch {
  point: CompiledPoint;
  level: Level;
  /** Share of the point's weight earned, 0..1. */
  credit: number;
  evidence: Quote | null;
  /** Order of the first utterance that earned credit; Infinity when none did. */
  firstOrder: number;
}

export interface RedFlagMatch {
  flag: CompiledRedFlag;
  evidence: Quote;
}

/**
 * Finds the best evidence for each of `points` in the candidate's utterances. Evidence may come
 * from any utterance, whatever step it was said in; ties go to the point's own step, then to the
 * earliest utterance.
 */
export function matchPoints(
  rubric: CompiledRubric,
  utterances: Utterance[],
  points: CompiledPoint[],
): PointMatch[] {
  interface Best {
    credit: number;
    explained: boolean;
    firstOrder: number;
    sameStep: boolean;
    source: { utterance: Utterance; start: number; end: number } | null;
  }
  const best = new Map<number, Best>();
  for (const point of points)
    best.set(point.index, {
      credit: 0,
      explained: false,
      firstOrder: Infinity,
      sameStep: false,
      source: null,
    });
  for (const utterance of utterances) {
    for (const verdict of verdictsOf(rubric, utterance.analysis, utterance.prompt)) {
      const current = best.get(verdict.point);
      const point = rubric.points[verdict.point];
      if (!current || !point) continue;
      current.firstOrder = Math.min(current.firstOrder, utterance.order);
      const sameStep = utterance.step === point.step;
      if (
        verdict.credit > current.credit ||
        (verdict.credit === current.credit && sameStep && !current.sameStep)
      ) {
        current.credit = verdict.credit;
        current.explained = verdict.explained;
        current.sameStep = sameStep;
        current.source = { utterance, start: verdict.start, end: verdict.end };
      }
    }
  }
  return points.map((point) => {
    const found = best.get(point.index);
    const source = found?.source;
    return {
      point,
      level: !source ? 'missed' : found.explained ? 'explained' : 'mentioned',
      credit: found?.credit ?? 0,
      evidence: source ? quoteOf(source.utterance, source.start, source.end) : null,
      firstOrder: found?.firstOrder ?? Infinity,
    };
  });
}

const redFlagMemo = new AnalysisMemo<{ flag: CompiledRedFlag; start: number; end: number }[]>();

/** Red flags said in earnest: not inside a sentence that rejects them, not an echo of the interviewer. */
export function matchRedFlags(rubric: CompiledRubric, utterances: Utterance[]): RedFlagMatch[] {
  const flags = rubric.steps.flatMap((step) => step.redFlags);
  const found = new Map<string, RedFlagMatch>();
  for (const utterance of utterances) {
    const { analysis, prompt } = utterance;
    const hits = redFlagMemo.get(analysis, rubric, prompt, () =>
      analysis.segments.flatMap((segment) => {
        if (segment.graderDirected !== null || segment.cues & Cue.negation) return [];
        return flags
          .filter((flag) =>
            flag.signals.some(
              (signal) =>
                saysSignal(signal, segment) &&
                !signal.alternatives.every((forms) => forms.some((lemma) => prompt?.has(lemma))),
            ),
          )
          .map((flag) => ({ flag, start: segment.start, end: segment.end }));
      }),
    );
    for (const hit of hits) {
      if (!found.has(hit.flag.id))
        found.set(hit.flag.id, { flag: hit.flag, evidence: quoteOf(utterance, hit.start, hit.end) });
    }
  }
  return [...found.values()];
}

function quoteOf(utterance: Utterance, start: number, end: number): Quote {
  const quote = utterance.analysis.text.slice(start, end);
  assertQuote(quote, utterance.analysis.text);
  return { quote, turnIndex: utterance.turnIndex };
}

/** Evidence must be the candidate's own words, verbatim: a quote not found in its source is a bug. */
export function assertQuote(quote: string, source: string): void {
  if (quote.length === 0 || !source.includes(quote)) {
    throw new Error(
      `evidence quote is not a substring of the candidate's text: ${JSON.stringify(quote.slice(0, 80))}`,
    );
  }
}
