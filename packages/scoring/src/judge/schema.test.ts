import { describe, expect, it } from 'vitest';
import { judgeJsonSchema, judgeStepSchema, parseJudgeReply } from './schema.ts';

const pointIds = ['label-delay', 'negative-sampling'] as const;
const ids = { points: pointIds, redFlags: [], curveballs: [] };
const entry = (pointId: string) => ({
  pointId,
  quote: '',
  turn: null,
  reason: 'r',
  level: 'missed',
  credit: 0,
});

describe('the judge output schema', () => {
  it('is sent as JSON schema with the point ids as an enum and no unbounded fields left open', () => {
    const schema = judgeJsonSchema(judgeStepSchema(ids)) as {
      $schema?: string;
      additionalProperties: boolean;
      properties: { points: { items: { properties: { pointId: { enum: string[] } }; required: string[] } } };
    };
    expect(schema.$schema).toBeUndefined();
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.points.items.properties.pointId.enum).toEqual(pointIds);
    expect(Object.keys(schema.properties)).toEqual(['points']);
    expect(schema.properties.points.items.required).toEqual([
      'pointId',
      'quote',
      'turn',
      'reason',
      'level',
      'credit',
    ]);
  });

  it('reads a reply wrapped in a code fence or in words', () => {
    const json = JSON.stringify({ points: pointIds.map(entry) });
    expect(parseJudgeReply(`\`\`\`json\n${json}\n\`\`\``, ids).ok).toBe(true);
    expect(parseJudgeReply(`Here are the verdicts: ${json} Done.`, ids).ok).toBe(true);
  });

  it('says what is wrong with a reply it cannot use', () => {
    expect(parseJudgeReply('I think the candidate did well.', ids)).toEqual({
      ok: false,
      problem: 'the reply is not a JSON object',
    });
    const unknown = parseJudgeReply(
      JSON.stringify({ points: [entry('label-delay'), entry('made-up')] }),
      ids,
    );
    expect(unknown.ok ? '' : unknown.problem).toContain('points.1.pointId');
    const missing = parseJudgeReply(JSON.stringify({ points: [entry('label-delay')] }), ids);
    expect(missing).toEqual({
      ok: false,
      problem: 'there is no entry for negative-sampling; give one entry per talking point',
    });
  });

  it('accepts an out-of-range credit, to be clamped in code', () => {
    const parsed = parseJudgeReply(
      JSON.stringify({ points: [entry('label-delay'), { ...entry('negative-sampling'), credit: 7 }] }),
      ids,
    );
    expect(parsed.ok && parsed.value.points[1]?.credit).toBe(7);
  });

  it('asks for red flags and curveballs only in a step that has them, one entry each', () => {
    const full = { points: pointIds, redFlags: ['auc-only'], curveballs: ['holiday-peak'] };
    const schema = judgeJsonSchema(judgeStepSchema(full)) as {
      required: string[];
      properties: {
        redFlags: { items: { properties: { said: { enum: string[] } }; required: string[] } };
        curveballs: { items: { required: string[] } };
      };
    };
    expect(schema.required).toEqual(['points', 'redFlags', 'curveballs']);
    expect(schema.properties.redFlags.items.properties.said.enum).toEqual(['stated', 'rejected', 'absent']);
    expect(JSON.stringify(schema)).not.toContain('minimum');
    expect(schema.properties.curveballs.items.required).toEqual([
      'curveballId',
      'quote',
      'turn',
      'reason',
      'covered',
    ]);
    const points = pointIds.map(entry);
    const flag = { flagId: 'auc-only', quote: '', turn: null, reason: 'r', said: 'absent' };
    const ball = { curveballId: 'holiday-peak', quote: '', turn: null, reason: 'r', covered: [] };
    expect(parseJudgeReply(JSON.stringify({ points, redFlags: [flag], curveballs: [ball] }), full).ok).toBe(
      true,
    );
    expect(parseJudgeReply(JSON.stringify({ points, redFlags: [], curveballs: [ball] }), full)).toEqual({
      ok: false,
      problem: 'there is no entry for auc-only; give one entry per red flag',
    });
  });
});
