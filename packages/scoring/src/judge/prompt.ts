import { createHash } from 'node:crypto';
import type { CaseStudy, Framework, StepId, TalkingPoint } from '@mlsd/rubric';

/** The placeholders each judge prompt file must use (prompts/judge.md, judge-step.md, judge-retry.md). */
export const JUDGE_PLACEHOLDERS = {
  system: ['case_title', 'case_prompt', 'boundary', 'transcript'],
  step: ['step_title', 'step_purpose', 'points'],
  retry: ['problem'],
} as const;

/** A loaded prompt file; @mlsd/interviewer's `loadPrompts` gives these. */
export interface RenderablePrompt {
  render(values: Readonly<Record<string, string>>): string;
}

export interface JudgePrompts {
  /** Instructions, the case and the whole transcript: the same bytes for every step's request. */
  system: RenderablePrompt;
  /** One step's talking points: the part that changes between requests. */
  step: RenderablePrompt;
  /** Sent after a reply that was not valid structured output. */
  retry: RenderablePrompt;
}

export interface JudgeMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** The part of a transcript turn the judge reads. `Turn` from @mlsd/protocol fits. */
export interface JudgeTurn {
  role: 'interviewer' | 'candidate';
  text: string;
  step?: StepId | null;
  probedPointIds?: readonly string[];
}

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
export function renderTranscript(turns: readonly JudgeTurn[], notes: string, boundary: string): string {
  const lines: string[] = [];
  turns.forEach((turn, index) => {
    const step = turn.step ? `, step ${turn.step}` : '';
    lines.push(`=== ${boundary} ${turn.role} turn ${index}${step} ===`, turn.text);
  });
  if (notes.trim() !== '') lines.push(`=== ${boundary} candidate notes pad ===`, notes);
  lines.push(`=== ${boundary} end of transcript ===`);
  return lines.join('\n');
}

/** The system message shared by every step's request. */
export function judgeSystemMessage(
  prompts: JudgePrompts,
  study: CaseStudy,
  turns: readonly JudgeTurn[],
  notes: string,
): string {
  const boundary = transcriptBoundary(turns, notes);
  return prompts.system.render({
    case_title: study.title,
    case_prompt: study.prompt,
    boundary,
    transcript: renderTranscript(turns, notes, boundary),
  });
}

/** The user message for one step: its purpose and its talking points with what a strong answer says. */
export function judgeStepMessage(
  prompts: JudgePrompts,
  framework: Framework,
  step: StepId,
  title: string,
  points: readonly TalkingPoint[],
): string {
  const purpose = framework.steps.find((candidate) => candidate.id === step)?.purpose ?? '';
  const list = points
    .map(
      (point) =>
        `- id: ${point.id}\n  title: ${point.title}\n  weight: ${point.weight} of 3\n  a strong answer: ${point.strong.replace(/\s+/g, ' ').trim()}`,
    )
    .join('\n');
  return prompts.step.render({
    step_title: title,
    step_purpose: purpose.replace(/\s+/g, ' ').trim(),
    points: list,
  });
}
