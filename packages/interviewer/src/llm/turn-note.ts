import type { StepId } from '@mlsd/protocol';
import type { CaseStudy, Framework } from '@mlsd/rubric';
import { stepPoints } from '@mlsd/scoring';
import { factIndexFor } from '../facts.ts';
import type { SpeakRequest } from '../interviewer.ts';
import { findPoint } from '../offline.ts';
import type { PromptSet } from './prompts.ts';
import { oneLine } from './stable-prompt.ts';

/** What the server knows about the moment of a turn, beyond the engine's move. */
export interface TurnContext {
  /** The move's step's still-uncovered point ids, most important first (the matcher's view). */
  uncovered?: readonly string[];
  /** Time left in the move's step, in ms; null or absent when unknown. */
  stepRemainingMs?: number | null;
}

/** Most uncovered topics named in one note: enough to steer a probe, few enough to stay cheap. */
const MAX_TOPICS = 8;

/**
 * The volatile end of every request: which step, time left, the uncovered talking points as short
 * titles (never what a strong answer says), and what this message must do.
 */
export function renderTurnNote(prompts: PromptSet, request: SpeakRequest, context: TurnContext = {}): string {
  const { move, caseStudy, framework } = request;
  const index = framework.steps.findIndex((step) => step.id === move.step);
  const points = stepPoints(caseStudy, framework, move.step);
  const wanted = context.uncovered ?? points.map((point) => point.id);
  const titles = wanted
    .map((id) => points.find((point) => point.id === id)?.title)
    .filter((title): title is string => title !== undefined)
    .slice(0, MAX_TOPICS);
  return prompts.interviewerTurn.render({
    step: `${stepTitle(framework, move.step)} (step ${index + 1} of ${framework.steps.length})`,
    time_left: timeLeft(context.stepRemainingMs),
    uncovered: titles.length > 0 ? titles.join('; ') : 'none',
    move: moveInstruction(request),
  });
}

/** What the message must do, in the engine's terms turned into words. */
export function moveInstruction(request: SpeakRequest): string {
  const { move, caseStudy, framework, transcript } = request;
  const title = stepTitle(framework, move.step);
  switch (move.kind) {
    case 'opening': {
      const opening = openingOf(caseStudy, framework, move.step);
      if (move.withPrompt) {
        return `Open the interview. Greet the candidate in one short sentence, read out the case exactly as written under "The case", then ask the opening question of ${title}: "${opening}"`;
      }
      return `Start the step ${title}: ask its opening question, in your own words or as written: "${opening}"`;
    }
    case 'answer-question': {
      const question = [...transcript].reverse().find((line) => line.role === 'candidate')?.text ?? '';
      const facts = factIndexFor(caseStudy)
        .search(question)
        .map((match) => match.fact.id);
      const hint = facts.length > 0 ? ` The facts that seem to answer it: ${facts.join(', ')}.` : '';
      const late = move.late
        ? ' Time for this step is up: answer in one or two sentences and ask nothing new.'
        : '';
      return `The candidate's last message is a clarifying question. Answer it from the case sheet, giving the numbers as written; if the sheet does not cover it, say you do not have that detail and ask them to state an assumption and carry on.${hint}${late}`;
    }
    case 'probe': {
      const point = findPoint(caseStudy, framework, move.step, move.pointId);
      if (!point) return 'Ask what else they would consider for this step, in one sentence.';
      return `Ask one probing question about "${point.title}" without naming or hinting at any solution. You may adapt this question: "${oneLine(point.probe)}"`;
    }
    case 'acknowledge':
      if (move.late)
        return 'Time for this step is up. Acknowledge the answer in a few neutral words and ask nothing.';
      if (move.allCovered) {
        return 'Acknowledge the answer in a few neutral words, then say they can add anything else for this step or move on when ready.';
      }
      return 'Acknowledge the answer in a few neutral words and invite them to continue with this step. Do not steer them to any topic.';
    case 'curveball': {
      const ball = caseStudy.curveballs.find((candidate) => candidate.id === move.curveballId);
      if (!ball) return 'Ask what else they would consider for this step, in one sentence.';
      return `Introduce this change of constraints in your own words, then ask how it changes their design: "${oneLine(ball.text)}"`;
    }
    case 'time-warning':
      return `Tell them, in one sentence, that about ${timeLeft(move.remainingMs)} remain for this step.`;
    case 'move-on': {
      const next = stepTitle(framework, move.nextStep);
      if (move.reason === 'time-up') {
        return `Time is up for ${title}. Say so in one sentence and that we move on to ${next}. Do not ask the next question yet; it comes in your next message.`;
      }
      return `The candidate asked to move on. Confirm in a few words that we move on to ${next}. Do not ask the next question yet; it comes in your next message.`;
    }
    case 'wrap-up': {
      const why =
        move.reason === 'completed'
          ? 'All seven steps are done.'
          : move.reason === 'time-up'
            ? 'The time for the interview is over.'
            : 'The candidate chose to end the interview here.';
      return `${why} Thank the candidate in one or two sentences and say their report is being prepared. Do not comment on how they did.`;
    }
  }
}

function timeLeft(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return 'not known';
  if (ms <= 0) return 'none (time is up)';
  if (ms < 60_000) return `${Math.max(10, Math.round(ms / 10_000) * 10)} seconds`;
  const minutes = Math.round(ms / 60_000);
  return minutes === 1 ? 'one minute' : `${minutes} minutes`;
}

function stepTitle(framework: Framework, step: StepId): string {
  return framework.steps.find((candidate) => candidate.id === step)?.title ?? step;
}

function openingOf(caseStudy: CaseStudy, framework: Framework, step: StepId): string {
  return oneLine(caseStudy.steps[step].opening || framework.steps.find((s) => s.id === step)?.opening || '');
}
