import type { CaseStudy, Framework, RedFlag, StepId, TalkingPoint } from '@mlsd/rubric';
import type { CompiledSignal, PhraseKey } from './phrases.ts';
import type { MeaningStatus } from './word-vectors.ts';

/**
 * The shapes of a compiled rubric, apart from `compile.ts` that builds them. They sit in this leaf
 * file (importing nothing that imports them back) so that `analyse.ts`, `flags.ts`, `signals.ts`
 * and `vocabulary.ts`, which `compile.ts` uses, can name them without import cycles.
 */

export interface CompiledPoint {
  /** Position in `CompiledRubric.points`. */
  index: number;
  point: TalkingPoint;
  step: StepId;
  source: 'case' | 'framework';
  /** Jargon signals, then plain phrasings, then those of framework points folded into this one. */
  signals: CompiledSignal[];
  /** Ids of framework points that duplicate this case point's concept and are scored as this one. */
  folded: string[];
  /** The point's distinctive vocabulary (title, signals, strong answer), each lemma with its weight. */
  vocab: Map<string, number>;
  /** Content lemmas of each sentence (or clause after ";" or ":") of the strong answer. */
  strong: string[][];
  probe: PhraseKey;
}

export interface CompiledRedFlag {
  id: string;
  title: string;
  why: string;
  step: StepId;
  /** How much the mistake costs when said in earnest (the report weighs it, the matcher does not). */
  severity: RedFlag['severity'];
  signals: CompiledSignal[];
  /**
   * Points of the same step whose phrasings share a word with the flag ("accuracy is misleading"
   * for "aim for high accuracy"): rejecting the mistake is evidence for them.
   */
  counters: number[];
  /** Phrases that, in the same sentence, say the flag's phrase is used where it is right (see `RedFlag.notWhen`). */
  notWhen: CompiledSignal[];
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
  /** By point id; a folded framework point's id leads to the case point it folded into. */
  byId: Map<string, CompiledPoint>;
  /** Lemmas that tie a sentence to this case (see `caseWords`): an explanation must have one, a number or a choice. */
  caseWords: Set<string>;
  /** Content lemma -> the signals that contain it. */
  signalIndex: Map<string, SignalRef[]>;
  /** Content lemma -> the points whose distinctive vocabulary holds it, with its weight. */
  vocabIndex: Map<string, { point: number; weight: number }[]>;
  /**
   * Whether plain-worded answers are also read by meaning (`meaning.ts`): the word-vector table is
   * built and loaded. When it is not, `reason` says why and scoring matches words only.
   */
  meaning: MeaningStatus;
}
