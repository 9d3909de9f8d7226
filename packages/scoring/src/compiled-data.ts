import type { CaseStudy, Framework, StepId, TalkingPoint } from '@mlsd/rubric';
import type { CompiledPoint, CompiledRedFlag, CompiledRubric, SignalRef } from './compiled-types.ts';
import { adoptMeaningReferences, type MeaningReferences, storedMeaningReferences } from './meaning.ts';
import type { CompiledSignal, PhraseKey } from './phrases.ts';
import { meaningStatus } from './word-vectors.ts';

/**
 * A compiled rubric (`compile.ts`) as plain JSON, so the build can store what compiling a case
 * works out from its text (every phrasing's lemmas, folded duplicates, vocabularies, case words)
 * and a fresh `mlsd score` process skips tokenising a few thousand rubric phrases with wink-nlp.
 * Maps and sets keep their insertion order (entries arrays), so matching iterates them exactly as
 * it does over a rubric compiled in the process. Talking points are stored as where they sit in the
 * case or framework, and decoding points back at the very objects the caller loaded.
 */
export interface CompiledRubricData {
  points: {
    step: StepId;
    source: 'case' | 'framework';
    /** Position of the talking point in its step's list (the case's or the framework's). */
    at: number;
    signals: CompiledSignal[];
    folded: string[];
    vocab: [string, number][];
    strong: string[][];
    probe: PhraseKey;
  }[];
  steps: {
    id: StepId;
    title: string;
    minutes: number;
    points: number[];
    redFlags: CompiledRedFlag[];
    openings: PhraseKey[];
  }[];
  byId: [string, number][];
  caseWords: string[];
  signalIndex: [string, SignalRef[]][];
  vocabIndex: [string, { point: number; weight: number }[]][];
  /** The reading-by-meaning index's references (`meaning.ts`), when the build had the word vectors. */
  meaning?: MeaningReferences;
}

function stepPointsOf(study: CaseStudy, framework: Framework, step: StepId, source: 'case' | 'framework') {
  return source === 'case'
    ? study.steps[step].points
    : (framework.steps.find((candidate) => candidate.id === step)?.points ?? []);
}

/** The JSON form of `rubric`; throws when a point is not where its study or framework holds it. */
export function encodeCompiled(rubric: CompiledRubric): CompiledRubricData {
  return {
    points: rubric.points.map((point) => {
      const at = stepPointsOf(rubric.study, rubric.framework, point.step, point.source).indexOf(point.point);
      if (at === -1) throw new Error(`compiled point ${point.point.id} is not in its ${point.source} step`);
      return {
        step: point.step,
        source: point.source,
        at,
        signals: point.signals,
        folded: point.folded,
        vocab: [...point.vocab],
        strong: point.strong,
        probe: point.probe,
      };
    }),
    steps: rubric.steps.map((step) => ({
      id: step.id,
      title: step.title,
      minutes: step.minutes,
      points: step.points.map((point) => point.index),
      redFlags: step.redFlags,
      openings: step.openings,
    })),
    byId: [...rubric.byId].map(([id, point]) => [id, point.index]),
    caseWords: [...rubric.caseWords],
    signalIndex: [...rubric.signalIndex],
    vocabIndex: [...rubric.vocabIndex],
    ...withMeaning(rubric),
  };
}

function withMeaning(rubric: CompiledRubric): { meaning?: MeaningReferences } {
  const meaning = storedMeaningReferences(rubric);
  return meaning ? { meaning } : {};
}

/**
 * The compiled rubric of `study` and `framework` from its JSON form; null when the data does not
 * fit them (a point out of range), so the caller compiles instead.
 */
export function decodeCompiled(
  data: CompiledRubricData,
  study: CaseStudy,
  framework: Framework,
): CompiledRubric | null {
  const points: CompiledPoint[] = [];
  for (const [index, stored] of data.points.entries()) {
    const point: TalkingPoint | undefined = stepPointsOf(study, framework, stored.step, stored.source)[
      stored.at
    ];
    if (!point) return null;
    points.push({
      index,
      point,
      step: stored.step,
      source: stored.source,
      signals: stored.signals,
      folded: stored.folded,
      vocab: new Map(stored.vocab),
      strong: stored.strong,
      probe: stored.probe,
    });
  }
  const pointAt = (index: number): CompiledPoint => {
    const point = points[index];
    if (!point) throw new Error(`compiled rubric data names point ${index} of ${points.length}`);
    return point;
  };
  let rubric: CompiledRubric;
  try {
    rubric = {
      study,
      framework,
      steps: data.steps.map((step) => ({
        id: step.id,
        title: step.title,
        minutes: step.minutes,
        points: step.points.map(pointAt),
        redFlags: step.redFlags,
        openings: step.openings,
      })),
      points,
      byId: new Map(data.byId.map(([id, index]) => [id, pointAt(index)])),
      caseWords: new Set(data.caseWords),
      signalIndex: new Map(data.signalIndex),
      vocabIndex: new Map(data.vocabIndex),
      meaning: meaningStatus(),
    };
  } catch {
    return null;
  }
  // The index is made for these very objects; with another word-vector table it is built on first use.
  if (data.meaning) adoptMeaningReferences(rubric, data.meaning);
  return rubric;
}
