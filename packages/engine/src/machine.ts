import { type EndReason, STEP_IDS, type StepId } from '@mlsd/protocol';
import { warningLeadMs } from './budgets.ts';
import { applyAddTime, applyPause, applyResume } from './clock-controls.ts';
import {
  answerOptions,
  decideReply,
  type MoveBody,
  type ReplyContext,
  TURN_BACK,
  timeLeftSaid,
} from './reply.ts';
import type { EngineConfig, EngineState, StepState } from './state.ts';
import type {
  EngineEffect,
  EngineEvent,
  InterviewerMove,
  MessageReading,
  PreferredMove,
  StepStartReason,
} from './types.ts';

export interface Transition {
  state: EngineState;
  effects: EngineEffect[];
}

/** A transition in progress: a private copy of the state, the effects so far, and the time. */
interface Draft {
  s: EngineState;
  effects: EngineEffect[];
  now: number;
}

/** Begins an interview at `now`: the first step starts and the interviewer reads out the case. */
export function startInterview(config: EngineConfig, now: number): Transition {
  const s: EngineState = {
    version: 1,
    config: structuredClone(config),
    status: 'active',
    startedAt: now,
    endedAt: null,
    endReason: null,
    stepIndex: 0,
    steps: STEP_IDS.map(
      (id): StepState => ({
        id,
        status: 'pending',
        budgetMs: config.budgetsMs[id],
        startedAt: null,
        endedAt: null,
        warned: false,
        messages: 0,
        answers: 0,
        probed: [],
        curveballAtAnswer: null,
        hints: 0,
        followedUp: [],
        interrupted: false,
        freeHints: 0,
        turnedBack: 0,
        curveballRevisited: false,
        askedWhy: false,
        challenged: [],
        sidestepAsked: false,
        hinted: [],
      }),
    ),
    speakingSince: null,
    moveOnRequested: false,
    moveOnToward: null,
    moveCount: 0,
    curveballsThrown: [],
    factsGiven: [],
    challenged: [],
    challengedAgain: [],
    corrected: [],
    pausedAt: null,
    pausedMs: 0,
  };
  const draft: Draft = { s, effects: [], now };
  startStep(draft, 'start');
  return { state: draft.s, effects: draft.effects };
}

/** The one transition function: `(state, event, now) -> { state, effects }`. Never mutates `state`. */
export function transition(state: EngineState, event: EngineEvent, now: number): Transition {
  if (state.status === 'ended') return { state, effects: [] };
  const draft: Draft = { s: structuredClone(state), effects: [], now };
  switch (event.type) {
    case 'candidate-message':
      onCandidateMessage(draft, event.reading);
      break;
    case 'move-on':
      requestMoveOn(draft);
      break;
    case 'end':
      finish(draft, 'ended-early');
      break;
    case 'tick':
      onTick(draft);
      break;
    case 'interviewer-done':
      draft.s.speakingSince = null;
      settle(draft);
      break;
    case 'pause':
      applyPause(draft.s, now);
      break;
    case 'resume':
      applyResume(draft.s, now);
      // Time may have run out before the pause (a late reply); settle it now the clock runs.
      settle(draft);
      break;
    case 'add-time':
      applyAddTime(draft.s, event.ms, now);
      break;
  }
  return { state: draft.s, effects: draft.effects };
}

/**
 * The next time a `tick` would change something, in epoch ms (possibly already past: tick at
 * once), or null when the interview is over. Schedule one timer for it after every transition.
 */
export function nextDeadline(state: EngineState): number | null {
  if (state.status === 'ended' || state.pausedAt !== null) return null;
  const step = currentStep(state);
  const times: number[] = [];
  if (state.speakingSince !== null) {
    // The step cannot advance until the reply is done, so only the reply timeout matters.
    times.push(state.speakingSince + state.config.maxSpeakingMs);
  } else {
    times.push(stepDeadline(step));
  }
  if (!step.warned) times.push(stepDeadline(step) - warningLeadMs(step.budgetMs));
  return Math.min(...times);
}

/** The step in progress (the last one once the interview has ended). */
export function currentStep(state: EngineState): StepState {
  const step = state.steps[state.stepIndex];
  if (!step) throw new Error(`engine state has no step ${state.stepIndex}`);
  return step;
}

/** When the current step's budget runs out, in epoch ms. */
export function stepDeadline(step: StepState): number {
  return (step.startedAt ?? 0) + step.budgetMs;
}

function onCandidateMessage(draft: Draft, reading: MessageReading): void {
  const { s, now } = draft;
  const step = currentStep(s);
  step.messages += 1;
  const ctx = replyContext(s, now);
  const reply = decideReply(ctx, reading);
  if (reply.type === 'say') say(draft, withClock(ctx, reading, reply.move));
  else if (reply.type === 'move-on') requestMoveOn(draft, reply.toward ?? null);
  else finish(draft, 'ended-early');
}

/**
 * "…Is this the last section?": the time left and the parts to come, said first. Not when the step
 * is over (the reply says so and the next part opens); said this close to the warning's minute,
 * it stands in for the warning.
 */
