import type { Report, StepId } from '@mlsd/protocol';
import type { TalkingPoint } from '@mlsd/rubric';
import type { CompiledRedFlag, CompiledRubric } from '../compile.ts';
import { curveballIdeas } from '../curveball-ideas.ts';
import { reactionTurns } from '../curveballs.ts';
import { type SessionTurn, turnMeta } from '../session.ts';
import type { JudgeTurn } from './types.ts';

/** A thrown curveball the candidate answered, as the judge is asked about it. */
export interface AskedCurveball {
  id: string;
  text: string;
  /** The interviewer turn that threw it. */
  turnIndex: number;
  /** The ideas of its `expects`, split as the offline scorer splits them, so both grade the same list. */
  ideas: string[];
  /** The candidate turns that react to it: the only turns its quote may come from. */
  reaction: number[];
}

/** What one step's request asks the judge about. */
export interface StepAsk {
  step: StepId;
  title: string;
  points: TalkingPoint[];
  redFlags: CompiledRedFlag[];
  curveballs: AskedCurveball[];
}

/**
 * Every step's points and red flags, and the curveballs the offline report found thrown in it. A
 * curveball nobody answered (weight 0: the interview ended) is not asked about: it neither earns
 * nor costs.
 */
export function stepAsks(
  rubric: CompiledRubric,
  offline: Report,
  turns: readonly SessionTurn[],
  steps: readonly (StepId | null)[],
): StepAsk[] {
  return rubric.steps.map((step) => {
    const thrown = offline.steps.find((candidate) => candidate.id === step.id)?.curveballs ?? [];
    return {
      step: step.id,
      title: step.title,
      points: step.points.map((compiled) => compiled.point),
      redFlags: step.redFlags,
      curveballs: thrown
        .filter((ball) => ball.weight > 0)
        .map((ball) => ({
          id: ball.id,
          text: ball.text,
          turnIndex: ball.turnIndex,
          ideas: curveballIdeas(ball.expects).map((idea) => idea.label),
          reaction: reactionTurns(ball.turnIndex, turns, steps),
        })),
    };
  });
}

/** The judge's turns in the shape the offline scorer reads, so both apply the same rules. */
export function sessionTurnsOf(turns: readonly JudgeTurn[]): SessionTurn[] {
  return turns.map((turn) => ({
    role: turn.role,
    text: turn.text,
    step: turn.step ?? null,
    atMs: turn.at ?? null,
    ...turnMeta(turn),
  }));
}

/**
 * The same question with every list in reverse order: a verdict that depends on where a point sits
 * in the list, and not only sampling noise, shows up as a disagreement.
 */
export function reversedAsk(ask: StepAsk): StepAsk {
  return {
    ...ask,
    points: [...ask.points].reverse(),
    redFlags: [...ask.redFlags].reverse(),
    curveballs: [...ask.curveballs].reverse(),
  };
}
