import { describe, expect, it } from 'vitest';
import { RED_FLAG_DEDUCTIONS } from '../penalties.ts';
import { judgeSession } from './run.ts';
import {
  adClick,
  type Call,
  CURVEBALL_ID,
  type CurveballEntry,
  type Entry,
  type FlagEntry,
  MISTAKE,
  NOTES,
  offlineReport,
  PROMPTS,
  REACTION,
  REPLAY,
  reply,
  scriptedClient,
  turns,
} from './test-fixtures.ts';

const { study, framework } = adClick();
const session = turns('segment-calibration');
const offline = offlineReport(study, framework, session);
const base = { prompts: PROMPTS, study, framework, turns: session, notes: NOTES, offline, now: 2 };
const rerun = (call: Call) => call.schemaName.endsWith('_rerun');
const LOG_LOSS: Entry = {
  quote: 'Offline I would use normalized log loss',
  turn: 3,
  level: 'explained',
  credit: 1,
};

/** The same verdicts in both runs, unless `second` says otherwise for the rerun. */
function judge(
  first: {
    points?: Record<string, Entry>;
    flags?: Record<string, FlagEntry>;
    balls?: Record<string, CurveballEntry>;
  },
  second = first,
) {
  const client = scriptedClient((call) => {
    const verdicts = rerun(call) ? second : first;
    return reply(call.schema, (id) => verdicts.points?.[id], {
      flag: (id) => verdicts.flags?.[id],
      curveball: (id) => verdicts.balls?.[id],
    });
  });
  return judgeSession({ ...base, client }).then((outcome) => {
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome;
  });
}
const evaluationOf = (outcome: Awaited<ReturnType<typeof judge>>) =>
  outcome.report.steps.find((step) => step.id === 'evaluation')!;

