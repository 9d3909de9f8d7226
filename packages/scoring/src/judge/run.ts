import type { Report, ReportFlag, StepId } from '@mlsd/protocol';
import type { CaseStudy, Framework, TalkingPoint } from '@mlsd/rubric';
import { compileRubric } from '../compile.ts';
import { compareVerdicts, type VerdictComparison } from './compare.ts';
import {
  type JudgeMessage,
  type JudgePrompts,
  type JudgeTurn,
  judgeStepMessage,
  judgeSystemMessage,
} from './prompt.ts';
import { candidateSources } from './quotes.ts';
import { judgeJsonSchema, judgeStepSchema, parseJudgeReply } from './schema.ts';
import { buildJudgeReport, type PointVerdict, settlePoint } from './verdicts.ts';

/** One structured-output completion. @mlsd/interviewer implements it over the model endpoint. */
export interface JudgeClient {
  completeJson(request: {
    messages: readonly JudgeMessage[];
    schemaName: string;
    schema: Record<string, unknown>;
    signal?: AbortSignal;
  }): Promise<{ text: string }>;
}

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
}

export interface JudgeStats {
  requests: number;
  /** Replies that were not valid structured output and were asked again. */
  retries: number;
  /** Credited points whose quote was not the candidate's own text (they earn nothing). */
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
      verdicts: Map<StepId, PointVerdict[]>;
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
 * Grades every talking point of the session with the model, one request per step (the system
 * message with the transcript is the same for all seven, so it is cached), and checks what comes
 * back. Any failure, or output still invalid after one retry, gives the offline report, flagged.
 */
export async function judgeSession(options: JudgeOptions): Promise<JudgeOutcome> {
  const { study, framework, turns, offline } = options;
  const notes = options.notes ?? '';
  const stats: JudgeStats = { requests: 0, retries: 0, rejectedQuotes: 0, clamped: 0 };
  const sources = candidateSources(turns, notes);
  const rubric = compileRubric(study, framework);
  const system = judgeSystemMessage(options.prompts, study, turns, notes);
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });

  const gradeStep = async (step: (typeof rubric.steps)[number]): Promise<[StepId, PointVerdict[]]> => {
    const points = step.points.map((compiled) => compiled.point);
    // With no candidate text there is nothing to quote: every point is missed without asking.
    if (sources.length === 0 || points.length === 0) return [step.id, []];
    const outputs = await askStep(options, stats, controller.signal, system, step.id, step.title, points);
    const verdicts = points.map((point) => {
      const raw = outputs.find((entry) => entry.pointId === point.id)!;
      const verdict = settlePoint(point, raw, sources);
      if (verdict.rejected === 'not-found' || verdict.rejected === 'grader-directed') stats.rejectedQuotes++;
      if (verdict.clamped) stats.clamped++;
      return verdict;
    });
    return [step.id, verdicts];
  };

  try {
    const [first, ...rest] = rubric.steps;
    const graded: [StepId, PointVerdict[]][] = first ? [await gradeStep(first)] : [];
    graded.push(...(await inBatches(rest, Math.max(1, options.concurrency ?? 3), gradeStep)));
    const verdicts = new Map(graded);
    const flags: ReportFlag[] = [];
    if (stats.rejectedQuotes > 0) {
      flags.push({
        kind: 'degraded',
        message: `the judge quoted text the candidate never wrote for ${stats.rejectedQuotes} point(s); those points earn nothing`,
      });
    }
    const report = buildJudgeReport({ offline, study, framework, turns, verdicts, flags, now: options.now });
    return { ok: true, report, comparison: compareVerdicts(offline, report), verdicts, stats };
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

/** One step: ask, and when the reply is not valid structured output, ask once more saying why. */
async function askStep(
  options: JudgeOptions,
  stats: JudgeStats,
  signal: AbortSignal,
  system: string,
  step: StepId,
  title: string,
  points: readonly TalkingPoint[],
) {
  const ids = points.map((point) => point.id) as [string, ...string[]];
  const schema = judgeJsonSchema(judgeStepSchema(ids));
  const messages: JudgeMessage[] = [
    { role: 'system', content: system },
    { role: 'user', content: judgeStepMessage(options.prompts, options.framework, step, title, points) },
  ];
  let problem = '';
  for (let attempt = 0; attempt < 2; attempt++) {
    stats.requests++;
    let text: string;
    try {
      ({ text } = await options.client.completeJson({
        messages,
        schemaName: `judge_${step}`,
        schema,
        signal,
      }));
    } catch (error) {
      throw new StepFailed({ code: 'JUDGE_UNAVAILABLE', message: `step ${step}: ${describe(error)}`, step });
    }
    const parsed = parseJudgeReply(text, ids);
    if (parsed.ok) return parsed.value.points;
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
