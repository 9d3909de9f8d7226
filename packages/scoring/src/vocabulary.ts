import type { CaseStudy, Framework, RedFlag } from '@mlsd/rubric';
import { STEP_IDS } from '@mlsd/rubric/steps';
import type { CompiledPoint } from './compiled-types.ts';
import { FILLER, GENERIC } from './lexicon.ts';
import { contentWords } from './words.ts';

/**
 * Machine-learning and quantity words every case uses ("pipeline", "embedding", "hourly",
 * "roughly"). A case's rubric repeats them, but they do not tie a sentence to the case: "we'd
 * monitor the pipeline and retrain hourly" could be said of any system.
 */
const ML_GENERIC = new Set(
  (
    'accuracy actual average billion thousand hundred half quarter dozen minute hourly daily weekly ' +
    'monthly nightly overnight morning roughly estimate embed embedding embeddings vector layer encoder ' +
    'encoders tower ranker ranked retrieval retrieve retriever index indexing pipeline monitor ' +
    'monitoring track update signal signals strong weak separate treat tune term plus minus evaluate ' +
    'evaluation raw stream streaming filter serving serve gpus gpu cpu hardware lag history historical ' +
    'fix level return candidate candidates everything leave note current effect expect depend relative ' +
    'normalize head tail id ids deep heavy cheap expensive fresh freshness extra single pass row remove ' +
    'calibration calibrate calibrated learning learned pretrained neural matrix similar similarity ' +
    'sensitive overall total range ago tomorrow trend rich lookup attribute pattern normal duplicate ' +
    'confidence correction optimize maximize combine ratio available hash deploy shuffle balance ' +
    'balanced equal close median percentile criterion interval indicator risk risky automatic ' +
    'automatically auto manual multiple stable testing mistake resource require prioritize smooth ' +
    'generate reuse personalize cold warm fast slow simple complex offline online batch real ' +
    'production process processing api database storage cluster compute computation network ' +
    'no not never without up over out down off worth zero double thirty tenth observe imply reality ' +
    'realistic selection frequency accurate length experience quietly lately identical'
  ).split(' '),
);

/** A lemma shared by more than this share of all points says nothing about which one is meant. */
const MAX_VOCAB_SHARE = 0.08;
/**
 * A case word is repeated across the case's own naming text (once may be a figure of speech), or is
 * in a case point's own phrasing ("DeepFM", "Flink", "isotonic"): the case's vocabulary of choices.
 */
const MIN_CASE_COUNT = 2;

/**
 * Inverse point frequency over each point's own words: a lemma that only one or two points use
 * ("isotonic", "auction") identifies them; one that half the rubric uses ("model") does not.
 * Fills each point's `vocab` and returns the index from lemma to points.
 */
export function buildVocab(points: CompiledPoint[]): Map<string, { point: number; weight: number }[]> {
  // The title, signals and strong answer are lemmatised at compile time.
  const perPoint = points.map(
    (p) =>
      new Set(
        [...p.signals.flatMap((signal) => signal.lemmas), ...p.strong.flat()].filter(
          (lemma) => lemma.length > 2 && !FILLER.has(lemma) && !GENERIC.has(lemma) && !/\d/.test(lemma),
        ),
      ),
  );
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

/**
 * The words that tie a sentence to this case: lemmas the case's own naming text (prompt, facts,
 * point titles, red flags, curveballs) repeats, or that a case point's phrasings use, minus the
 * framework's generic concepts and the generic ML and everyday vocabulary. "Auction",
 * "advertiser" and "bid" are words of the ad-click case; "drift", "pipeline" and "retrain" belong
 * to every case. `phrasings` are the case points' compiled signal and plain lemmas.
 */
export function caseWords(
  study: CaseStudy,
  framework: Framework,
  phrasings: readonly string[][],
): Set<string> {
  const generic = frameworkWords(framework);
  const text = [
    study.title,
    study.summary,
    study.prompt,
    ...study.facts.flatMap((fact) => [...fact.cues, fact.answer]),
    ...STEP_IDS.flatMap((id) => study.steps[id].redFlags.flatMap((flag) => ownFlagText(flag, framework))),
    ...study.curveballs.map((ball) => ball.text),
  ].join('\n');
  const counts = new Map<string, number>();
  for (const lemma of contentWords(text)) counts.set(lemma, (counts.get(lemma) ?? 0) + 1);
  for (const lemma of phrasings.flat()) counts.set(lemma, MIN_CASE_COUNT);
  const distinctive = (lemma: string) =>
    lemma.length >= 2 &&
    !/\d/.test(lemma) &&
    !generic.has(lemma) &&
    !GENERIC.has(lemma) &&
    !FILLER.has(lemma) &&
    !ML_GENERIC.has(lemma);
  return new Set(
    [...counts]
      .filter(([lemma, count]) => count >= MIN_CASE_COUNT && distinctive(lemma))
      .map(([lemma]) => lemma),
  );
}

/**
 * A case flag's own words: the framework's flags join every case (withFrameworkFlags), and their
 * phrasings ("tune the prompt on the test set") are no more this case's than any other's.
 */
function ownFlagText(flag: RedFlag, framework: Framework): string[] {
  const general = frameworkFlags(framework);
  if (general.ids.has(flag.id)) return [];
  return [flag.title, ...flag.signals.filter((signal) => !general.signals.has(signal.toLowerCase()))];
}

const flagsByFramework = new WeakMap<Framework, { ids: Set<string>; signals: Set<string> }>();

function frameworkFlags(framework: Framework): { ids: Set<string>; signals: Set<string> } {
  let flags = flagsByFramework.get(framework);
  if (!flags) {
    const all = framework.steps.flatMap((step) => step.redFlags);
    flags = {
      ids: new Set(all.map((flag) => flag.id)),
      signals: new Set(all.flatMap((flag) => flag.signals.map((signal) => signal.toLowerCase()))),
    };
    flagsByFramework.set(framework, flags);
  }
  return flags;
}

const genericByFramework = new WeakMap<Framework, Set<string>>();

/** The framework's generic concepts (titles, purposes, phrasings): shared by every case, read once. */
function frameworkWords(framework: Framework): Set<string> {
  let words = genericByFramework.get(framework);
  if (!words) {
    words = new Set(
      contentWords(
        framework.steps
          .flatMap((step) => [
            step.title,
            step.purpose,
            ...step.points.flatMap((point) => [point.title, ...point.signals, ...point.plain]),
          ])
          .join('\n'),
      ),
    );
    genericByFramework.set(framework, words);
  }
  return words;
}
