import type { InterviewerMove } from '@mlsd/engine';
import type { HintLevel, InterviewerKind, Persona, Role, TurnKind } from '@mlsd/protocol';
import type { CaseStudy, Framework, StepId } from '@mlsd/rubric';

/** The part of a transcript turn an interviewer reads. `Turn` from @mlsd/protocol fits. */
export interface TranscriptLine {
  role: Role;
  text: string;
  kind?: TurnKind;
  /** The step it was said in, when known: a point read by its meaning counts in its own step. */
  step?: StepId;
}

/** Everything an interviewer needs to voice one move. */
export interface SpeakRequest {
  caseStudy: CaseStudy;
  framework: Framework;
  move: InterviewerMove;
  /**
   * The transcript so far, including the candidate message this move replies to (an
   * `answer-question` move answers the last candidate line).
   */
  transcript: readonly TranscriptLine[];
  /** The session seed: with `move.index` it fixes the wording. */
  seed: number;
  /** The interviewer's manner; neutral when absent. */
  persona?: Persona;
}

/** What to say, with the transcript metadata the server stores alongside it. */
export interface Utterance {
  text: string;
  kind: TurnKind;
  /** Set for probes: the talking point asked about. */
  probedPointIds?: string[];
  /** Set for answers: the case facts the answer used (empty when nothing matched). */
  factIds?: string[];
  /** Set for hints: how much the hint gave away, and the point it steered to. */
  hintLevel?: HintLevel;
  hintPointIds?: string[];
  /** Set for challenges: the red flag pushed back on. */
  challengedFlagIds?: string[];
  /** Set for curveballs. */
  curveballId?: string;
}

export interface SpeakOptions {
  /** Called with each piece of text as it is produced (a model streams; offline calls it once). */
  onDelta?: (delta: string) => void;
  signal?: AbortSignal;
}

/** An interviewer voices the engine's moves. Offline and model interviewers both implement it. */
export interface Interviewer {
  readonly kind: InterviewerKind;
  speak(request: SpeakRequest, options?: SpeakOptions): Promise<Utterance>;
}
