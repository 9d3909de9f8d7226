import type { Report, ReportFlag, StepId, VerdictComparison } from '@mlsd/protocol';
import type { CaseStudy, Framework } from '@mlsd/rubric';
import { AnalysisCache } from '../analyse.ts';
import { compileRubric } from '../compile.ts';
import { prepareSession } from '../session.ts';
import { reversedAsk, type StepAsk, sessionTurnsOf, stepAsks } from './ask.ts';
import type { JudgeClient } from './client.ts';
import { compareVerdicts } from './compare.ts';
import { buildJudgeReport } from './judge-report.ts';
import {
  type JudgeMessage,
  type JudgePrompts,
  type JudgeTurn,
  judgeStepMessage,
  judgeSystemMessage,
} from './prompt.ts';
import {
  type AskIds,
  type JudgeStepOutput,
  judgeJsonSchema,
  judgeStepSchema,
  parseJudgeReply,
} from './schema.ts';
import { combineRuns, worthConfirming } from './stability.ts';
import { type StepVerdicts, settleStep } from './verdicts.ts';
import { judgeView } from './view.ts';

/** The judge samples nothing: the same transcript should get the same verdicts. */
export const JUDGE_TEMPERATURE = 0;

/** Structured output is long: one entry per talking point of a step, each with a quote. */
const JUDGE_MAX_TOKENS = 4000;

export interface JudgeOptions {
  client: JudgeClient;
  prompts: JudgePrompts;
  study: CaseStudy;
  framework: Framework;
  /** The whole transcript, in order (indices are the report's `turnIndex`). */
  turns: readonly JudgeTurn[];
  notes?: string;
  /** The offline scorer's report of the same session: the fallback, and the other side of the comparison. */
  offline: Report;
  signal?: AbortSignal;
  /** Steps graded at once after the first (which runs alone so the shared prefix is cached). */
  concurrency?: number;
  now?: number;
  /** The session's analysis cache, if it has one: the candidate's text is then not tokenised again. */
  cache?: AnalysisCache;
}

export interface JudgeStats {
  requests: number;
  /** Replies that were not valid structured output and were asked again. */
  retries: number;
  /** Steps graded a second time to check the first (the rest found nothing a second run could confirm). */
  secondRuns: number;
  /** Points, red flags and curveballs whose two runs disagreed; the lower verdict was kept. */
  uncertain: number;
  /** Verdicts (point, red flag or curveball) whose quote was not the candidate's own text in some run. */
  rejectedQuotes: number;
  /** Credits the model gave out of range or above its level. */
  clamped: number;
}

export type JudgeFailure = {
  code: 'JUDGE_UNAVAILABLE' | 'JUDGE_INVALID_OUTPUT';
  message: string;
  step: StepId | null;
};

export type JudgeOutcome =
  | {
      ok: true;
      report: Report;
      comparison: VerdictComparison;
      verdicts: Map<StepId, StepVerdicts>;
      stats: JudgeStats;
    }
  /** `report` is the offline report with a `judge-failed` flag. */
  | { ok: false; report: Report; error: JudgeFailure; stats: JudgeStats };

class StepFailed extends Error {
  constructor(readonly failure: JudgeFailure) {
    super(failure.message);
  }
}

/** Longest piece of an unusable reply echoed back when asking again. */
const ECHO_CHARS = 2000;

/**
 * Grades the session with the model, one step per request at temperature 0: the step's talking
 * points, red flags and answered curveballs (the system message with the transcript is the same
 * for every request, so it is cached). Each step is asked twice, the second time with its lists in
 * reverse order, and only what both runs assert stands (`stability.ts`); the second run is skipped
 * when the first found nothing it could confirm. Text addressed to the grader is removed before
 * the model reads the transcript. Any failure, or output still invalid after one retry, gives the
 * offline report, flagged.
 */
