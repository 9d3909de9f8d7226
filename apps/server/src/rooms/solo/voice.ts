import type { EventDraft, StepTiming } from '@mlsd/db';
import {
  type EngineState,
  type InterviewerMove,
  stepDeadline,
  type Transition,
  transition,
  turnKindOf,
} from '@mlsd/engine';
import type { EndReason, ServerMessage, StepId, Turn } from '@mlsd/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { RoomCase } from '../room-case.ts';
import { foldTimerEffect, MAX_ROUNDS } from '../timer-drafts.ts';
import type { SessionBrains, SessionVoice, Voiced } from './brains.ts';

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
}

/** What voicing with the model needs beyond the offline path. */
export interface ModelTurns {
  voice: SessionVoice;
  sessionId: string;
  notes: string;
  /** The whole whiteboard as text for the model's eyes; empty without a drawing. */
  whiteboard?: string;
  /** Sends a frame to every seat now; drafts are never stored. */
  broadcast: (message: ServerMessage) => void;
  signal: AbortSignal;
  /** The session is already degraded: its notice was shown, so it is not shown again. */
  degraded: boolean;
}

export interface VoicedBatch {
  state: EngineState;
  drafts: EventDraft[];
  ended: { reason: EndReason; at: number } | null;
  /** The model failed in this batch or before: the session is to be stored as degraded. */
  degraded: boolean;
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
      const voiced = model
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
  return { state: current.state, drafts, ended, degraded };
}

/**
 * Voices a move with the model, streaming its words to every seat as a draft. A failure or a
 * replaced message drops the draft (the committed offline line replaces it); an abort (the session
 * is being disposed) is rethrown, so nothing half-voiced is stored.
 */
async function speakWithModel(
  input: VoiceBatchInput,
  model: ModelTurns,
  draftId: string,
  state: EngineState,
  move: InterviewerMove,
  transcript: readonly Turn[],
): Promise<Voiced> {
  const { ctx, brains, now } = input;
  const step = state.steps.find((candidate) => candidate.id === move.step);
  const uncovered = brains
    .uncovered({ ...ctx, step: move.step, transcript, notes: model.notes })
    .map((point, order) => ({ ...point, order }))
    .sort((a, b) => b.weight - a.weight || a.order - b.order)
    .map((point) => point.id);
  const stepRemainingMs = step?.startedAt == null ? null : Math.max(0, stepDeadline(step) - now);
  let voiced: Voiced;
  try {
    // Server notices ("the model did not answer") are not the interviewer's words: the model never sees them.
    const conversation = withWhiteboard(
      transcript.filter((turn) => turn.kind !== 'notice'),
      model.whiteboard,
      move.step,
    );
    voiced = await model.voice.speak(
      { ...ctx, move, transcript: conversation, seed: input.seed, uncovered, stepRemainingMs },
      {
        signal: model.signal,
        onDelta: (text) => model.broadcast({ type: 'turn_delta', draftId, step: move.step, text }),
      },
    );
  } catch (error) {
    if (model.signal.aborted) throw error;
    // A bug in the model path, not a model failure (those fall back inside the voice).
    input.log.error({ err: error, move }, 'the model voice failed; using the offline path');
    model.broadcast({ type: 'turn_discard', draftId, reason: 'failed' });
    return { ...(await speak(input, move, transcript)), source: 'offline', fallback: 'failed' };
  }
  if (voiced.discardDraft) {
    model.broadcast({
      type: 'turn_discard',
      draftId,
      reason: voiced.fallback === 'leak' ? 'replaced' : 'failed',
    });
  }
  if (voiced.fallback === 'failed')
    input.log.warn(
      { err: voiced.error, move: move.kind },
      'the model failed; the offline interviewer voiced the move',
    );
  if (voiced.fallback === 'leak')
    input.log.warn(
      { move: move.kind },
      "the model's message leaked rubric text; replaced by the offline line",
    );
  return voiced;
}

const FALLBACK: Partial<Record<InterviewerMove['kind'], string>> = {
  'move-on': "Let's move on to the next part.",
  'wrap-up': "That's the end of our time. Thank you.",
  'time-warning': 'About a minute left on this part.',
};

/** Asks the interviewer for the words; a failing interviewer never stalls the interview. */
async function speak(
  input: VoiceBatchInput,
  move: InterviewerMove,
  transcript: readonly Turn[],
): Promise<Voiced> {
  try {
    return await input.brains.voice({ ...input.ctx, move, transcript, seed: input.seed });
  } catch (error) {
    input.log.error({ err: error, move }, 'the interviewer failed to voice a move; using a neutral line');
    const probed = move.kind === 'probe' ? { probedPointIds: [move.pointId] } : {};
    return { text: fallbackLine(input, move), kind: turnKindOf(move), ...probed };
  }
}

/** A plain line for a move: openings come straight from the rubric so the step still makes sense. */
function fallbackLine(input: VoiceBatchInput, move: InterviewerMove): string {
  if (move.kind !== 'opening') return FALLBACK[move.kind] ?? 'Go on.';
  const opening = input.ctx.caseStudy.steps[move.step].opening;
  return move.withPrompt ? `${input.ctx.caseStudy.prompt}\n\n${opening}` : opening;
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

/**
 * The model reads the whiteboard as a candidate line just before the latest one, so it can ask
 * about an arrow or a missing component while still replying to what was last said.
 */
function withWhiteboard(conversation: Turn[], whiteboard: string | undefined, step: StepId): Turn[] {
  if (!whiteboard) return conversation;
  const last = conversation.at(-1);
  const board: Turn = {
    id: 'whiteboard',
    role: 'candidate',
    step,
    kind: 'answer',
    text: whiteboard,
    at: last?.at ?? 0,
  };
  return last ? [...conversation.slice(0, -1), board, last] : [board];
}
