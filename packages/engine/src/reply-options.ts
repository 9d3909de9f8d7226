import type { StepId } from '@mlsd/protocol';
import type { EngineState, StepState } from './state.ts';
import type { InterviewerMove, UncoveredPoint } from './types.ts';

/**
 * What every reply module shares: the shape of a move before `say` numbers it, the context a reply
 * is chosen in, an option the engine allows, and the plain acknowledgement most replies fall back on.
 */

/** A move without the fields `say` fills in (its index and step). */
export type MoveBody = InterviewerMove extends infer M
  ? M extends InterviewerMove
    ? Omit<M, 'index' | 'step'>
    : never
  : never;

export type Move<K extends MoveBody['kind']> = Extract<MoveBody, { kind: K }>;

/** What to do about one candidate message: say something, move to the next step, or end. */
export type Reply =
  | { type: 'say'; move: MoveBody }
  /** `toward`: a later part than the next that the candidate asked for (see MessageReading.towardStep). */
  | { type: 'move-on'; toward?: StepId }
  | { type: 'end' };

export interface ReplyContext {
  s: EngineState;
  step: StepState;
  /** Time is up for this step: the step advances after the reply. */
  late: boolean;
  /** Time left in the step, in ms (0 when late). */
  remainingMs: number;
  lastStep: boolean;
}

/** A move the engine allows now, and what choosing it records. */
export interface Option {
  move: MoveBody;
  commit(): void;
}

/** The acknowledgement, with what it says besides (an idea handed back, a question answered...). */
export function acknowledge(
  ctx: ReplyContext,
  uncovered: UncoveredPoint[],
  extra: {
    turnBack?: true;
    answered?: 'yes' | 'partly';
    pointId?: string;
    answeredAlready?: true | 'unseen';
    neverSaid?: true;
    rebuttal?: 'conceded' | 'stands';
  } = {},
): { type: 'say'; move: MoveBody } {
  return {
    type: 'say',
    move: {
      kind: 'acknowledge',
      allCovered: uncovered.length === 0,
      late: ctx.late,
      lastStep: ctx.lastStep,
      ...extra,
    },
  };
}
