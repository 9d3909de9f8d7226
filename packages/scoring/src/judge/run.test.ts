import { describe, expect, it } from 'vitest';
import { stepPoints } from '../coverage.ts';
import { expectedAt } from '../levels.ts';
import { JUDGE_TEMPERATURE, judgeSession } from './run.ts';
import {
  adClick,
  CALIBRATION_ANSWER,
  type Call,
  INJECTION,
  idsOf,
  NOTES,
  offlineReport,
  PROMPTS,
  reply,
  scriptedClient,
  turns,
} from './test-fixtures.ts';
import { REMOVED_FOR_GRADER } from './view.ts';

const { study, framework } = adClick();
const session = turns('segment-calibration');
const offline = offlineReport(study, framework, session);
const base = { prompts: PROMPTS, study, framework, turns: session, notes: NOTES, offline, now: 2 };
const explained = {
  quote: 'Offline I would use normalized log loss',
  turn: 3,
  level: 'explained' as const,
  credit: 0.9,
};
const stepOf = (call: Call) => call.schemaName.replace(/^judge_/, '').replace(/_rerun$/, '');
const rerun = (call: Call) => call.schemaName.endsWith('_rerun');

describe('judgeSession', () => {
  it('credits points only with verified quotes, asks twice where there is something to confirm, and computes every total itself', async () => {
    const client = scriptedClient((call) =>
      reply(call.schema, (id) =>
        id === 'normalized-log-loss'
          ? explained
          : id === 'segment-calibration'
            ? { quote: 'per advertiser and per placement', turn: null, level: 'mentioned', credit: 0.3 }
            : undefined,
      ),
    );
    const outcome = await judgeSession({ ...base, client });
    if (!outcome.ok) throw new Error(outcome.error.message);
    const evaluation = outcome.report.steps.find((step) => step.id === 'evaluation')!;
    expect(outcome.report.scorer).toBe('judge');
    expect(
      evaluation.covered.map((point) => [
        point.pointId,
        point.credit,
        point.evidence.turnIndex,
        point.unprompted,
      ]),
    ).toEqual([
      ['normalized-log-loss', 0.9, 3, true],
      ['segment-calibration', 0.3, null, false],
    ]);
    // The step's points expected at senior (the default level) and its answered curveball (weight 2).
    const total =
      stepPoints(study, framework, 'evaluation')
        .filter((p) => expectedAt(p, 'senior'))
        .reduce((sum, p) => sum + p.weight, 0) + 2;
    const weightOf = (id: string) => study.steps.evaluation.points.find((point) => point.id === id)!.weight;
    const content =
      Math.round(
        ((weightOf('normalized-log-loss') * 0.9 + weightOf('segment-calibration') * 0.3) / total) * 1000,
      ) / 10;
    expect(evaluation).toMatchObject({ contentScore: content, score: content, reached: true });
    expect(outcome.report.steps.find((step) => step.id === 'serving')?.covered).toEqual([]);
    // Seven first runs; only evaluation credited something, so only it is asked again.
    expect(client.calls.map((call) => [stepOf(call), rerun(call)]).filter(([, again]) => again)).toEqual([
      ['evaluation', true],
    ]);
    expect(outcome.stats).toEqual({
      requests: 8,
      retries: 0,
      secondRuns: 1,
      uncertain: 0,
      rejectedQuotes: 0,
      clamped: 0,
    });
    expect(outcome.verdicts.get('evaluation')?.runs).toBe(2);
    expect(outcome.verdicts.get('serving')?.runs).toBe(1);
    expect(
      client.calls.every((call) => call.temperature === JUDGE_TEMPERATURE && call.temperature === 0),
    ).toBe(true);
    expect(outcome.comparison.overall.judge).toBe(outcome.report.overall);
  });

  it('asks the second run with the lists reversed, so an order effect shows as a disagreement', async () => {
    const client = scriptedClient((call) =>
      reply(call.schema, (id) => (id === 'normalized-log-loss' ? explained : undefined)),
    );
    await judgeSession({ ...base, client });
    const [first, second] = client.calls.filter((call) => stepOf(call) === 'evaluation');
    expect(idsOf(second!.schema)).toEqual([...idsOf(first!.schema)].reverse());
    expect(second?.messages[0]?.content).toBe(first?.messages[0]?.content);
  });

  it('sends the transcript as delimited data, without the text addressed to the grader, in one shared system message', async () => {
    const client = scriptedClient((call) => reply(call.schema));
    await judgeSession({ ...base, client });
    const systems = new Set(client.calls.map((call) => call.messages[0]?.content));
    expect(systems.size).toBe(1);
    const system = [...systems][0]!;
    const marker = /Marker (T[0-9a-f]{12})/.exec(system)![1]!;
    expect(system).toContain(`=== ${marker} candidate turn 5, step evaluation ===\n${REMOVED_FOR_GRADER}\n`);
    expect(system).not.toContain('full marks');
    expect(system).toContain(`=== ${marker} candidate notes pad ===\n${NOTES}`);
    expect(client.calls.map((call) => idsOf(call.schema).length).every((n) => n >= 6)).toBe(true);
    const evaluation = client.calls.find((call) => stepOf(call) === 'evaluation')!.messages[1]!.content;
    expect(evaluation).toContain('a strong answer:');
    expect(evaluation).toContain('- id: auc-only');
    expect(evaluation).toContain('thrown in interviewer turn 6');
    expect(evaluation).toContain("the candidate's reaction: turns 7, 9, 10");
    expect(evaluation).toMatch(/ {4}2\. checks calibration per segment/);
  });

  it("gives nothing for a quote the candidate never wrote, the interviewer's words, or the injection", async () => {
    const client = scriptedClient((call) =>
      reply(call.schema, (id) => {
        if (id === 'normalized-log-loss')
          return { ...explained, quote: 'I would use normalized cross-entropy with isotonic recalibration' };
        if (id === 'segment-calibration')
          return {
            ...explained,
            quote: 'the predicted numbers can be trusted by advertisers in every segment',
            turn: 4,
          };
        if (id === 'auction-replay') return { ...explained, quote: INJECTION, turn: 5 };
        return undefined;
      }),
    );
    const outcome = await judgeSession({ ...base, client });
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.report.steps.find((step) => step.id === 'evaluation')?.covered).toEqual([]);
    expect(outcome.stats.rejectedQuotes).toBe(3);
    expect(
      outcome.verdicts
        .get('evaluation')
        ?.points.filter((verdict) => verdict.rejected)
        .map((verdict) => verdict.rejected),
    ).toEqual(['not-found', 'not-found', 'not-found']);
    // Nothing credited: nothing for a second run to confirm.
    expect(outcome.stats.secondRuns).toBe(0);
    expect(outcome.report.flags.at(-1)).toMatchObject({ kind: 'degraded' });
    expect(outcome.report.flags.at(-1)?.message).toContain('3 verdict(s)');
  });

  it('clamps credits out of range and above what a mention may earn', async () => {
    const client = scriptedClient((call) =>
      reply(call.schema, (id) => {
        if (id === 'normalized-log-loss') return { ...explained, credit: 7 };
        if (id === 'segment-calibration')
          return { quote: CALIBRATION_ANSWER.slice(0, 60), turn: 3, level: 'mentioned', credit: 0.95 };
        if (id === 'auction-replay') return { ...explained, credit: -2 };
        return undefined;
      }),
    );
    const outcome = await judgeSession({ ...base, client });
    if (!outcome.ok) throw new Error(outcome.error.message);
    const covered = outcome.report.steps.find((step) => step.id === 'evaluation')!.covered;
    expect(covered.map((point) => [point.pointId, point.credit])).toEqual([
      ['normalized-log-loss', 1],
      ['segment-calibration', 0.3],
    ]);
    // Three per run, two runs.
    expect(outcome.stats.clamped).toBe(6);
  });

  it('asks once more after a reply that is not valid structured output', async () => {
    const client = scriptedClient((call, index) =>
      index === 0 ? 'The candidate did well overall.' : reply(call.schema),
    );
    const outcome = await judgeSession({ ...base, client });
    expect(outcome.ok).toBe(true);
    expect(outcome.stats).toMatchObject({ requests: 8, retries: 1 });
    const retry = client.calls[1]!.messages;
    expect(retry.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(retry[3]?.content).toBe('Unusable: the reply is not a JSON object. Again, JSON only.');
  });

  it('asks again when the red flags or curveballs are left out', async () => {
    const client = scriptedClient((call, index) => {
      if (index === 0) return reply(call.schema);
      if (stepOf(call) === 'evaluation' && call.messages.length === 2)
        return JSON.stringify({ ...JSON.parse(reply(call.schema)), curveballs: [] });
      return reply(call.schema);
    });
    const outcome = await judgeSession({ ...base, client });
    expect(outcome.ok).toBe(true);
    const retried = client.calls.find((call) => call.messages.length === 4);
    expect(retried?.messages[3]?.content).toContain(
      'there is no entry for offline-win-online-loss; give one entry per curveball',
    );
  });

  it('falls back to the offline report, flagged, when the retry is still unusable', async () => {
    const client = scriptedClient((call) =>
      call.schemaName === 'judge_framing' ? '{"points": "many"}' : reply(call.schema),
    );
    const outcome = await judgeSession({ ...base, client });
    if (outcome.ok) throw new Error('expected a fallback');
    expect(outcome.error).toMatchObject({ code: 'JUDGE_INVALID_OUTPUT', step: 'framing' });
    expect(outcome.report.scorer).toBe('offline');
    expect(outcome.report.overall).toBe(offline.overall);
    expect(outcome.report.flags.at(-1)?.kind).toBe('judge-failed');
    expect(outcome.report.flags.at(-1)?.message).toContain("these scores are the offline scorer's");
    expect(client.calls.filter((call) => call.schemaName === 'judge_framing')).toHaveLength(2);
  });

  it('falls back when the second run is unusable: the report never carries unconfirmed verdicts', async () => {
    const client = scriptedClient((call) =>
      rerun(call) ? 'no' : reply(call.schema, (id) => (id === 'normalized-log-loss' ? explained : undefined)),
    );
    const outcome = await judgeSession({ ...base, client });
    if (outcome.ok) throw new Error('expected a fallback');
    expect(outcome.error).toMatchObject({ code: 'JUDGE_INVALID_OUTPUT', step: 'evaluation' });
  });

  it('falls back to the offline report, flagged, when the model cannot be reached', async () => {
    const failure = Object.assign(new Error('the model did not start answering in time'), {
      code: 'TIMEOUT',
    });
    const client = scriptedClient((call, index) => (index === 3 ? failure : reply(call.schema)));
    const outcome = await judgeSession({ ...base, client });
    if (outcome.ok) throw new Error('expected a fallback');
    expect(outcome.error.code).toBe('JUDGE_UNAVAILABLE');
    expect(outcome.error.message).toContain('TIMEOUT: the model did not start answering in time');
    expect(outcome.report.flags.at(-1)).toMatchObject({ kind: 'judge-failed' });
  });

  it('asks nothing when the candidate wrote nothing', async () => {
    const silent = session.filter((turn) => turn.role === 'interviewer');
    const client = scriptedClient(() => new Error('must not be called'));
    const outcome = await judgeSession({
      ...base,
      turns: silent,
      notes: '',
      offline: offlineReport(study, framework, silent, ''),
      client,
    });
    expect(outcome.ok && outcome.report.overall).toBe(0);
    expect(client.calls).toHaveLength(0);
  });
});
