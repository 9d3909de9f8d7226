import type { InterviewerMove } from '@mlsd/engine';
import type { Persona, StepId } from '@mlsd/protocol';
import type { Framework } from '@mlsd/rubric';
import { stepPoints } from '@mlsd/scoring';
import type { SpeakRequest } from '../interviewer.ts';
import { moveInstruction, stepTitle, timeLeft } from './move-instruction.ts';
import { neutralPoints } from './neutral-points.ts';
import type { PromptSet } from './prompts.ts';
import { oneLine } from './stable-prompt.ts';

/** What the server knows about the moment of a turn, beyond the engine's move. */
export interface TurnContext {
  /** The move's step's still-uncovered point ids, most important first (the matcher's view). */
  uncovered?: readonly string[];
  /** Time left in the move's step, in ms; null or absent when unknown. */
  stepRemainingMs?: number | null;
}

/**
 * How each persona words a message. It changes the tone only: what the engine chose to do and
 * what must never be revealed stay the same.
 */
export const MANNERS: Record<Persona, string> = {
  neutral: 'neutral: calm and brief; acknowledge without praise or criticism.',
  supportive:
    'supportive: warm and encouraging; thank the candidate and tell them to take their time, but never call an answer good or correct, and never give away more than the move allows.',
  tough: 'tough: terse and demanding; ask for decisions and justification, no pleasantries, but stay polite.',
};

/** Most uncovered topics named in one note: enough to steer a probe, few enough to stay cheap. */
const MAX_TOPICS = 8;

/**
 * The volatile end of every request: which step, time left, the open points as the questions that
 * probe them (never their titles or what a strong answer says), and what this message must do.
 */
export function renderTurnNote(prompts: PromptSet, request: SpeakRequest, context: TurnContext = {}): string {
  const { move, caseStudy, framework } = request;
  const points = stepPoints(caseStudy, framework, move.step);
  const wanted = context.uncovered ?? points.map((point) => point.id);
  // Neutral labels and the probe questions only: a title names the answer ("Calibrated scores").
  const topics = wanted
    .map((id) => points.find((point) => point.id === id)?.probe)
    .filter((probe): probe is string => probe !== undefined)
    .slice(0, MAX_TOPICS)
    .map((probe, i) => `(${i + 1}) ${oneLine(probe)}`);
  return prompts.interviewerTurn.render({
    step: stepLine(framework, move.step),
    time_left: timeLeft(context.stepRemainingMs),
    manner: MANNERS[request.persona ?? 'neutral'],
    uncovered: topics.length > 0 ? topics.join(' ') : 'none',
    move: moveInstruction(request),
  });
}

/** One reply the engine allows to an answer, under the letter the model names it by. */
export interface MoveOption {
  label: string;
  move: InterviewerMove;
}

/**
 * The volatile end of a reply that chooses its own move: the open points under their neutral
 * labels (the trailer names them), and each allowed reply as the instruction the model would
 * have been given for it alone. Only this note changes; the prefix before it is the same as for
 * any other turn, so the provider's prefix cache still serves it.
 */
export function renderChoiceNote(
  prompts: PromptSet,
  request: SpeakRequest,
  options: readonly MoveOption[],
  context: TurnContext = {},
): string {
  const { move, caseStudy, framework } = request;
  const points = neutralPoints(caseStudy, framework, move.step);
  const wanted = context.uncovered ?? points.map((point) => point.id);
  const topics = wanted
    .map((id) => points.find((point) => point.id === id))
    .filter((point) => point !== undefined)
    .slice(0, MAX_TOPICS)
    .map((point) => `${point.label}: ${oneLine(point.probe)}`);
  return prompts.interviewerChoice.render({
    step: stepLine(framework, move.step),
    time_left: timeLeft(context.stepRemainingMs),
    manner: MANNERS[request.persona ?? 'neutral'],
    uncovered: topics.length > 0 ? topics.join('; ') : 'none',
    options: options
      .map((option) => `${option.label}: ${moveInstruction({ ...request, move: option.move })}`)
      .join('\n'),
  });
}

function stepLine(framework: Framework, step: StepId): string {
  const index = framework.steps.findIndex((each) => each.id === step);
  return `${stepTitle(framework, step)} (step ${index + 1} of ${framework.steps.length})`;
}

export { moveInstruction };
