import type { CaseStudy, Framework, StepId, TalkingPoint } from '@mlsd/rubric';
import { conceptDuplicates } from '@mlsd/rubric/duplicates';
import { STEP_IDS } from '@mlsd/rubric/steps';
import type { CompiledPoint, CompiledRubric, CompiledStep, SignalRef } from './compiled-types.ts';
import { countersOf } from './flags.ts';
import { addMeasureAliases } from './measure-aliases.ts';
import { type CompiledSignal, compileSignal, phraseKey } from './phrases.ts';
import { buildVocab, caseWords } from './vocabulary.ts';
import { meaningStatus } from './word-vectors.ts';
import { contentWords } from './words.ts';

export type {
  CompiledPoint,
  CompiledRedFlag,
  CompiledRubric,
  CompiledStep,
  SignalRef,
} from './compiled-types.ts';
export { type CompiledSignal, compileSignal, normalise, type PhraseKey, phraseKey } from './phrases.ts';

const compiled = new WeakMap<CaseStudy, WeakMap<Framework, CompiledRubric>>();
let compilations = 0;

/**
 * How many times this process has compiled a case at run time (tokenising every phrasing), not
 * counting stored compilations adopted from the build: the server's start-up test reads it to
 * prove that a first answer after the warm-up compiles nothing.
 */
export function rubricCompilations(): number {
  return compilations;
}

/**
 * The points of every step (the case's, then the framework's generic ones whose id the case does
 * not reuse and whose concept no case point duplicates) with their signals lemmatised. Computed
 * once per case and framework object.
 */
export function compileRubric(study: CaseStudy, framework: Framework): CompiledRubric {
  let byFramework = compiled.get(study);
  if (!byFramework) {
    byFramework = new WeakMap();
    compiled.set(study, byFramework);
  }
  const hit = byFramework.get(framework);
  if (hit) return hit;
  compilations += 1;
  const rubric = build(study, framework);
  byFramework.set(framework, rubric);
  return rubric;
}

/**
 * Makes `rubric` what `compileRubric` returns for its study and framework: the build's stored
 * compilation (`rubric-data.ts`), so a fresh process does not tokenise the rubric again.
 */
export function rememberCompiled(rubric: CompiledRubric): void {
  let byFramework = compiled.get(rubric.study);
  if (!byFramework) {
    byFramework = new WeakMap();
    compiled.set(rubric.study, byFramework);
  }
  byFramework.set(rubric.framework, rubric);
}

/** A framework point's ways of saying its concept, joined to the case point that holds it (its title aside). */
function joinPhrasings(into: CompiledPoint, point: TalkingPoint): void {
  into.signals.push(...phrasingsOf(point).filter((signal) => signal.text !== point.title));
}

function build(study: CaseStudy, framework: Framework): CompiledRubric {
  const points: CompiledPoint[] = [];
  const byId = new Map<string, CompiledPoint>();
  const steps: CompiledStep[] = [];
  const caseIds = new Set(STEP_IDS.flatMap((id) => study.steps[id].points.map((point) => point.id)));
  const duplicates = conceptDuplicates(study, framework);
  const add = (point: TalkingPoint, step: StepId, source: 'case' | 'framework'): CompiledPoint => {
    const compiledPoint: CompiledPoint = {
      index: points.length,
      point,
      step,
      source,
      signals: phrasingsOf(point),
      folded: [],
      vocab: new Map(),
      strong: strongSentences(point.strong),
      probe: phraseKey(point.probe),
    };
    points.push(compiledPoint);
    byId.set(point.id, compiledPoint);
    return compiledPoint;
  };
  for (const frameworkStep of framework.steps) {
    const caseStep = study.steps[frameworkStep.id];
    const stepPoints = caseStep.points.map((point) => add(point, frameworkStep.id, 'case'));
    const notApplicable = new Set(caseStep.notApplicable.map((entry) => entry.id));
    for (const point of frameworkStep.points) {
      if (notApplicable.has(point.id)) continue;
      if (caseIds.has(point.id)) {
        // The case's own version of a framework point: the generic ways of saying it still say it
        // ("show the new version to some users" is an online test in every case).
        const own = byId.get(point.id);
        if (own?.step === frameworkStep.id) joinPhrasings(own, point);
        continue;
      }
      // A near-duplicate is one concept: its phrasings join the case point, and one sentence earns it once.
      const into = byId.get(duplicates.get(point.id) ?? '');
      if (into && into.step === frameworkStep.id) {
        joinPhrasings(into, point);
        into.folded.push(point.id);
        byId.set(point.id, into);
      } else stepPoints.push(add(point, frameworkStep.id, 'framework'));
    }
    steps.push({
      id: frameworkStep.id,
      title: frameworkStep.title,
      minutes: frameworkStep.minutes,
      points: stepPoints,
      redFlags: caseStep.redFlags.map((flag) => {
        const signals = flag.signals.map((text) => compileSignal(text)).filter((s) => s.lemmas.length > 0);
        return {
          id: flag.id,
          title: flag.title,
          why: flag.why,
          step: frameworkStep.id,
          severity: flag.severity,
          signals,
          counters: countersOf(signals, stepPoints),
          notWhen: (flag.notWhen ?? []).map((text) => compileSignal(text)).filter((s) => s.lemmas.length > 0),
        };
      }),
      openings: [caseStep.opening, frameworkStep.opening].map(phraseKey),
    });
  }
  addMeasureAliases(points);
  return {
    study,
    framework,
    steps,
    points,
    byId,
    caseWords: caseWords(
      study,
      framework,
      points
        .filter((point) => point.source === 'case')
        .flatMap((point) => point.signals.filter((signal) => signal.text !== point.point.title))
        .map((signal) => signal.lemmas),
    ),
    signalIndex: indexSignals(points),
    vocabIndex: buildVocab(points),
    meaning: meaningStatus(),
  };
}

/** The strong answer's content lemmas, sentence by sentence: what `meaning.ts` compares answers with. */
function strongSentences(strong: string): string[][] {
  return strong
    .split(/(?<=[.;:!?])\s+/)
    .map((sentence) => contentWords(sentence))
    .filter((lemmas) => lemmas.length > 0);
}

/** The title and jargon signals, then the plain phrasings, as compiled signals. */
function phrasingsOf(point: TalkingPoint): CompiledSignal[] {
  return [
    ...[point.title, ...point.signals].map((text) => compileSignal(text)),
    ...point.plain.map((text) => compileSignal(text, true)),
  ].filter((signal) => signal.lemmas.length > 0);
}

/**
 * A copy of a case or framework without `plain` phrasings, to measure what they add: score the
 * same transcript with `withoutPlain(study)` and the study itself.
 */
export function withoutPlain<T extends CaseStudy | Framework>(rubric: T): T {
  const strip = (point: TalkingPoint): TalkingPoint => ({ ...point, plain: [] });
  if ('steps' in rubric && Array.isArray(rubric.steps)) {
    const framework = rubric as Framework;
    return {
      ...framework,
      steps: framework.steps.map((step) => ({ ...step, points: step.points.map(strip) })),
    } as T;
  }
  const study = rubric as CaseStudy;
  const steps = Object.fromEntries(
    STEP_IDS.map((id) => [id, { ...study.steps[id], points: study.steps[id].points.map(strip) }]),
  ) as CaseStudy['steps'];
  return { ...study, steps } as T;
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
