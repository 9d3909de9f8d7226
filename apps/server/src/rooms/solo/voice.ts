import type { EventDraft, StepTiming } from '@mlsd/db';
import { type EngineState, type InterviewerMove, type Transition, transition } from '@mlsd/engine';
import type { EndReason, Turn } from '@mlsd/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { RoomCase } from '../room-case.ts';
import { foldTimerEffect, MAX_ROUNDS } from '../timer-drafts.ts';
import type { SessionBrains, Voiced } from './brains.ts';
import { type AnswerChoice, chooseWithModel, type ModelTurns, speakWithModel } from './model-turns.ts';
import { speak } from './offline-voice.ts';

export interface VoiceBatchInput {
  first: Transition;
  now: number;
  /** Events to store before the transition's own (e.g. a notice turn). */
  pre: EventDraft[];
  ctx: RoomCase;
  seed: number;
  transcript: readonly Turn[];
  brains: SessionBrains;
  log: FastifyBaseLogger;
  /** The session's model voice; absent or null: every move is voiced by `brains.voice`. */
  model?: ModelTurns | null;
  /**
   * The replies allowed to the candidate's answer, when the model chooses among them (the first,
   * `first`'s own move, is the default). The chosen option's transition replaces `first`.
   */
  choice?: AnswerChoice | null;
}

export interface VoicedBatch {
  state: EngineState;
  drafts: EventDraft[];
  ended: { reason: EndReason; at: number } | null;
  /** The model failed in this batch or before: the session is to be stored as degraded. */
  degraded: boolean;
  /** Points the model saw the answer cover, from the trailer of its reply (quotes checked). */
  seen: string[];
}

/** Shown once per session, as a notice turn, the first time the model fails. */
export const MODEL_FAILED_NOTICE =
  'The language model did not answer, so the offline interviewer is taking over. ' +
  'Nothing you wrote is lost; the interview and the report carry on as before.';

/**
 * Turns engine effects into events to store, voicing every interviewer move and telling the
 * engine when a batch is voiced, until the engine has nothing more to say.
 */
export async function voiceBatch(input: VoiceBatchInput): Promise<VoicedBatch> {
  const { now } = input;
  const drafts = [...input.pre];
  const turns: Turn[] = [...input.transcript];
  for (const draft of input.pre)
    if (draft.type === 'turn') turns.push({ id: String(turns.length), ...draft.turn });
  let ended: VoicedBatch['ended'] = null;
  let degraded = input.model?.degraded ?? false;
  let current = input.first;
  // The reply to an answer whose move the model chooses: voiced first, then folded in as any move.
  let chosen: { move: InterviewerMove; voiced: Voiced } | null = null;
  let seen: string[] = [];
  if (input.choice && input.model) {
    const options = input.choice.options;
    const reply = await chooseWithModel(input, input.model, input.choice, current.state, turns);
    const option = options[reply.chosen] ?? options[0]!;
    current = option.transition;
    chosen = { move: option.move, voiced: reply };
    seen = reply.seen ?? [];
  }
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let spoke = false;
    for (const effect of current.effects) {
      if (effect.type !== 'interviewer-move') {
        ended = foldTimerEffect(effect, drafts) ?? ended;
        continue;
      }
      spoke = true;
      const model = input.model;
      const draftId = model ? `${model.sessionId}:${effect.move.index}` : null;
      const voiced =
        chosen?.move === effect.move
          ? chosen.voiced
          : model
            ? await speakWithModel(input, model, draftId!, current.state, effect.move, turns)
            : await speak(input, effect.move, turns);
      if (voiced.fallback === 'failed' && !degraded) {
        // The notice goes before the offline line that replaces the model's.
        degraded = true;
        const notice: Omit<Turn, 'id'> = {
          role: 'interviewer',
          step: effect.move.step,
          kind: 'notice',
          text: MODEL_FAILED_NOTICE,
          at: now,
        };
        drafts.push({ type: 'turn', turn: notice });
        turns.push({ id: String(turns.length), ...notice });
      }
      const turn: Omit<Turn, 'id'> = {
        role: 'interviewer',
        step: effect.move.step,
        kind: voiced.kind,
        text: voiced.text,
        at: now,
      };
      if (voiced.probedPointIds && voiced.probedPointIds.length > 0)
        turn.probedPointIds = voiced.probedPointIds;
      if (voiced.hintLevel !== undefined) turn.hintLevel = voiced.hintLevel;
      if (voiced.hintPointIds && voiced.hintPointIds.length > 0) turn.hintPointIds = voiced.hintPointIds;
      if (voiced.challengedFlagIds && voiced.challengedFlagIds.length > 0)
        turn.challengedFlagIds = voiced.challengedFlagIds;
      if (voiced.curveballId !== undefined) turn.curveballId = voiced.curveballId;
      if (draftId !== null) turn.draftId = draftId;
      drafts.push({ type: 'turn', turn });
      turns.push({ id: String(turns.length), ...turn });
    }
    if (!spoke) break;
    current = transition(current.state, { type: 'interviewer-done' }, now);
  }
  return { state: current.state, drafts, ended, degraded, seen };
}

/** The step_timings rows for a state. */
export function timings(state: EngineState): StepTiming[] {
  return state.steps.map((step) => ({
    step: step.id,
    budgetMs: step.budgetMs,
    startedAt: step.startedAt,
    endedAt: step.endedAt,
    usedMs: step.startedAt === null || step.endedAt === null ? 0 : step.endedAt - step.startedAt,
    status: step.status,
  }));
}
