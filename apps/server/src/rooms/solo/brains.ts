import type { InterviewerMove, MessageReading, UncoveredPoint } from '@mlsd/engine';
import type { HeaderOutcome, MoveOption, PlanRequest } from '@mlsd/interviewer';
import type {
  HintLevel,
  InterviewerKind,
  Persona,
  Report,
  SessionLevel,
  StepId,
  StepProgress,
  Turn,
  TurnKind,
} from '@mlsd/protocol';
import type { CaseStudy, Framework } from '@mlsd/rubric';
import type { AnalysisCache } from '@mlsd/scoring';
import type { RoomCase } from '../room-case.ts';

/**
 * A session's case with the session's own analyses of its texts. Each answer is read against the
 * whole transcript; with one cache shared by every session, a few dozen long interviews evicted
 * each other's entries and every answer tokenised its whole transcript again. A session's own
 * cache holds exactly its texts, so each is analysed once while the session lives, and it goes
 * when the room is released.
 */
export interface SessionCase extends RoomCase {
  analyses: AnalysisCache;
  /** The level the session is judged at and the interviewer's manner (from the session record). */
  level: SessionLevel;
  persona: Persona;
}

/** Texts one session may hold analyses of: every turn under the turn cap, interviewer and candidate. */
export const SESSION_ANALYSES = 4096;

/** What the runtime asks of the interviewer: the words for one engine move. */
export interface VoiceRequest {
  caseStudy: CaseStudy;
  framework: Framework;
  move: InterviewerMove;
  /** The transcript so far, including turns of the batch being voiced. */
  transcript: readonly Turn[];
  seed: number;
  /** The interviewer's manner; neutral when absent. */
  persona?: Persona;
}

export interface Voiced {
  text: string;
  kind: TurnKind;
  probedPointIds?: string[];
  hintLevel?: HintLevel;
  hintPointIds?: string[];
  challengedFlagIds?: string[];
  curveballId?: string;
  /** Who wrote the words the candidate keeps; absent means the offline interviewer. */
  source?: 'llm' | 'offline';
  /**
   * Why the model's words were not used when it was asked: it failed (`error` says how), its
   * message leaked rubric text and was replaced, or it failed too often and is no longer asked.
   */
  fallback?: 'failed' | 'leak' | 'disabled' | null;
  /** Text went out as a draft that is not this message: the seats must drop the draft. */
  discardDraft?: boolean;
  error?: Error;
}

/** What the server knows about the moment of a move, for the model's note. */
export interface ModelVoiceRequest extends VoiceRequest {
  /** The move's step's still-uncovered point ids, most important first. */
  uncovered: string[];
  /** Time left in the move's step, in ms. */
  stepRemainingMs: number | null;
}

/** A reply to an answer whose move the model chooses among `options` (`move` is the default's). */
export interface ModelChoiceRequest extends ModelVoiceRequest {
  options: MoveOption[];
  /** The candidate's answer, for checking the quotes of what the model saw it cover. */
  message: string;
}

/** The words for the option voiced, and what the model read in the answer. */
export interface ChosenVoiced extends Voiced {
  /** Index in the request's options of the move voiced: 0 (the default) on any fallback. */
  chosen: number;
  /** Open points the model saw the answer argue for, each with a quote found in it. */
  seen: string[];
  /** What the model wrote instead of a header naming an offered option (its draft was never shown). */
  rejected: Extract<HeaderOutcome, { ok: false }> | null;
  /** Parts of the model's reading that failed their checks. */
  dropped: string[];
}

export interface SessionVoiceOptions {
  /** Each piece of the message as the model writes it (after the leak guard). */
  onDelta: (text: string) => void;
  /** Aborted when the session is disposed (shutdown): the move is then not voiced at all. */
  signal: AbortSignal;
}

/**
 * The model interviewer for one session, with the offline interviewer behind it: it counts the
 * session's consecutive failures and stops asking the model after a few.
 */
export interface SessionVoice {
  speak(request: ModelVoiceRequest, options: SessionVoiceOptions): Promise<Voiced>;
  /**
   * Replies to an answer in one request: the model chooses the move among the offered ones and
   * voices it. Never names an option that was not offered.
   */
  choose(request: ModelChoiceRequest, options: SessionVoiceOptions): Promise<ChosenVoiced>;
  /**
   * The model's reading of a message that is not an answer (a question, a request for help...),
   * refining the offline one (`offline`): it may find an answer in it after all, and propose the
   * move among `allowed`. Never throws: on any failure the offline reading comes back.
   */
  plan?(request: PlanVoiceRequest, signal: AbortSignal): Promise<MessageReading>;
}

/** What the model reads to plan a move: the plan request without the abort signal (passed apart). */
export type PlanVoiceRequest = Omit<PlanRequest, 'signal'>;

export interface CoverageRequest {
  caseStudy: CaseStudy;
  framework: Framework;
  step: StepId;
  transcript: readonly Turn[];
  notes: string;
  /** This session's analyses (see `SessionCase`); without them, a cache shared by every session. */
  analyses?: AnalysisCache;
  /** Points expected only above this level are never open; senior when absent. */
  level?: SessionLevel;
}

/** One candidate message to read, with the transcript before it. */
export interface ReadRequest extends CoverageRequest {
  text: string;
}

export interface ReportRequest {
  sessionId: string;
  caseStudy: CaseStudy;
  framework: Framework;
  durationMinutes: number;
  transcript: readonly Turn[];
  notes: string;
  steps: StepProgress[];
  degraded: boolean;
  /** The interviewer the session asked for; `llm` sessions are also graded by the model judge. */
  interviewer: InterviewerKind;
  /** Aborted when the session is disposed (shutdown): the report is then not built. */
  signal?: AbortSignal;
  startedAt: number;
  /** When the interview ended; also the report's `createdAt`. */
  now: number;
  /** This session's analyses (see `SessionCase`). */
  analyses?: AnalysisCache;
  /** The level the session is judged at (senior when absent) and the persona the report names. */
  level?: SessionLevel;
  persona?: Persona;
}

/**
 * The three outside capabilities a live session needs, behind one small interface so the
 * runtime stays testable: what does a message mean, what is still uncovered, what does the
 * interviewer say, and what does the report say.
 */
export interface SessionBrains {
  /**
   * Reads a candidate message: what it is doing, facts asked, points and red flags, what is open.
   * May answer later: the server can read in worker threads (`reading-pool/`).
   */
  read(request: ReadRequest): MessageReading | Promise<MessageReading>;
  /** Still-uncovered points of `step`, in rubric order. */
  uncovered(request: CoverageRequest): UncoveredPoint[];
  voice(request: VoiceRequest): Promise<Voiced>;
  report(request: ReportRequest): Promise<Report>;
  /** True when a model endpoint is configured: `llm` sessions then get the model interviewer. */
  readonly modelAvailable?: boolean;
  /** The model voice for a new live session of `kind`; null (or absent) when the model does not voice it. */
  openVoice?(kind: InterviewerKind): SessionVoice | null;
}
