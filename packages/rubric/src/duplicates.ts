import type { CaseStudy, Framework, StepId, TalkingPoint } from './schema.ts';
import { contentStems } from './text.ts';

/**
 * A framework point and a case point of the same step that name the same concept ("Safe rollout
 * and rollback" and "Rollout that watches price shifts"). Scored apart, one sentence credits both;
 * the scorer folds the framework point into the case point and the linter warns about it.
 */
export interface ConceptDuplicate {
  step: StepId;
  frameworkPointId: string;
  casePointId: string;
  /** Phrasings (signals and plain phrasings) the two points share, once word endings are ignored. */
  sharedPhrases: string[];
  /** Jaccard overlap of the two points' content stems (title, signals, plain). */
  overlap: number;
}

/**
 * Stems a title may share without saying anything about the concept: half the framework's titles
 * are about a "model", "data" or "time".
 */
const VAGUE_TITLE_STEMS = new Set(['model', 'data', 'time', 'user', 'first', 'case', 'metric', 'valu']);
/** Two shared phrasings are enough on their own (one phrase in common can be a passing example)... */
const MIN_PHRASES_ALONE = 2;
/**
 * ...so are two words of the titles, when they are half the framework title's ("Sampling and class
 * imbalance", "Sampling for imbalance")...
 */
const MIN_TITLE_STEMS_ALONE = 2;
/**
 * ...one needs a word of the titles in common, or this much overlap of all words plus a word of the
 * framework title somewhere in the case point (so "xgboost" alone does not make a GBDT-with-quantile-
 * loss point a "Simple model first" point).
 */
const MIN_OVERLAP = 0.15;

interface Concept {
  phrases: Set<string>;
  stems: Set<string>;
  title: Set<string>;
}

/**
 * Framework point id -> the case point of the same step that duplicates its concept (the best one
 * when several do). Points whose id the case reuses are not listed: the case already replaces them.
 */
export function conceptDuplicates(study: CaseStudy, framework: Framework): Map<string, string> {
  return new Map(findDuplicates(study, framework).map((dup) => [dup.frameworkPointId, dup.casePointId]));
}

const found = new WeakMap<CaseStudy, WeakMap<Framework, ConceptDuplicate[]>>();

/**
 * The duplicates with what they share, for the linter's messages and for review. Memoised per
 * case and framework object: loading the rubrics and compiling them for scoring ask the same.
 */
export function findDuplicates(study: CaseStudy, framework: Framework): ConceptDuplicate[] {
  let byFramework = found.get(study);
  if (!byFramework) {
    byFramework = new WeakMap();
    found.set(study, byFramework);
  }
  let duplicates = byFramework.get(framework);
  if (!duplicates) {
    duplicates = compute(study, framework);
    byFramework.set(framework, duplicates);
  }
  return duplicates;
}

function compute(study: CaseStudy, framework: Framework): ConceptDuplicate[] {
  const out: ConceptDuplicate[] = [];
  for (const step of framework.steps) {
    const casePoints = study.steps[step.id].points;
    const caseIds = new Set(casePoints.map((point) => point.id));
    const caseConcepts = casePoints.map(concept);
    const themeStems = stepThemeStems([...caseConcepts, ...step.points.map(frameworkConcept)]);
    for (const generic of step.points) {
      if (caseIds.has(generic.id)) continue;
      const mine = frameworkConcept(generic);
      let best: ConceptDuplicate | null = null;
      let bestScore = 0;
      casePoints.forEach((casePoint, index) => {
        const theirs = caseConcepts[index];
        if (!theirs) return;
        const shared = [...mine.phrases].filter((phrase) => theirs.phrases.has(phrase));
        const overlap = jaccard(mine.stems, theirs.stems);
        const titleStems = [...mine.title].filter((stem) => theirs.title.has(stem));
        const titleShared = titleStems.length > 0;
        const titleStemsShared = titleStems.filter((stem) => !themeStems.has(stem)).length;
        const titleCovered = [...mine.title].some((stem) => theirs.stems.has(stem));
        const duplicate =
          shared.length >= MIN_PHRASES_ALONE ||
          (titleStemsShared >= MIN_TITLE_STEMS_ALONE && titleStemsShared * 2 >= mine.title.size) ||
          (shared.length === 1 && (titleShared || (overlap >= MIN_OVERLAP && titleCovered)));
        const score = shared.length + overlap + (titleShared ? 0.2 : 0);
        if (duplicate && score > bestScore) {
          bestScore = score;
          best = {
            step: step.id,
            frameworkPointId: generic.id,
            casePointId: casePoint.id,
            sharedPhrases: shared.map((phrase) => originalOf(phrase, generic)),
            overlap: Math.round(overlap * 100) / 100,
          };
        }
      });
      if (best) out.push(best);
    }
  }
  return out;
}

/**
 * Title stems in more than half of a step's titles name the step's theme ("latency" across a
 * serving step), not a concept: two titles sharing only those are not the same point.
 */
function stepThemeStems(concepts: Concept[]): Set<string> {
  // Too few titles to tell a theme from a concept.
  if (concepts.length < MIN_TITLES_FOR_THEME) return new Set();
  const counts = new Map<string, number>();
  for (const { title } of concepts) for (const stem of title) counts.set(stem, (counts.get(stem) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n * 2 > concepts.length).map(([stem]) => stem));
}

const MIN_TITLES_FOR_THEME = 4;

/** The framework is shared by every case: its concepts are computed once per point object. */
const frameworkConcepts = new WeakMap<TalkingPoint, Concept>();

function frameworkConcept(point: TalkingPoint): Concept {
  let found = frameworkConcepts.get(point);
  if (!found) {
    found = concept(point);
    frameworkConcepts.set(point, found);
  }
  return found;
}

function concept(point: TalkingPoint): Concept {
  const phrasings = [...point.signals, ...point.plain].map(contentStems);
  const title = contentStems(point.title);
  return {
    phrases: new Set(phrasings.map((stems) => stems.join(' ')).filter((phrase) => phrase !== '')),
    stems: new Set([...title, ...phrasings.flat()]),
    // Numbers in a title ("Stage 2") say which, not what.
    title: new Set(title.filter((stem) => !VAGUE_TITLE_STEMS.has(stem) && !/^\d+$/.test(stem))),
  };
}

function key(phrase: string): string {
  return contentStems(phrase).join(' ');
}

/** The framework's own wording of a shared phrase, for messages. */
function originalOf(phrase: string, point: TalkingPoint): string {
  return [...point.signals, ...point.plain].find((text) => key(text) === phrase) ?? phrase;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}
