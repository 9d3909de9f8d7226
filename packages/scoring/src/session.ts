import type { CandidateIntent, HintLevel, StepInterventions, TurnKind } from '@mlsd/protocol';
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
  /** What an interviewer turn was doing, when the source knows (hint, challenge, curveball...). */
  kind?: TurnKind;
  hintLevel?: HintLevel;
  /** Points a hint steered towards. */
  hintPointIds?: readonly string[];
  /** The curveball a curveball turn threw. */
  curveballId?: string;
  /** What a candidate turn was doing, as the interviewer read it. */
  intent?: CandidateIntent;
}

/** A hint the interviewer gave, with the points it steered towards. */
export interface HintGiven {
  turnIndex: number;
  level: HintLevel;
  pointIds: readonly string[];
}

export interface PreparedSession {
  /** Candidate answers in order, then the notes pad. */
  utterances: Utterance[];
  /** Each turn's step after filling gaps; all null when the transcript says nothing about steps. */
  steps: (StepId | null)[];
  /**
   * Point id -> index of the first interviewer turn that asked about it: a probe, a follow-up or a
   * hint naming it. A challenge pushes back on a claim; it prompts nothing.
   */
  firstPrompt: Map<string, number>;
  hints: HintGiven[];
  /** Probes, follow-ups, hints and challenges per step. */
  interventions: Map<StepId, StepInterventions>;
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
  const firstPrompt = new Map<string, number>();
  const hints: HintGiven[] = [];
  const interventions = new Map<StepId, StepInterventions>();
  let prompt: Set<string> | null = null;
  let challenged = false;
  turns.forEach((turn, index) => {
    if (turn.role === 'interviewer') {
      prompt = cache.lemmaSet(turn.text);
      // A file may mark a hint by its level alone.
      const kind = turn.kind ?? (turn.hintLevel !== undefined ? 'hint' : undefined);
      challenged = kind === 'challenge';
      const probed = kind === 'challenge' ? [] : probedIds(rubric, turn, prompt);
      const hinted = kind === 'hint' ? (turn.hintPointIds ?? []).filter((id) => rubric.byId.has(id)) : [];
      for (const id of [...probed, ...hinted]) if (!firstPrompt.has(id)) firstPrompt.set(id, index);
      if (kind === 'hint') {
        // A hint that names points but not its level at least pointed at an area (level 2).
        const level = turn.hintLevel ?? (hinted.length > 0 ? 2 : 1);
        hints.push({ turnIndex: index, level, pointIds: hinted });
      }
      const step = steps[index] ?? null;
      if (step !== null) count(interventions, step, kind ?? (probed.length > 0 ? 'probe' : undefined));
      return;
    }
    if (turn.text.trim() === '') return;
    utterances.push({
      analysis: cache.analysis(turn.text),
      turnIndex: index,
      order: index,
      step: steps[index] ?? null,
      prompt,
      ...(challenged ? { answersChallenge: true } : {}),
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
  return { utterances, steps, firstPrompt, hints, interventions };
}

const COUNTED: Partial<Record<TurnKind, keyof StepInterventions>> = {
  probe: 'probes',
  'follow-up': 'followUps',
  hint: 'hints',
  challenge: 'challenges',
};

function count(into: Map<StepId, StepInterventions>, step: StepId, kind: TurnKind | undefined): void {
  const key = kind === undefined ? undefined : COUNTED[kind];
  if (key === undefined) return;
  const counts = into.get(step) ?? noInterventions();
  counts[key] += 1;
  into.set(step, counts);
}

/** Zero counts, for a step where the interviewer only opened and listened. */
export function noInterventions(): StepInterventions {
  return { probes: 0, followUps: 0, hints: 0, challenges: 0 };
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
export function says(normal: string, lemmas: Set<string>, phrase: PhraseKey): boolean {
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

/**
 * The optional fields of a protocol or transcript-file turn that scoring reads (absent ones stay
 * absent). A turn without `probedPointIds` has its probes inferred from its text.
 */
export function turnMeta(turn: {
  kind?: TurnKind | undefined;
  probedPointIds?: readonly string[] | undefined;
  hintLevel?: HintLevel | undefined;
  hintPointIds?: readonly string[] | undefined;
  curveballId?: string | undefined;
  intent?: CandidateIntent | undefined;
}): Partial<SessionTurn> {
  const meta: Partial<SessionTurn> = {};
  if (turn.kind !== undefined) meta.kind = turn.kind;
  if (turn.probedPointIds) meta.probedPointIds = turn.probedPointIds;
  if (turn.hintLevel !== undefined) meta.hintLevel = turn.hintLevel;
  if (turn.hintPointIds) meta.hintPointIds = turn.hintPointIds;
  if (turn.curveballId !== undefined) meta.curveballId = turn.curveballId;
  if (turn.intent !== undefined) meta.intent = turn.intent;
  return meta;
}
