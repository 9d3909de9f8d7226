import { type CaseStudy, type Framework, STEP_IDS, type StepId, type TalkingPoint } from '@mlsd/rubric';
import { contentWords } from './analyse.ts';
import { FILLER, GENERIC } from './lexicon.ts';

/** A rubric phrase reduced to its distinct content lemmas. */
export interface CompiledSignal {
  text: string;
  lemmas: string[];
  /**
   * For each of `lemmas`, every lemma a candidate's word may have for it. wink lemmatises by part
   * of speech, so "calibrated" stays "calibrated" in the phrase "calibrated probabilities" but is
   * "calibrate" in "the scores are calibrated"; both are accepted.
   */
  alternatives: string[][];
}

export interface CompiledPoint {
  /** Position in `CompiledRubric.points`. */
  index: number;
  point: TalkingPoint;
  step: StepId;
  source: 'case' | 'framework';
  signals: CompiledSignal[];
  /** The point's distinctive vocabulary (title, signals, strong answer), each lemma with its weight. */
  vocab: Map<string, number>;
  probe: PhraseKey;
}

export interface CompiledRedFlag {
  id: string;
  title: string;
  why: string;
  step: StepId;
  signals: CompiledSignal[];
}

/** A sentence the interviewer says, in the two forms turns are compared against. */
export interface PhraseKey {
  /** Lower-cased, punctuation-free, single-spaced. */
  normal: string;
  lemmas: string[];
}

export interface CompiledStep {
  id: StepId;
  title: string;
  minutes: number;
  points: CompiledPoint[];
  redFlags: CompiledRedFlag[];
  /** The case's and the framework's opening questions, to place stepless transcripts. */
  openings: PhraseKey[];
}

export interface SignalRef {
  point: number;
  signal: number;
  /** Which of the signal's lemmas this is. */
  slot: number;
}

export interface CompiledRubric {
  study: CaseStudy;
  framework: Framework;
  steps: CompiledStep[];
  points: CompiledPoint[];
  byId: Map<string, CompiledPoint>;
  /** Content lemma -> the signals that contain it. */
  signalIndex: Map<string, SignalRef[]>;
  /** Content lemma -> the points whose distinctive vocabulary holds it, with its weight. */
  vocabIndex: Map<string, { point: number; weight: number }[]>;
}

/** A lemma shared by more than this share of all points says nothing about which one is meant. */
const MAX_VOCAB_SHARE = 0.08;

const compiled = new WeakMap<CaseStudy, WeakMap<Framework, CompiledRubric>>();

/**
 * The points of every step (the case's, then the framework's generic ones whose id the case does
 * not reuse) with their signals lemmatised. Computed once per case and framework object.
 */
export function compileRubric(study: CaseStudy, framework: Framework): CompiledRubric {
  let byFramework = compiled.get(study);
  if (!byFramework) {
    byFramework = new WeakMap();
    compiled.set(study, byFramework);
  }
  const hit = byFramework.get(framework);
  if (hit) return hit;
  const rubric = build(study, framework);
  byFramework.set(framework, rubric);
  return rubric;
}

