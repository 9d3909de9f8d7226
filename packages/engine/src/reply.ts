import type { HintLevel } from '@mlsd/protocol';
import type { EngineConfig, EngineState, StepState } from './state.ts';
import { FOLLOW_UP_ANGLES, type InterviewerMove, type MessageReading, type UncoveredPoint } from './types.ts';

/** A move without the fields `say` fills in (its index and step). */
export type MoveBody = InterviewerMove extends infer M
  ? M extends InterviewerMove
    ? Omit<M, 'index' | 'step'>
    : never
  : never;

/** What to do about one candidate message: say something, move to the next step, or end. */
export type Reply = { type: 'say'; move: MoveBody } | { type: 'move-on' } | { type: 'end' };

export interface ReplyContext {
  s: EngineState;
  step: StepState;
  /** Time is up for this step: the step advances after the reply. */
  late: boolean;
  /** Time left in the step, in ms (0 when late). */
  remainingMs: number;
  lastStep: boolean;
}

/**
 * Chooses the reply to a candidate message from what the message was read as. Updates the
 * counters on `ctx.s` and `ctx.step` (a draft copy) as it commits to a move.
 */
export function decideReply(ctx: ReplyContext, reading: MessageReading): Reply {
  const { s, step, late } = ctx;
  switch (reading.intent) {
    case 'facts':
      if (reading.alsoAnswers) step.answers += 1;
      return { type: 'say', move: answerFacts(s, reading, late) };
    case 'unclear':
      return { type: 'say', move: { kind: 'clarify', reason: 'unclear', unanswered: [], late } };
    case 'move-on':
      return { type: 'move-on' };
    case 'stop':
      return { type: 'end' };
    case 'meta':
    case 'off-topic':
    case 'steer':
      return {
        type: 'say',
        move: { kind: 'redirect', reason: reading.intent, stepRemainingMs: ctx.remainingMs },
      };
    case 'hint':
    case 'stuck':
      if (late) return acknowledge(ctx, reading.uncovered);
      return { type: 'say', move: hint(step, reading.uncovered) };
    case 'answer':
    case 'tentative':
      step.answers += 1;
      return answerReply(ctx, reading);
  }
}

/** Facts found are given (in full once, then as a reminder); when none fits, ask for an assumption. */
function answerFacts(s: EngineState, reading: MessageReading, late: boolean): MoveBody {
  const { found, unanswered, ambiguous } = reading.facts;
  if (found.length === 0 && ambiguous.length === 0) {
    return { kind: 'clarify', reason: 'no-fact', unanswered, late };
  }
  const facts = found.map((id) => ({ id, repeat: s.factsGiven.includes(id) }));
  for (const fact of facts) if (!fact.repeat) s.factsGiven.push(fact.id);
  return { kind: 'answer-facts', facts, unanswered, ambiguous, late };
}

/**
 * An answer gets, in order of preference: a push-back on a red flag it states, the step's
 * curveball when its premise holds, a follow-up on a technique it just named, a probe of the most
 * important open point, or a plain acknowledgement.
 */
function answerReply(ctx: ReplyContext, reading: MessageReading): Reply {
  const { s, step, late } = ctx;
  if (late) return acknowledge(ctx, reading.uncovered);
  const flagId = reading.redFlags.find((id) => !s.challenged.includes(id));
  if (flagId !== undefined) {
    s.challenged.push(flagId);
    return { type: 'say', move: { kind: 'challenge', flagId } };
  }
  const curveballId = dueCurveball(s, step, reading.premisesHeld);
  if (curveballId !== null) {
    s.curveballsThrown.push(curveballId);
    step.curveballAtAnswer = step.answers;
    return { type: 'say', move: { kind: 'curveball', curveballId } };
  }
  // The first message of a step is only acknowledged: the candidate lays out their answer first.
  if (step.messages >= 2) {
    const followUp = nextFollowUp(s, step, reading.named);
    if (followUp !== null) return { type: 'say', move: followUp };
    const pointId = nextProbe(s.config, step, reading.uncovered);
    if (pointId !== null) {
      step.probed.push(pointId);
      return { type: 'say', move: { kind: 'probe', pointId } };
    }
  }
  return acknowledge(ctx, reading.uncovered);
}

function acknowledge(ctx: ReplyContext, uncovered: UncoveredPoint[]): Reply {
  return {
    type: 'say',
    move: { kind: 'acknowledge', allCovered: uncovered.length === 0, late: ctx.late, lastStep: ctx.lastStep },
  };
}

/** Each hint in a step gives away more: the question again, then an area, then the concept. */
function hint(step: StepState, uncovered: UncoveredPoint[]): MoveBody {
  step.hints += 1;
  const level = Math.min(step.hints, 3) as HintLevel;
  return { kind: 'hint', level, pointId: mostImportant(uncovered, [])?.id ?? null };
}

/** The first unthrown curveball of this step whose premise holds, once enough answers came since the last. */
function dueCurveball(s: EngineState, step: StepState, premisesHeld: string[]): string | null {
  const after = (step.curveballAtAnswer ?? 0) + s.config.curveballAfterAnswers;
  if (step.answers < after) return null;
  const ball = s.config.curveballs.find(
    (c) => c.step === step.id && !s.curveballsThrown.includes(c.id) && premisesHeld.includes(c.id),
  );
  return ball?.id ?? null;
}

/** A follow-up on a point the message just named and nobody has followed up on yet this session. */
function nextFollowUp(s: EngineState, step: StepState, named: string[]): MoveBody | null {
  if (step.followedUp.length >= s.config.maxFollowUpsPerStep) return null;
  const asked = new Set(s.steps.flatMap((each) => each.followedUp));
  const pointId = named.find((id) => !asked.has(id));
  if (pointId === undefined) return null;
  const angle = FOLLOW_UP_ANGLES[asked.size % FOLLOW_UP_ANGLES.length] ?? 'why';
  step.followedUp.push(pointId);
  return { kind: 'follow-up', pointId, angle };
}

/** The most important open point not yet probed in this step, or null. */
function nextProbe(config: EngineConfig, step: StepState, uncovered: UncoveredPoint[]): string | null {
  if (step.probed.length >= config.maxProbesPerStep) return null;
  return mostImportant(uncovered, step.probed)?.id ?? null;
}

function mostImportant(uncovered: UncoveredPoint[], skip: string[]): UncoveredPoint | null {
  let best: UncoveredPoint | null = null;
  for (const point of uncovered) {
    if (skip.includes(point.id)) continue;
    if (best === null || point.weight > best.weight) best = point;
  }
  return best;
}
