import type { Persona } from '@mlsd/protocol';
import { stepPoints } from '@mlsd/scoring';
import type { SpeakRequest } from '../interviewer.ts';
import { moveInstruction, stepTitle, timeLeft } from './move-instruction.ts';
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
  const index = framework.steps.findIndex((step) => step.id === move.step);
  const points = stepPoints(caseStudy, framework, move.step);
  const wanted = context.uncovered ?? points.map((point) => point.id);
  // Neutral labels and the probe questions only: a title names the answer ("Calibrated scores").
  const topics = wanted
    .map((id) => points.find((point) => point.id === id)?.probe)
    .filter((probe): probe is string => probe !== undefined)
    .slice(0, MAX_TOPICS)
    .map((probe, i) => `(${i + 1}) ${oneLine(probe)}`);
  return prompts.interviewerTurn.render({
    step: `${stepTitle(framework, move.step)} (step ${index + 1} of ${framework.steps.length})`,
    time_left: timeLeft(context.stepRemainingMs),
    manner: MANNERS[request.persona ?? 'neutral'],
    uncovered: topics.length > 0 ? topics.join(' ') : 'none',
    move: moveInstruction(request),
  });
}

export { moveInstruction };
