import type { CaseStudy, Framework } from '@mlsd/rubric';
import type { PromptSet } from './prompts.ts';

/**
 * The system message every request of a session starts with: persona, the seven steps, the fixed
 * instructions, then the case (so sessions on other cases still share the first part). It holds
 * nothing that changes during a session (no time, no coverage, no session length), so the
 * provider's prefix cache serves it on every turn. Never a point's "strong answer", its signals,
 * or a curveball's expectations: the interviewer cannot leak what it was never told.
 */
export function renderStablePrompt(prompts: PromptSet, caseStudy: CaseStudy, framework: Framework): string {
  const framing = framework.steps
    .map(
      (step, index) =>
        `${index + 1}. ${step.title} (about ${step.minutes} of 45 minutes). ${oneLine(step.purpose)}`,
    )
    .join('\n');
  const facts = caseStudy.facts
    .map((fact) => `- [${fact.id}] asked as: ${fact.cues.join('; ')}\n  answer: ${oneLine(fact.answer)}`)
    .join('\n');
  const openings = framework.steps
    .map((step) => `- ${step.title}: ${oneLine(caseStudy.steps[step.id].opening || step.opening)}`)
    .join('\n');
  const instructions = prompts.interviewer.render({
    framework: framing,
    case_title: caseStudy.title,
    case_prompt: oneLine(caseStudy.prompt),
    facts,
    openings,
  });
  return `${prompts.persona.render({})}\n\n${instructions}`;
}

const cache = new WeakMap<PromptSet, WeakMap<CaseStudy, WeakMap<Framework, string>>>();

/** `renderStablePrompt`, computed once per prompt set, case and framework object. */
export function stablePromptFor(prompts: PromptSet, caseStudy: CaseStudy, framework: Framework): string {
  let byCase = cache.get(prompts);
  if (!byCase) {
    byCase = new WeakMap();
    cache.set(prompts, byCase);
  }
  let byFramework = byCase.get(caseStudy);
  if (!byFramework) {
    byFramework = new WeakMap();
    byCase.set(caseStudy, byFramework);
  }
  let text = byFramework.get(framework);
  if (text === undefined) {
    text = renderStablePrompt(prompts, caseStudy, framework);
    byFramework.set(framework, text);
  }
  return text;
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
