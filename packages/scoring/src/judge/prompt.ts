import { createHash } from 'node:crypto';
import type { ChatMessage } from '@mlsd/llm';
import type { CaseStudy, Framework } from '@mlsd/rubric';
import type { StepAsk } from './ask.ts';
import type { JudgeTurn } from './types.ts';
import type { JudgeView } from './view.ts';

export type { JudgeTurn } from './types.ts';

/** The placeholders each judge prompt file must use (prompts/judge.md, judge-step.md, judge-retry.md). */
export const JUDGE_PLACEHOLDERS = {
  system: ['case_title', 'case_prompt', 'boundary', 'transcript'],
  step: ['step_title', 'step_purpose', 'points', 'red_flags', 'curveballs'],
  retry: ['problem'],
} as const;

/** A loaded prompt file; @mlsd/interviewer's `loadPrompts` gives these. */
export interface RenderablePrompt {
  render(values: Readonly<Record<string, string>>): string;
}

export interface JudgePrompts {
  /** Instructions, the case and the whole transcript: the same bytes for every step's request. */
  system: RenderablePrompt;
  /** One step's talking points, red flags and curveballs: the part that changes between requests. */
  step: RenderablePrompt;
  /** Sent after a reply that was not valid structured output. */
  retry: RenderablePrompt;
}

/** A message to the judge's model, as the gateway sends it. */
export type JudgeMessage = ChatMessage;

/**
 * A marker the candidate cannot forge: derived from a hash of everything the candidate wrote, so
 * no candidate text can contain it, and the same transcript always gets the same one.
 */
export function transcriptBoundary(turns: readonly JudgeTurn[], notes: string): string {
  const hash = createHash('sha256');
  for (const turn of turns) hash.update(`${turn.role}\u0000${turn.text}\u0000`);
  hash.update(notes);
  return `T${hash.digest('hex').slice(0, 12)}`;
}

/** The transcript as delimited data: every turn opens with a marker line naming its author and number. */
export function renderTranscript(turns: readonly JudgeTurn[], view: JudgeView, boundary: string): string {
  const lines: string[] = [];
  turns.forEach((turn, index) => {
    const step = turn.step ? `, step ${turn.step}` : '';
    lines.push(`=== ${boundary} ${turn.role} turn ${index}${step} ===`, view.texts[index] ?? '');
  });
  if (view.notes !== '') lines.push(`=== ${boundary} candidate notes pad ===`, view.notes);
  lines.push(`=== ${boundary} end of transcript ===`);
  return lines.join('\n');
}

/** The system message shared by every step's request. */
export function judgeSystemMessage(
  prompts: JudgePrompts,
  study: CaseStudy,
  turns: readonly JudgeTurn[],
  notes: string,
  view: JudgeView,
): string {
  const boundary = transcriptBoundary(turns, notes);
  return prompts.system.render({
    case_title: study.title,
    case_prompt: study.prompt,
    boundary,
    transcript: renderTranscript(turns, view, boundary),
  });
}

/** The user message for one step: its purpose, its points, its red flags and the curveballs thrown in it. */
export function judgeStepMessage(prompts: JudgePrompts, framework: Framework, ask: StepAsk): string {
  const purpose = framework.steps.find((candidate) => candidate.id === ask.step)?.purpose ?? '';
  const points = ask.points
    .map(
      (point) =>
        `- id: ${point.id}\n  title: ${point.title}\n  weight: ${point.weight} of 3\n  a strong answer: ${flat(point.strong)}`,
    )
    .join('\n');
  const redFlags =
    ask.redFlags.length === 0
      ? '(this step has no red flags)'
      : ask.redFlags
          .map((flag) => `- id: ${flag.id}\n  the mistake: ${flag.title}\n  why it is one: ${flat(flag.why)}`)
          .join('\n');
  const curveballs =
    ask.curveballs.length === 0
      ? '(no curveball was thrown in this step)'
      : ask.curveballs
          .map((ball) =>
            [
              `- id: ${ball.id}`,
              `  thrown in interviewer turn ${ball.turnIndex}: ${flat(ball.text)}`,
              `  the candidate's reaction: turn${ball.reaction.length > 1 ? 's' : ''} ${ball.reaction.join(', ')}`,
              '  ideas of a good reaction:',
              ...ball.ideas.map((idea, index) => `    ${index + 1}. ${flat(idea)}`),
            ].join('\n'),
          )
          .join('\n');
  return prompts.step.render({
    step_title: ask.title,
    step_purpose: flat(purpose),
    points,
    red_flags: redFlags,
    curveballs,
  });
}

function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