describe('the judge report follows the offline report rules', () => {
  it('keeps a verdict both runs agree on, and marks nothing uncertain', async () => {
    const outcome = await judge({ points: { 'normalized-log-loss': LOG_LOSS } });
    const point = outcome.comparison.steps
      .find((step) => step.id === 'evaluation')!
      .points.find((entry) => entry.pointId === 'normalized-log-loss')!;
    expect(point.judge).toEqual({
      level: 'explained',
      credit: 1,
      evidence: { quote: LOG_LOSS.quote, turnIndex: 3 },
    });
    expect(outcome.stats.uncertain).toBe(0);
  });

  it('marks a point whose runs disagree on level uncertain and keeps the lower verdict', async () => {
    const mentioned: Entry = { ...LOG_LOSS, level: 'mentioned', credit: 0.3 };
    const outcome = await judge(
      {
        points: {
          'normalized-log-loss': LOG_LOSS,
          'auction-replay': { ...LOG_LOSS, quote: REPLAY, turn: 10 },
        },
      },
      { points: { 'normalized-log-loss': mentioned } },
    );
    const covered = evaluationOf(outcome).covered;
    expect(covered.map((point) => [point.pointId, point.level, point.credit])).toEqual([
      ['normalized-log-loss', 'mentioned', 0.3],
    ]);
    const points = outcome.comparison.steps.find((step) => step.id === 'evaluation')!.points;
    expect(points.find((point) => point.pointId === 'normalized-log-loss')?.judge.uncertain).toBe(true);
    expect(points.find((point) => point.pointId === 'auction-replay')?.judge).toMatchObject({
      level: 'missed',
      uncertain: true,
    });
    expect(outcome.stats.uncertain).toBe(2);
  });

  it('deducts a red flag both runs find stated, by its severity, and shows the offline scorer missed it', async () => {
    const stated: FlagEntry = { quote: MISTAKE, turn: 9, said: 'stated' };
    const outcome = await judge({
      points: { 'normalized-log-loss': LOG_LOSS },
      flags: { 'auc-only': stated },
    });
    const evaluation = evaluationOf(outcome);
    expect(evaluation.redFlags).toEqual([
      expect.objectContaining({
        id: 'auc-only',
        severity: 'major',
        deduction: RED_FLAG_DEDUCTIONS.major,
        // Quotes are trimmed of surrounding punctuation.
        evidence: { quote: MISTAKE.slice(0, -1), turnIndex: 9 },
      }),
    ]);
    expect(evaluation.score).toBeCloseTo(evaluation.contentScore! - RED_FLAG_DEDUCTIONS.major, 5);
    expect(outcome.comparison.redFlagDisagreements).toEqual([
      expect.objectContaining({ id: 'auc-only', step: 'evaluation', agreement: 'judge-only', offline: null }),
    ]);
  });

  it('does not deduct a red flag only one run found, and says so', async () => {
    const stated: FlagEntry = { quote: MISTAKE, turn: 9, said: 'stated' };
    const outcome = await judge(
      { points: { 'normalized-log-loss': LOG_LOSS }, flags: { 'auc-only': stated } },
      { points: { 'normalized-log-loss': LOG_LOSS }, flags: { 'auc-only': { ...stated, said: 'rejected' } } },
    );
    expect(evaluationOf(outcome).redFlags).toEqual([]);
    expect(evaluationOf(outcome).score).toBe(evaluationOf(outcome).contentScore);
    expect(outcome.comparison.redFlagDisagreements).toEqual([
      expect.objectContaining({ id: 'auc-only', agreement: 'agree', judge: null, uncertain: true }),
    ]);
  });

  it('does not deduct a red flag quoted from text the candidate never wrote', async () => {
    const invented: FlagEntry = { quote: 'I only care about AUC', turn: 9, said: 'stated' };
    const outcome = await judge({ flags: { 'auc-only': invented } });
    expect(evaluationOf(outcome).redFlags).toEqual([]);
    expect(outcome.stats.rejectedQuotes).toBe(1);
  });

  it('grades a curveball as a weight-2 point from the ideas both runs found covered', async () => {
    const quote = REACTION.slice(0, REACTION.indexOf('.'));
    const outcome = await judge(
      { balls: { [CURVEBALL_ID]: { quote, turn: 7, covered: [2, 3, 5] } } },
      { balls: { [CURVEBALL_ID]: { quote, turn: 7, covered: [3, 2, 99] } } },
    );
    const ball = evaluationOf(outcome).curveballs?.[0];
    expect(ball).toMatchObject({
      id: CURVEBALL_ID,
      weight: 2,
      share: 0.333,
      credit: 0.667,
      evidence: { quote, turnIndex: 7 },
    });
    expect(ball?.covered).toEqual([
      'checks calibration per segment (lower predictions lower prices in the auction)',
      'looks at whether extra clicks are accidental or baity',
    ]);
    const weights = evaluationOf(outcome).missed.reduce((sum, point) => sum + point.weight, 0) + 2;
    expect(evaluationOf(outcome).contentScore).toBe(Math.round(((2 * 0.667) / weights) * 1000) / 10);
    // The first run also found idea 5; the second did not.
    expect(outcome.comparison.steps.find((step) => step.id === 'evaluation')?.curveballs?.[0]).toMatchObject({
      agreement: 'agree',
      judge: { uncertain: true, share: 0.333 },
    });
  });

  it('credits a curveball only with a quote from the reaction to it', async () => {
    const outcome = await judge({
      balls: {
        [CURVEBALL_ID]: { quote: 'Offline I would use normalized log loss', turn: 3, covered: [1, 2] },
      },
    });
    expect(evaluationOf(outcome).curveballs?.[0]).toMatchObject({ share: 0, credit: 0, evidence: null });
    expect(outcome.comparison.curveballDisagreements?.[0]).toMatchObject({
      id: CURVEBALL_ID,
      agreement: 'differs',
    });
  });

  it('discounts a point the candidate first showed after a hint naming it', async () => {
    const outcome = await judge({ points: { 'auction-replay': { ...LOG_LOSS, quote: REPLAY, turn: 10 } } });
    const point = evaluationOf(outcome).covered.find((entry) => entry.pointId === 'auction-replay');
    expect(point).toMatchObject({ credit: 0.5, afterHint: { level: 3, factor: 0.5 }, unprompted: false });
  });

  it('scores 0 a step the interview never reached, and keeps what was raised early', async () => {
    const outcome = await judge({
      points: { 'calibrated-output': { ...LOG_LOSS, quote: 'calibration matters more than ranking' } },
    });
    const model = outcome.report.steps.find((step) => step.id === 'model')!;
    expect(model).toMatchObject({ reached: false, score: 0 });
    expect(model.contentScore).toBeGreaterThan(0);
    expect(model.covered.map((point) => point.pointId)).toEqual(['calibrated-output']);
    expect(outcome.report.unpromptedShare).toBeNull();
  });
});
