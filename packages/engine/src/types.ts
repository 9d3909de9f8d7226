import type { EndReason, StepId } from '@mlsd/protocol';

/** A still-uncovered talking point of the current step, as the server's matcher sees it. */
export interface UncoveredPoint {
  id: string;
  /** 1 = nice to have, 2 = expected, 3 = essential. */
  weight: number;
}

export type EngineEvent =
  | {
      type: 'candidate-message';
      /** The server's reading of the text (`looksLikeQuestion` in @mlsd/interviewer). */
      isQuestion: boolean;
      /** Still-uncovered points of the current step after this message, in rubric order. */
      uncovered: UncoveredPoint[];
    }
  | { type: 'move-on' }
  | { type: 'end' }
  | { type: 'tick' }
  /** The interviewer finished voicing every move of the last batch (a streamed reply is complete). */
  | { type: 'interviewer-done' }
  /** A human interviewer stops the clock: no step advances and no warning fires until `resume`. */
  | { type: 'pause' }
  /** The clock runs again; the paused time is not charged to the current step. */
  | { type: 'resume' }
  /** Gives the current step `ms` more (a human interviewer's "add minutes"). */
  | { type: 'add-time'; ms: number };

export type StepStartReason = 'start' | 'time-up' | 'candidate';

interface MoveBase {
  /** 0-based count of interviewer moves in the session; with the seed it fixes the wording. */
  index: number;
  /** The step the turn belongs to in the transcript. */
  step: StepId;
}

/** What the interviewer should say next; the interviewer package turns it into words. */
export type InterviewerMove = MoveBase &
  (
    | { kind: 'opening' /** The first turn also reads out the case prompt. */; withPrompt: boolean }
    | { kind: 'answer-question' /** Time is up; the step advances after this reply. */; late: boolean }
    | { kind: 'probe'; pointId: string }
    | {
        kind: 'acknowledge';
        /** Nothing the matcher looks for is left in this step. */
        allCovered: boolean;
        late: boolean;
      }
    | { kind: 'curveball'; curveballId: string }
    | { kind: 'time-warning'; remainingMs: number }
    | { kind: 'move-on'; reason: 'time-up' | 'candidate'; nextStep: StepId }
    | { kind: 'wrap-up'; reason: EndReason }
  );

export type MoveKind = InterviewerMove['kind'];

export type EngineEffect =
  | {
      type: 'step-started';
      step: StepId;
      index: number;
      startedAt: number;
      budgetMs: number;
      reason: StepStartReason;
    }
  | { type: 'warning'; step: StepId; remainingMs: number }
  | { type: 'interviewer-move'; move: InterviewerMove }
  | { type: 'ended'; reason: EndReason; at: number };