export async function judgeSession(options: JudgeOptions): Promise<JudgeOutcome> {
  const { study, framework, offline } = options;
  const notes = options.notes ?? '';
  const stats: JudgeStats = {
    requests: 0,
    retries: 0,
    secondRuns: 0,
    uncertain: 0,
    rejectedQuotes: 0,
    clamped: 0,
  };
  const cache = options.cache ?? new AnalysisCache();
  const rubric = compileRubric(study, framework);
  const turns = sessionTurnsOf(options.turns);
  const prepared = prepareSession(rubric, turns, notes, cache);
  const view = judgeView(options.turns, notes, cache);
  const system = judgeSystemMessage(options.prompts, study, options.turns, notes, view);
  const rejected = new Set<string>();
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });

  const run = async (ask: StepAsk, second: boolean): Promise<StepVerdicts> => {
    const output = await askStep(options, stats, controller.signal, system, ask, second);
    const verdicts = settleStep(ask, output, view.sources);
    for (const verdict of [...verdicts.points, ...verdicts.redFlags, ...verdicts.curveballs]) {
      if (verdict.rejected === 'not-found' || verdict.rejected === 'grader-directed')
        rejected.add(`${ask.step}:${idOf(verdict)}`);
    }
    stats.clamped += verdicts.points.filter((verdict) => verdict.clamped).length;
    return verdicts;
  };

  const gradeStep = async (ask: StepAsk): Promise<[StepId, StepVerdicts]> => {
    // With no candidate text there is nothing to quote: every point is missed without asking.
    if (view.sources.length === 0) return [ask.step, { points: [], redFlags: [], curveballs: [], runs: 0 }];
    const first = await run(ask, false);
    if (!worthConfirming(first)) return [ask.step, first];
    stats.secondRuns++;
    const combined = combineRuns(first, await run(reversedAsk(ask), true));
    stats.uncertain += [...combined.points, ...combined.redFlags, ...combined.curveballs].filter(
      (verdict) => verdict.uncertain,
    ).length;
    return [ask.step, combined];
  };

  try {
    const [first, ...rest] = stepAsks(rubric, offline, turns, prepared.steps);
    const graded: [StepId, StepVerdicts][] = first ? [await gradeStep(first)] : [];
    graded.push(...(await inBatches(rest, Math.max(1, options.concurrency ?? 3), gradeStep)));
    const verdicts = new Map(graded);
    stats.rejectedQuotes = rejected.size;
    const flags: ReportFlag[] = [];
    if (rejected.size > 0) {
      flags.push({
        kind: 'degraded',
        message: `the judge quoted text the candidate never wrote for ${rejected.size} verdict(s); those earn and cost nothing`,
      });
    }
    const report = buildJudgeReport({
      offline,
      study,
      framework,
      turns: options.turns,
      notes,
      verdicts,
      flags,
      prepared,
      ...(options.now === undefined ? {} : { now: options.now }),
    });
    return { ok: true, report, comparison: compareVerdicts(offline, report, verdicts), verdicts, stats };
  } catch (error) {
    controller.abort();
    const failure: JudgeFailure =
      error instanceof StepFailed
        ? error.failure
        : { code: 'JUDGE_UNAVAILABLE', message: describe(error), step: null };
    const flag: ReportFlag = {
      kind: 'judge-failed',
      message:
        failure.code === 'JUDGE_INVALID_OUTPUT'
          ? `the model judge did not return usable verdicts (${failure.message}); these scores are the offline scorer's`
          : `the model judge could not be reached (${failure.message}); these scores are the offline scorer's`,
    };
    return { ok: false, report: { ...offline, flags: [...offline.flags, flag] }, error: failure, stats };
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}

function idOf(verdict: { pointId: string } | { flagId: string } | { curveballId: string }): string {
  if ('pointId' in verdict) return `point:${verdict.pointId}`;
  if ('flagId' in verdict) return `flag:${verdict.flagId}`;
  return `curveball:${verdict.curveballId}`;
}

/** One step: ask, and when the reply is not valid structured output, ask once more saying why. */
async function askStep(
  options: JudgeOptions,
  stats: JudgeStats,
  signal: AbortSignal,
  system: string,
  ask: StepAsk,
  second: boolean,
): Promise<JudgeStepOutput> {
  const ids: AskIds = {
    points: ask.points.map((point) => point.id) as [string, ...string[]],
    redFlags: ask.redFlags.map((flag) => flag.id),
    curveballs: ask.curveballs.map((ball) => ball.id),
  };
  const schema = judgeJsonSchema(judgeStepSchema(ids));
  const messages: JudgeMessage[] = [
    { role: 'system', content: system },
    { role: 'user', content: judgeStepMessage(options.prompts, options.framework, ask) },
  ];
  const { step } = ask;
  const schemaName = second ? `judge_${step}_rerun` : `judge_${step}`;
  let problem = '';
  for (let attempt = 0; attempt < 2; attempt++) {
    stats.requests++;
    let text: string;
    try {
      ({ text } = await options.client.llm.chat({
        model: options.client.model,
        messages,
        jsonSchema: { name: schemaName, schema },
        maxTokens: JUDGE_MAX_TOKENS,
        timeoutMs: options.client.timeoutMs,
        // Sent whatever the session's setting: the judge's verdicts must not depend on sampling.
        temperature: JUDGE_TEMPERATURE,
        signal,
      }));
    } catch (error) {
      throw new StepFailed({ code: 'JUDGE_UNAVAILABLE', message: `step ${step}: ${describe(error)}`, step });
    }
    const parsed = parseJudgeReply(text, ids);
    if (parsed.ok) return parsed.value;
    problem = parsed.problem;
    if (attempt === 0) {
      stats.retries++;
      messages.push(
        { role: 'assistant', content: text.slice(0, ECHO_CHARS) },
        { role: 'user', content: options.prompts.retry.render({ problem }) },
      );
    }
  }
  throw new StepFailed({ code: 'JUDGE_INVALID_OUTPUT', message: `step ${step}: ${problem}`, step });
}

async function inBatches<T, R>(
  items: readonly T[],
  size: number,
  run: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  for (let at = 0; at < items.length; at += size) {
    results.push(...(await Promise.all(items.slice(at, at + size).map(run))));
  }
  return results;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
