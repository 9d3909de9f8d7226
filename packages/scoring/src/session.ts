import type { StepId } from '@mlsd/rubric';
import type { AnalysisCache } from './analyse.ts';
import { type CompiledRubric, normalise, type PhraseKey } from './compile.ts';
import type { Utterance } from './matcher.ts';

/** A transcript turn in the one shape the scorer works on, whatever file or session it came from. */
export interface SessionTurn {
  role: 'interviewer' | 'candidate';
  text: string;
  step: StepId | null;
  /** Milliseconds on any clock (only differences are used); null when unknown. */
  atMs: number | null;
  /** Points this interviewer turn probed for, when the source knows; inferred from the text otherwise. */
  probedPointIds?: readonly string[];
}

export interface PreparedSession {
  /** Candidate answers in order, then the notes pad. */
  utterances: Utterance[];
  /** Each turn's step after filling gaps; all null when the transcript says nothing about steps. */
  steps: (StepId | null)[];
  /** Point id -> index of the first interviewer turn that probed for it. */
  firstProbe: Map<string, number>;
}

/** Share of a probe's (or opening's) content words an interviewer turn must contain to count as saying it. */
const PHRASE_OVERLAP = 0.8;

/** Reads the candidate's text once and works out steps and probes for every turn. */
export function prepareSession(
  rubric: CompiledRubric,
  turns: readonly SessionTurn[],
  notes: string,
  cache: AnalysisCache,
): PreparedSession {
  const steps = resolveSteps(rubric, turns, cache);
  const utterances: Utterance[] = [];
  const firstProbe = new Map<string, number>();
  let prompt: Set<string> | null = null;
  turns.forEach((turn, index) => {
    if (turn.role === 'interviewer') {
      prompt = cache.lemmaSet(turn.text);
      for (const id of probedIds(rubric, turn, prompt)) if (!firstProbe.has(id)) firstProbe.set(id, index);
      return;
    }
    if (turn.text.trim() === '') return;
    utterances.push({
      analysis: cache.analysis(turn.text),
      turnIndex: index,
      order: index,
      step: steps[index] ?? null,
      prompt,
    });
  });
  if (notes.trim() !== '') {
    utterances.push({
      analysis: cache.analysis(notes),
      turnIndex: null,
      order: Infinity,
      step: null,
      prompt: null,
    });
  }
  return { utterances, steps, firstProbe };
}

/** Inferred probes per rubric and interviewer turn (keyed by the turn's cached lemma set). */
const inferred = new WeakMap<CompiledRubric, WeakMap<Set<string>, string[]>>();

function probedIds(rubric: CompiledRubric, turn: SessionTurn, lemmas: Set<string>): readonly string[] {
  if (turn.probedPointIds) return turn.probedPointIds.filter((id) => rubric.byId.has(id));
  let byTurn = inferred.get(rubric);
  if (!byTurn) {
    byTurn = new WeakMap();
    inferred.set(rubric, byTurn);
  }
  let ids = byTurn.get(lemmas);
  if (!ids) {
    const normal = normalise(turn.text);
    ids = rubric.points.filter((point) => says(normal, lemmas, point.probe)).map((point) => point.point.id);
    byTurn.set(lemmas, ids);
  }
  return ids;
}

/** The interviewer turn contains the phrase verbatim, or nearly all of its content words. */
function says(normal: string, lemmas: Set<string>, phrase: PhraseKey): boolean {
  return overlap(normal, lemmas, phrase) >= PHRASE_OVERLAP;
}

/** 1 when the turn contains the phrase verbatim, else the share of the phrase's content words it has. */
function overlap(normal: string, lemmas: Set<string>, phrase: PhraseKey): number {
  if (phrase.normal !== '' && normal.includes(phrase.normal)) return 1;
  if (phrase.lemmas.length < 3) return 0;
  let found = 0;
  for (const lemma of phrase.lemmas) if (lemmas.has(lemma)) found++;
  return found / phrase.lemmas.length;
}

/**
 * Fills in missing steps: a turn without one is in the step of the turn before it (leading turns
 * take the first known step). When no turn names a step, an interviewer turn that asks a step's
 * opening question starts that step. When nothing places the turns, every step is null.
 */
function resolveSteps(
  rubric: CompiledRubric,
  turns: readonly SessionTurn[],
  cache: AnalysisCache,
): (StepId | null)[] {
  let explicit = turns.map((turn) => turn.step);
  if (explicit.every((step) => step === null)) explicit = inferFromOpenings(rubric, turns, cache);
  const first = explicit.find((step) => step !== null) ?? null;
  let current = first;
  return explicit.map((step) => {
    if (step !== null) current = step;
    return current;
  });
}

function inferFromOpenings(
  rubric: CompiledRubric,
  turns: readonly SessionTurn[],
  cache: AnalysisCache,
): (StepId | null)[] {
  return turns.map((turn) => {
    if (turn.role !== 'interviewer') return null;
    const normal = normalise(turn.text);
    const lemmas = cache.lemmaSet(turn.text);
    // The best-matching opening wins: openings of different steps can share most of their words.
    let step: StepId | null = null;
    let best = 0;
    for (const candidate of rubric.steps) {
      for (const opening of candidate.openings) {
        const score = overlap(normal, lemmas, opening);
        if (score >= PHRASE_OVERLAP && score > best) {
          best = score;
          step = candidate.id;
        }
      }
    }
    return step;
  });
}
