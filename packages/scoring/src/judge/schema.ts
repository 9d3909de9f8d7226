import { z } from 'zod';

export const JudgeLevel = z.enum(['missed', 'mentioned', 'explained']);
export type JudgeLevel = z.infer<typeof JudgeLevel>;

/** How a red flag appears in the transcript; only `stated` costs points. */
export const FlagSaid = z.enum(['stated', 'rejected', 'absent']);
export type FlagSaid = z.infer<typeof FlagSaid>;

const quote = (what: string) =>
  z.string().describe(`the candidate text that ${what}, copied character for character; "" when none`);
const turn = z
  .number()
  .nullable()
  .describe('the number of the candidate turn the quote comes from; null for the notes pad or no quote');
const reason = z.string().describe('one sentence: why this verdict');

/*
 * Field order is generation order under constrained decoding: the quote first, then the reasoning,
 * then the verdict. Numbers carry no bounds (not even `int()`, which would send ±2^53 bounds to
 * every grammar engine): they are rounded and clamped in code, not thrown away.
 */
const pointEntry = (id: z.ZodType<string>) =>
  z.object({
    pointId: id.describe('the id of the talking point, as listed'),
    quote: quote('shows the point'),
    turn,
    reason,
    level: JudgeLevel,
    credit: z.number().describe('share of the point earned, from 0 to 1'),
  });

const flagEntry = (id: z.ZodType<string>) =>
  z.object({
    flagId: id.describe('the id of the red flag, as listed'),
    quote: quote('states the mistake'),
    turn,
    reason,
    said: FlagSaid.describe(
      'stated: proposed or defended as their own choice; rejected: only named to reject it, asked about, or echoed; absent: not said',
    ),
  });

const curveballEntry = (id: z.ZodType<string>) =>
  z.object({
    curveballId: id.describe('the id of the curveball, as listed'),
    quote: quote('covers the most ideas of a good reaction'),
    turn,
    reason,
    covered: z.array(z.number()).describe('the numbers of the ideas the reaction covers; [] for none'),
  });

export type JudgePointOutput = z.infer<ReturnType<typeof pointEntry>>;
export type JudgeFlagOutput = z.infer<ReturnType<typeof flagEntry>>;
export type JudgeCurveballOutput = z.infer<ReturnType<typeof curveballEntry>>;

export interface JudgeStepOutput {
  points: JudgePointOutput[];
  /** Present when the step has red flags. */
  redFlags?: JudgeFlagOutput[];
  /** Present when a curveball was thrown (and answered) in the step. */
  curveballs?: JudgeCurveballOutput[];
}

/** The ids one step's request asks about: one entry is required for each. */
export interface AskIds {
  points: readonly [string, ...string[]];
  redFlags: readonly string[];
  curveballs: readonly string[];
}

/**
 * One step's verdicts as the model must write them: ids are enums of what was asked, and the red
 * flag and curveball lists are there only when the step has some (an enum may not be empty).
 */
export function judgeStepSchema(ids: AskIds): z.ZodType<JudgeStepOutput> {
  const shape: Record<string, z.ZodType> = { points: z.array(pointEntry(z.enum(ids.points))) };
  const [flag, ...flags] = ids.redFlags;
  if (flag !== undefined) shape.redFlags = z.array(flagEntry(z.enum([flag, ...flags])));
  const [ball, ...balls] = ids.curveballs;
  if (ball !== undefined) shape.curveballs = z.array(curveballEntry(z.enum([ball, ...balls])));
  return z.object(shape) as unknown as z.ZodType<JudgeStepOutput>;
}

/** The JSON schema sent to the model (response_format json_schema), generated from the zod schema. */
export function judgeJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _, ...json } = z.toJSONSchema(schema, { target: 'draft-7' }) as Record<string, unknown>;
  return json;
}

export type ParsedReply = { ok: true; value: JudgeStepOutput } | { ok: false; problem: string };

/**
 * Reads a reply as the step's structured output. Tolerates a Markdown code fence or words around
 * the JSON object (small local models add them); requires one entry per point, red flag and
 * curveball asked about.
 */
export function parseJudgeReply(text: string, ids: AskIds): ParsedReply {
  const json = extractJson(text);
  if (json === undefined) return { ok: false, problem: 'the reply is not a JSON object' };
  const parsed = judgeStepSchema(ids).safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || 'reply'}: ${issue.message}`);
    return { ok: false, problem: `the JSON does not match the schema (${issues.join('; ')})` };
  }
  const { points, redFlags = [], curveballs = [] } = parsed.data;
  const missing = [
    lacking('talking point', ids.points, points, (entry) => entry.pointId),
    lacking('red flag', ids.redFlags, redFlags, (entry) => entry.flagId),
    lacking('curveball', ids.curveballs, curveballs, (entry) => entry.curveballId),
  ].filter((problem) => problem !== null);
  if (missing.length > 0) return { ok: false, problem: missing.join('; ') };
  return { ok: true, value: parsed.data };
}

function lacking<T>(
  what: string,
  asked: readonly string[],
  given: readonly T[],
  idOf: (entry: T) => string,
): string | null {
  const seen = new Set(given.map(idOf));
  const missing = asked.filter((id) => !seen.has(id));
  if (missing.length === 0) return null;
  return `there is no entry for ${missing.join(', ')}; give one entry per ${what}`;
}

function extractJson(text: string): unknown {
  const unfenced = text.replace(/^\s*```(?:json)?\s*/i, '').replace(/\s*```\s*$/, '');
  for (const candidate of [unfenced, unfenced.slice(unfenced.indexOf('{'), unfenced.lastIndexOf('}') + 1)]) {
    try {
      const value: unknown = JSON.parse(candidate);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value;
    } catch {
      // try the next reading
    }
  }
  return undefined;
}