function build(study: CaseStudy, framework: Framework): CompiledRubric {
  const points: CompiledPoint[] = [];
  const byId = new Map<string, CompiledPoint>();
  const steps: CompiledStep[] = [];
  const caseIds = new Set(STEP_IDS.flatMap((id) => study.steps[id].points.map((point) => point.id)));
  const add = (point: TalkingPoint, step: StepId, source: 'case' | 'framework'): CompiledPoint => {
    const signals = [point.title, ...point.signals].map(compileSignal).filter((s) => s.lemmas.length > 0);
    const compiledPoint: CompiledPoint = {
      index: points.length,
      point,
      step,
      source,
      signals,
      vocab: new Map(),
      probe: phraseKey(point.probe),
    };
    points.push(compiledPoint);
    byId.set(point.id, compiledPoint);
    return compiledPoint;
  };
  for (const frameworkStep of framework.steps) {
    const caseStep = study.steps[frameworkStep.id];
    const stepPoints = caseStep.points.map((point) => add(point, frameworkStep.id, 'case'));
    for (const point of frameworkStep.points) {
      if (!caseIds.has(point.id)) stepPoints.push(add(point, frameworkStep.id, 'framework'));
    }
    steps.push({
      id: frameworkStep.id,
      title: frameworkStep.title,
      minutes: frameworkStep.minutes,
      points: stepPoints,
      redFlags: caseStep.redFlags.map((flag) => ({
        id: flag.id,
        title: flag.title,
        why: flag.why,
        step: frameworkStep.id,
        signals: flag.signals.map(compileSignal).filter((s) => s.lemmas.length > 0),
      })),
      openings: [caseStep.opening, frameworkStep.opening].map(phraseKey),
    });
  }
  return {
    study,
    framework,
    steps,
    points,
    byId,
    signalIndex: indexSignals(points),
    vocabIndex: buildVocab(points),
  };
}

export function compileSignal(text: string): CompiledSignal {
  const lemmas = contentWords(text);
  // The same words after a subject read as verbs: "we calibrated probabilities" -> calibrate.
  const asVerbs = contentWords(`we ${text}`);
  const alternatives = lemmas.map((lemma, i) => {
    const verb = asVerbs.length === lemmas.length ? asVerbs[i] : undefined;
    return verb && verb !== lemma ? [lemma, verb] : [lemma];
  });
  const seen = new Set<string>();
  const keep = lemmas.map((lemma) => !seen.has(lemma) && seen.add(lemma) !== undefined);
  return {
    text,
    lemmas: lemmas.filter((_, i) => keep[i]),
    alternatives: alternatives.filter((_, i) => keep[i]),
  };
}

export function phraseKey(text: string): PhraseKey {
  return { normal: normalise(text), lemmas: [...new Set(contentWords(text))] };
}

/** Lower case, letters and digits only, single spaces: for "does this turn contain that sentence". */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function indexSignals(points: CompiledPoint[]): Map<string, SignalRef[]> {
  const index = new Map<string, SignalRef[]>();
  for (const point of points) {
    point.signals.forEach((signal, signalIndex) => {
      signal.alternatives.forEach((forms, slot) => {
        for (const lemma of forms) {
          const refs = index.get(lemma) ?? [];
          refs.push({ point: point.index, signal: signalIndex, slot });
          index.set(lemma, refs);
        }
      });
    });
  }
  return index;
}

/**
 * Inverse point frequency over each point's own words: a lemma that only one or two points use
 * ("isotonic", "auction") identifies them; one that half the rubric uses ("model") does not.
 */
function buildVocab(points: CompiledPoint[]): Map<string, { point: number; weight: number }[]> {
  const perPoint = points.map((p) => {
    const text = [p.point.title, ...p.point.signals, p.point.strong].join('\n');
    return new Set(
      contentWords(text).filter(
        (lemma) => lemma.length > 2 && !FILLER.has(lemma) && !GENERIC.has(lemma) && !/\d/.test(lemma),
      ),
    );
  });
  const df = new Map<string, number>();
  for (const lemmas of perPoint) for (const lemma of lemmas) df.set(lemma, (df.get(lemma) ?? 0) + 1);
  const maxDf = Math.max(2, Math.floor(points.length * MAX_VOCAB_SHARE));
  const index = new Map<string, { point: number; weight: number }[]>();
  perPoint.forEach((lemmas, pointIndex) => {
    const point = points[pointIndex];
    if (!point) return;
    for (const lemma of lemmas) {
      const count = df.get(lemma) ?? 1;
      if (count > maxDf) continue;
      const weight = Math.log((points.length + 1) / count);
      point.vocab.set(lemma, weight);
      const refs = index.get(lemma) ?? [];
      refs.push({ point: pointIndex, weight });
      index.set(lemma, refs);
    }
  });
  return index;
}
