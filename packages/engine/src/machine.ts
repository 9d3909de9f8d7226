import { type EndReason, STEP_IDS } from '@mlsd/protocol';
import { warningLeadMs } from './budgets.ts';
import { applyAddTime, applyPause, applyResume, clearPause } from './clock-controls.ts';
import type { EngineConfig, EngineState, StepState } from './state.ts';
import type { EngineEffect, EngineEvent, InterviewerMove, StepStartReason, UncoveredPoint } from './types.ts';

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

/** Distributes `Omit` over the move union so each kind keeps its own fields. */
type MoveBody = InterviewerMove extends infer M
  ? M extends InterviewerMove
    ? Omit<M, 'index' | 'step'>
    : never
  : never;

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
      }),
    ),
    speakingSince: null,
    moveOnRequested: false,
    moveCount: 0,
    curveballsThrown: [],
    pausedAt: null,
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
      onCandidateMessage(draft, event.isQuestion, event.uncovered);
      break;
    case 'move-on':
      if (draft.s.speakingSince === null) advance(draft, 'candidate');
      else draft.s.moveOnRequested = true;
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

function onCandidateMessage(draft: Draft, isQuestion: boolean, uncovered: UncoveredPoint[]): void {
  const step = currentStep(draft.s);
  step.messages += 1;
  if (!isQuestion) step.answers += 1;
  const late = (draft.s.pausedAt ?? draft.now) >= stepDeadline(step);
  if (isQuestion) {
    // A question is always answered, even after time is up; the step advances once it is.
    say(draft, { kind: 'answer-question', late });
    return;
  }
  if (!late) {
    const curveballId = dueCurveball(draft.s, step);
    if (curveballId !== null) {
      draft.s.curveballsThrown.push(curveballId);
      step.curveballAtAnswer = step.answers;
      say(draft, { kind: 'curveball', curveballId });
      return;
    }
    const pointId = nextProbe(draft.s.config, step, uncovered);
    if (pointId !== null) {
      step.probed.push(pointId);
      say(draft, { kind: 'probe', pointId });
      return;
    }
  }
  say(draft, { kind: 'acknowledge', allCovered: uncovered.length === 0, late });
}

/** The first unthrown curveball of this step, once enough answers have come since the last one. */
function dueCurveball(s: EngineState, step: StepState): string | null {
  const after = (step.curveballAtAnswer ?? 0) + s.config.curveballAfterAnswers;
  if (step.answers < after) return null;
  const ball = s.config.curveballs.find((c) => c.step === step.id && !s.curveballsThrown.includes(c.id));
  return ball?.id ?? null;
}

/**
 * The most important uncovered point not yet probed in this step, or null. The first message of
 * a step is only acknowledged: the candidate gets to lay out their answer before being steered.
 */
function nextProbe(config: EngineConfig, step: StepState, uncovered: UncoveredPoint[]): string | null {
  if (step.messages < 2 || step.probed.length >= config.maxProbesPerStep) return null;
  let best: UncoveredPoint | null = null;
  for (const point of uncovered) {
    if (step.probed.includes(point.id)) continue;
    if (best === null || point.weight > best.weight) best = point;
  }
  return best?.id ?? null;
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
  clearPause(s);
  const next = s.steps[s.stepIndex + 1];
  if (!next) {
    finish(draft, reason === 'candidate' ? 'completed' : 'time-up');
    return;
  }
  step.status = 'done';
  step.endedAt = now;
  say(draft, { kind: 'move-on', reason, nextStep: next.id });
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
  clearPause(s);
  draft.effects.push({ type: 'ended', reason, at: now });
}

function say(draft: Draft, body: MoveBody): void {
  const { s } = draft;
  const move = { ...body, index: s.moveCount, step: currentStep(s).id } as InterviewerMove;
  s.moveCount += 1;
  s.speakingSince = draft.now;
  draft.effects.push({ type: 'interviewer-move', move });
}
