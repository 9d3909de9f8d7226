import { type AnswerOption, type EngineState, type InterviewerMove, stepDeadline } from '@mlsd/engine';
import type { ServerMessage, StepId, Turn } from '@mlsd/protocol';
import type { ModelVoiceRequest, SessionVoice, Voiced } from './brains.ts';
import { speak } from './offline-voice.ts';
import type { VoiceBatchInput } from './voice.ts';

/** An answer the model replies to in one request that also chooses the move. */
export interface AnswerChoice {
  options: AnswerOption[];
  /** The candidate's answer: the quotes of the model's trailer are checked against it. */
  message: string;
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
  /** Points the model saw the candidate cover in earlier answers (quotes checked): never open again. */
  seen: ReadonlySet<string>;
}

/** What the model is told about the moment of `move`: open points (most important first), time left. */
function modelRequest(
  input: VoiceBatchInput,
  model: ModelTurns,
  state: EngineState,
  move: InterviewerMove,
  transcript: readonly Turn[],
): ModelVoiceRequest {
  const { ctx, brains, now } = input;
  const step = state.steps.find((candidate) => candidate.id === move.step);
  const uncovered = brains
    .uncovered({ ...ctx, step: move.step, transcript, notes: model.notes })
    .filter((point) => !model.seen.has(point.id))
    .map((point, order) => ({ ...point, order }))
    .sort((a, b) => b.weight - a.weight || a.order - b.order)
    .map((point) => point.id);
  const stepRemainingMs = step?.startedAt == null ? null : Math.max(0, stepDeadline(step) - now);
  // Server notices ("the model did not answer") are not the interviewer's words: the model never sees them.
  const conversation = withWhiteboard(
    transcript.filter((turn) => turn.kind !== 'notice'),
    model.whiteboard,
    move.step,
  );
  return { ...ctx, move, transcript: conversation, seed: input.seed, uncovered, stepRemainingMs };
}

/**
 * Voices a move with the model, streaming its words to every seat as a draft. A failure or a
 * replaced message drops the draft (the committed offline line replaces it); an abort (the session
 * is being disposed) is rethrown, so nothing half-voiced is stored.
 */
export async function speakWithModel(
  input: VoiceBatchInput,
  model: ModelTurns,
  draftId: string,
  state: EngineState,
  move: InterviewerMove,
  transcript: readonly Turn[],
): Promise<Voiced> {
  let voiced: Voiced;
  try {
    voiced = await model.voice.speak(modelRequest(input, model, state, move, transcript), {
      signal: model.signal,
      onDelta: (text) => model.broadcast({ type: 'turn_delta', draftId, step: move.step, text }),
    });
  } catch (error) {
    return bugFallback(input, model, draftId, move, transcript, error);
  }
  return settled(input, model, draftId, move, voiced);
}

/**
 * Replies to an answer in one request: the model names one of the offered moves in a header, then
 * voices it. A header that names nothing offered is logged and the default move is voiced (its
 * draft was never shown); the voiced option is the one the engine commits.
 */
export async function chooseWithModel(
  input: VoiceBatchInput,
  model: ModelTurns,
  choice: AnswerChoice,
  state: EngineState,
  transcript: readonly Turn[],
): Promise<Voiced & { chosen: number; seen?: string[] }> {
  const fallbackMove = choice.options[0]!.move;
  const draftId = `${model.sessionId}:${fallbackMove.index}`;
  const request = {
    ...modelRequest(input, model, state, fallbackMove, transcript),
    options: choice.options.map(({ label, move }) => ({ label, move })),
    message: choice.message,
  };
  let voiced: Awaited<ReturnType<SessionVoice['choose']>>;
  try {
    voiced = await model.voice.choose(request, {
      signal: model.signal,
      onDelta: (text) => model.broadcast({ type: 'turn_delta', draftId, step: fallbackMove.step, text }),
    });
  } catch (error) {
    return { ...(await bugFallback(input, model, draftId, fallbackMove, transcript, error)), chosen: 0 };
  }
  if (voiced.rejected) {
    input.log.warn(
      { problem: voiced.rejected.problem, written: voiced.rejected.written, offered: request.options.length },
      "the model's reply named no offered move; its draft was dropped unseen and the default move voiced",
    );
  }
  if (voiced.dropped.length > 0)
    input.log.info({ dropped: voiced.dropped }, "parts of the model's reading failed checks");
  const move = choice.options[voiced.chosen]?.move ?? fallbackMove;
  return { ...settled(input, model, draftId, move, voiced), chosen: voiced.chosen, seen: voiced.seen };
}

/** A bug in the model path, not a model failure (those fall back inside the voice): voice offline. */
async function bugFallback(
  input: VoiceBatchInput,
  model: ModelTurns,
  draftId: string,
  move: InterviewerMove,
  transcript: readonly Turn[],
  error: unknown,
): Promise<Voiced> {
  if (model.signal.aborted) throw error;
  input.log.error({ err: error, move }, 'the model voice failed; using the offline path');
  model.broadcast({ type: 'turn_discard', draftId, reason: 'failed' });
  return { ...(await speak(input, move, transcript)), source: 'offline', fallback: 'failed' };
}

/** Drops a draft that is not the message, and logs why the model's words were not used. */
function settled<V extends Voiced>(
  input: VoiceBatchInput,
  model: ModelTurns,
  draftId: string,
  move: InterviewerMove,
  voiced: V,
): V {
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
