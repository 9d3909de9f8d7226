import { z } from 'zod';

export const JudgeLevel = z.enum(['missed', 'mentioned', 'explained']);
export type JudgeLevel = z.infer<typeof JudgeLevel>;

/**
 * One step's verdicts as the model must write them. Field order is generation order under
 * constrained decoding: the quote first, then the reasoning, then the verdict. `credit` carries
 * no bounds here: an out-of-range value is clamped in code rather than thrown away.
 */
export function judgeStepSchema(pointIds: readonly [string, ...string[]]) {
  return z.object({
    points: z.array(
      z.object({
        pointId: z.enum(pointIds).describe('the id of the talking point, as listed'),
        quote: z
          .string()
          .describe(
            'the candidate text that shows the point, copied character for character; "" when missed',
          ),
        turn: z
          .number()
          .nullable()
          .describe(
            'the number of the candidate turn the quote comes from; null for the notes pad or when missed',
          ),
        reason: z.string().describe('one sentence: why this level'),
        level: JudgeLevel,
        credit: z.number().describe('share of the point earned, from 0 to 1'),
      }),
    ),
  });
}

export type JudgeStepOutput = z.infer<ReturnType<typeof judgeStepSchema>>;
export type JudgePointOutput = JudgeStepOutput['points'][number];

/** The JSON schema sent to the model (response_format json_schema), generated from the zod schema. */
export function judgeJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _, ...json } = z.toJSONSchema(schema, { target: 'draft-7' }) as Record<string, unknown>;
  return json;
}

export type ParsedReply = { ok: true; value: JudgeStepOutput } | { ok: false; problem: string };

/**
 * Reads a reply as the step's structured output. Tolerates a Markdown code fence or words around
 * the JSON object (small local models add them); requires one entry per talking point.
 */
export function parseJudgeReply(text: string, pointIds: readonly [string, ...string[]]): ParsedReply {
  const json = extractJson(text);
  if (json === undefined) return { ok: false, problem: 'the reply is not a JSON object' };
  const parsed = judgeStepSchema(pointIds).safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || 'reply'}: ${issue.message}`);
    return { ok: false, problem: `the JSON does not match the schema (${issues.join('; ')})` };
  }
  const given = new Set(parsed.data.points.map((point) => point.pointId));
  const missing = pointIds.filter((id) => !given.has(id));
  if (missing.length > 0) {
    return {
      ok: false,
      problem: `there is no entry for ${missing.join(', ')}; give one entry per talking point`,
    };
  }
  return { ok: true, value: parsed.data };
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
