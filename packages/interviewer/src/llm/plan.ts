import type { MessageReading, PreferredMove } from '@mlsd/engine';
import type { ChatMessage, LlmChat } from '@mlsd/llm';
import { CandidateIntent, type StepId } from '@mlsd/protocol';
import type { CaseStudy, Framework } from '@mlsd/rubric';
import { z } from 'zod';
import { neutralPoints, quotedIn } from './neutral-points.ts';
import type { PromptSet } from './prompts.ts';
import { oneLine } from './stable-prompt.ts';

/** The model's plan as it must arrive; ids and quotes are checked against the case afterwards. */
const Plan = z.object({
  intent: CandidateIntent,
  facts: z.array(z.string()).default([]),
  covered: z.array(z.object({ id: z.string(), quote: z.string() })).default([]),
  redFlags: z.array(z.object({ id: z.string(), quote: z.string() })).default([]),
  move: z
    .object({
      kind: z.enum(['challenge', 'curveball', 'follow-up', 'probe', 'acknowledge']),
      target: z.string().nullish(),
    })
    .nullish(),
});
type Plan = z.infer<typeof Plan>;

export interface PlanRequest {
  caseStudy: CaseStudy;
  framework: Framework;
  step: StepId;
  text: string;
  /** The offline reading of the same message: the plan refines it, and it is the fallback. */
  offline: MessageReading;
  /** What the engine allows if the message is an answer. */
  allowed: readonly PreferredMove[];
  signal?: AbortSignal;
}

export type PlanOutcome =
  | { ok: true; reading: MessageReading; dropped: string[] }
  | { ok: false; reading: MessageReading; error: string };

/** Longest plan reply: a few ids and quotes. */
const PLAN_MAX_TOKENS = 600;

/**
 * Asks the model to read a candidate message and propose the move. Every id is mapped back and
 * checked, every quote must be the candidate's words; what fails a check is dropped. An invalid
 * reply gets one retry with the error, then the offline reading stands.
 */
export async function planWithModel(
  client: LlmChat,
  options: { model: string; prompts: PromptSet },
  request: PlanRequest,
): Promise<PlanOutcome> {
  const { caseStudy, framework, step } = request;
  const neutral = neutralPoints(caseStudy, framework, step);
  const open = new Set(request.offline.uncovered.map((point) => point.id));
  const flags = Object.values(caseStudy.steps).flatMap((each) => each.redFlags);
  const prompt = options.prompts.interviewerPlan.render({
    step,
    message: request.text,
    points: neutral
      .map(({ label, id, probe }) => `${label} (${open.has(id) ? 'open' : 'covered'}): ${oneLine(probe)}`)
      .join('\n'),
    red_flags: flags.map((flag) => `${flag.id}: ${flag.title}`).join('\n') || 'none',
    facts: caseStudy.facts.map((fact) => `${fact.id}: ${fact.cues.slice(0, 3).join(', ')}`).join('\n'),
    moves: request.allowed.map((move) => describeMove(move, neutral)).join('; '),
  });
  const messages: ChatMessage[] = [{ role: 'user', content: prompt }];
  let error = '';
  for (let attempt = 0; attempt < 2; attempt++) {
    const asked: ChatMessage[] =
      attempt === 0
        ? messages
        : [
            ...messages,
            {
              role: 'user',
              content: `Your last reply was not valid: ${error}. Reply with the JSON object only.`,
            },
          ];
    const result = await client.chat({
      model: options.model,
      messages: asked,
      maxTokens: PLAN_MAX_TOKENS,
      ...(request.signal ? { signal: request.signal } : {}),
    });
    const parsed = parsePlan(result.text);
    if (parsed.ok) return { ok: true, ...applyPlan(parsed.plan, request, neutral) };
    error = parsed.error;
  }
  return { ok: false, reading: request.offline, error };
}

function parsePlan(text: string): { ok: true; plan: Plan } | { ok: false; error: string } {
  const body = text.trim().replace(/^```(?:json)?\s*|\s*```$/g, '');
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { ok: false, error: 'it is not JSON' };
  }
  const plan = Plan.safeParse(value);
  if (plan.success) return { ok: true, plan: plan.data };
  const issue = plan.error.issues[0];
  return { ok: false, error: `${issue?.path.join('.') || 'the object'}: ${issue?.message ?? 'invalid'}` };
}

/** The offline reading with what the model read better: intent, facts, points, red flags, move. */
function applyPlan(
  plan: Plan,
  request: PlanRequest,
  neutral: { label: string; id: string }[],
): { reading: MessageReading; dropped: string[] } {
  const { offline, caseStudy, text } = request;
  const dropped: string[] = [];
  const said = (quote: string, what: string) => {
    const ok = quotedIn(text, quote);
    if (!ok) dropped.push(`${what}: quote not in the message`);
    return ok;
  };
  const pointId = (label: string) => neutral.find((entry) => entry.label === label)?.id;
  const flagIds = new Set(
    Object.values(caseStudy.steps).flatMap((step) => step.redFlags.map((flag) => flag.id)),
  );
  const factIds = new Set(caseStudy.facts.map((fact) => fact.id));
  const covered = plan.covered.flatMap((entry) => {
    const id = pointId(entry.id);
    if (id === undefined) dropped.push(`covered: unknown point ${entry.id}`);
    return id !== undefined && said(entry.quote, `covered ${entry.id}`) ? [id] : [];
  });
  const redFlags = plan.redFlags.flatMap((entry) => {
    if (!flagIds.has(entry.id)) dropped.push(`red flag: unknown id ${entry.id}`);
    return flagIds.has(entry.id) && said(entry.quote, `red flag ${entry.id}`) ? [entry.id] : [];
  });
  const facts = plan.facts.filter((id) => factIds.has(id));
  // Ending the whole interview cannot be undone: the model alone does not decide it.
  const intent = plan.intent === 'stop' && offline.intent !== 'stop' ? offline.intent : plan.intent;
  if (intent !== plan.intent) dropped.push('intent: "stop" not confirmed by the offline reading');
  const reading: MessageReading = {
    ...offline,
    intent,
    facts: facts.length > 0 ? { found: [...new Set(facts)], unanswered: [], ambiguous: [] } : offline.facts,
    named: [...new Set([...covered, ...offline.named])],
    uncovered: offline.uncovered.filter((point) => !covered.includes(point.id)),
    redFlags: [...new Set(redFlags)],
  };
  if (plan.move) {
    const target = plan.move.target ? (pointId(plan.move.target) ?? plan.move.target) : undefined;
    reading.preferred = { kind: plan.move.kind, ...(target === undefined ? {} : { target }) };
  }
  return { reading, dropped };
}

function describeMove(move: PreferredMove, neutral: { label: string; id: string }[]): string {
  if (move.target === undefined) return move.kind;
  const label = neutral.find((entry) => entry.id === move.target)?.label ?? move.target;
  return `${move.kind} ${label}`;
}