function withClock(ctx: ReplyContext, reading: MessageReading, move: MoveBody): MoveBody {
  if (reading.asksClock !== true || ctx.late) return move;
  timeLeftSaid(ctx);
  const after = ctx.s.steps.slice(ctx.s.stepIndex + 1);
  const totalRemainingMs = after.reduce((sum, step) => sum + step.budgetMs, ctx.remainingMs);
  return { ...move, clock: { stepRemainingMs: ctx.remainingMs, partsAfter: after.length, totalRemainingMs } };
}

function replyContext(s: EngineState, now: number): ReplyContext {
  const step = currentStep(s);
  const clockNow = s.pausedAt ?? now;
  const deadline = stepDeadline(step);
  return {
    s,
    step,
    late: clockNow >= deadline,
    remainingMs: Math.max(0, deadline - clockNow),
    lastStep: s.stepIndex === s.steps.length - 1,
  };
}

/**
 * The replies the engine would allow if the next message were an answer read as `reading`: what
 * a model planning the move may choose from. Changes nothing.
 */
export function allowedMoves(state: EngineState, reading: MessageReading, now: number): PreferredMove[] {
  const s = structuredClone(state);
  const step = currentStep(s);
  step.messages += 1;
  step.answers += 1;
  return answerOptions(replyContext(s, now), reading).map(({ move }) => {
    const target =
      'pointId' in move
        ? (move.pointId ?? undefined)
        : 'flagId' in move
          ? move.flagId
          : move.kind === 'acknowledge' && move.turnBack
            ? TURN_BACK
            : undefined;
    return { kind: move.kind as PreferredMove['kind'], ...(target === undefined ? {} : { target }) };
  });
}

/** Moves on now, or once the reply being voiced is done. */
function requestMoveOn(draft: Draft, toward: StepId | null = null): void {
  draft.s.moveOnToward = toward;
  if (draft.s.speakingSince === null) advance(draft, 'candidate');
  else draft.s.moveOnRequested = true;
}

function onTick(draft: Draft): void {
  const { s, now } = draft;
  // A timer that was armed before a pause may still fire; a paused clock does not move.
  if (s.pausedAt !== null) return;
  if (s.speakingSince !== null && now >= s.speakingSince + s.config.maxSpeakingMs) s.speakingSince = null;
  if (settle(draft)) return;
  const step = currentStep(s);
  const deadline = stepDeadline(step);
  if (step.warned || now < deadline - warningLeadMs(step.budgetMs)) return;
  step.warned = true;
  // A warning that would come after the deadline (a long pending reply, a restart) is dropped.
  if (now >= deadline) return;
  draft.effects.push({ type: 'warning', step: step.id, remainingMs: deadline - now });
  say(draft, { kind: 'time-warning', remainingMs: deadline - now });
}

/** Advances if nothing is pending and the candidate asked to or time is up; true if it did. */
function settle(draft: Draft): boolean {
  const { s, now } = draft;
  if (s.status === 'ended' || s.speakingSince !== null) return false;
  if (s.moveOnRequested) {
    advance(draft, 'candidate');
    return true;
  }
  if (s.pausedAt === null && now >= stepDeadline(currentStep(s))) {
    advance(draft, 'time-up');
    return true;
  }
  return false;
}

function advance(draft: Draft, reason: 'time-up' | 'candidate'): void {
  const { s, now } = draft;
  const step = currentStep(s);
  s.moveOnRequested = false;
  const asked = reason === 'candidate' ? s.moveOnToward : null;
  s.moveOnToward = null;
  // Leaving a step while paused lets the clock run again; the pause is not charged to the step.
  applyResume(s, now);
  const next = s.steps[s.stepIndex + 1];
  if (!next) {
    finish(draft, reason === 'candidate' ? 'completed' : 'time-up');
    return;
  }
  step.status = 'done';
  step.endedAt = now;
  say(draft, { kind: 'move-on', reason, nextStep: next.id, ...(asked ? { asked } : {}) });
  s.stepIndex += 1;
  startStep(draft, reason);
}

function startStep(draft: Draft, reason: StepStartReason): void {
  const { s, now } = draft;
  const step = currentStep(s);
  step.status = 'active';
  step.startedAt = now;
  draft.effects.push({
    type: 'step-started',
    step: step.id,
    index: s.stepIndex,
    startedAt: now,
    budgetMs: step.budgetMs,
    reason,
  });
  say(draft, { kind: 'opening', withPrompt: s.stepIndex === 0 });
}

function finish(draft: Draft, reason: EndReason): void {
  const { s, now } = draft;
  // Ending while paused: the pause is counted as paused, not as time spent in the step.
  applyResume(s, now);
  say(draft, { kind: 'wrap-up', reason });
  for (const step of s.steps) {
    if (step.status === 'active') {
      step.status = 'done';
      step.endedAt = now;
    } else if (step.status === 'pending') {
      step.status = 'skipped';
    }
  }
  s.status = 'ended';
  s.endedAt = now;
  s.endReason = reason;
  s.speakingSince = null;
  s.moveOnRequested = false;
  s.moveOnToward = null;
  draft.effects.push({ type: 'ended', reason, at: now });
}

function say(draft: Draft, body: MoveBody): void {
  const { s } = draft;
  const move = { ...body, index: s.moveCount, step: currentStep(s).id } as InterviewerMove;
  s.moveCount += 1;
  s.speakingSince = draft.now;
  draft.effects.push({ type: 'interviewer-move', move });
}
