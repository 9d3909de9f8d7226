import { Report, type TranscriptTurn, type Turn } from '@mlsd/protocol';
import { describe, expect, it } from 'vitest';
import { fixtureRubric } from './fixture.ts';
import { calibratedOverall } from './overall-scale.ts';
import { HINT_FACTORS, RED_FLAG_DEDUCTIONS, TAKEN_BACK_FACTOR } from './penalties.ts';
import { buildReport } from './report.ts';
import { scoreTranscript } from './transcript-file.ts';

const START = 1_700_000_000_000;

function score(turns: TranscriptTurn[], severity?: 'minor' | 'major' | 'severe'): Report {
  const { study, framework } = fixtureRubric();
  const flag = study.steps.evaluation.redFlags[0];
  if (severity && flag) flag.severity = severity;
  const result = scoreTranscript(
    { caseId: study.id, turns },
    { framework, cases: new Map([[study.id, study]]) },
    { now: 0 },
  );
  if (!result.ok) throw new Error(result.error.message);
  return Report.parse(result.value);
}

const stepOf = (report: Report, id: string) => report.steps.find((step) => step.id === id);
const pointOf = (report: Report, id: string) =>
  report.steps.flatMap((step) => step.covered).find((point) => point.pointId === id);

const EVAL_OPEN: TranscriptTurn = {
  role: 'interviewer',
  step: 'evaluation',
  text: 'Let us talk about the evaluation of the spam filter now.',
};
const PRECISION: TranscriptTurn = {
  role: 'candidate',
  step: 'evaluation',
  text: 'I would track precision and recall, because a false positive costs the user a real invoice.',
};
const ACCURACY: TranscriptTurn = {
  role: 'candidate',
  step: 'evaluation',
  text: 'We will measure accuracy on a test set.',
};
const CALIBRATION =
  'I would calibrate with Platt scaling on a held-out week, since the folder threshold assumes real probabilities.';

describe('a sum worked out wrongly', () => {
  it('is a red flag of the step it was said in, with the sum quoted and the right figure in why', () => {
    const sum = '2 million mails a day times 50 KB is about 10 GB';
    const report = score([EVAL_OPEN, PRECISION, { role: 'candidate', step: 'evaluation', text: `${sum}.` }]);
    const flag = stepOf(report, 'evaluation')?.redFlags.find((each) => each.id === 'miscalculation');
    expect(flag).toMatchObject({ severity: 'major', evidence: { quote: sum } });
    expect(flag?.why).toContain('100 GB');
    expect(stepOf(score([EVAL_OPEN, PRECISION]), 'evaluation')?.redFlags).toEqual([]);
  });
});

describe('red flags cost points', () => {
  it('takes the severity amount off the step score and reports it with the quote', () => {
    const clean = score([EVAL_OPEN, PRECISION]);
    const flagged = score([EVAL_OPEN, PRECISION, ACCURACY]);
    const before = stepOf(clean, 'evaluation');
    const after = stepOf(flagged, 'evaluation');
    expect(after?.contentScore).toBe(before?.score);
    expect(after?.score).toBeCloseTo((before?.score ?? 0) - RED_FLAG_DEDUCTIONS.major, 5);
    expect(after?.redFlags).toEqual([
      expect.objectContaining({
        id: 'accuracy-metric',
        severity: 'major',
        deduction: 12,
        evidence: { quote: ACCURACY.text, turnIndex: 2 },
      }),
    ]);
    // The overall is computed from the penalised step score (evaluation: 7 of 45 minutes).
    expect(
      Math.abs((clean.stepsWeighted ?? 0) - (flagged.stepsWeighted ?? 0) - (12 * 7) / 45),
    ).toBeLessThanOrEqual(0.1);
    expect(flagged.overall).toBe(calibratedOverall(flagged.stepsWeighted ?? -1));
    expect(flagged.overall).toBeLessThan(clean.overall);
  });

  it('costs half when the candidate takes the flag back within two messages, and says so', () => {
    const challenge: TranscriptTurn = {
      role: 'interviewer',
      step: 'evaluation',
      text: 'A filter that never flags anything: how accurate is it?',
    };
    const retract: TranscriptTurn = {
      role: 'candidate',
      step: 'evaluation',
      text: 'Actually no, with so few spam invoices accuracy says nothing. I would use the per-class numbers.',
    };
    const before = stepOf(score([EVAL_OPEN, PRECISION]), 'evaluation')!;
    const corrected = stepOf(score([EVAL_OPEN, PRECISION, ACCURACY, challenge, retract]), 'evaluation')!;
    expect(corrected.redFlags[0]).toMatchObject({
      id: 'accuracy-metric',
      deduction: RED_FLAG_DEDUCTIONS.major * TAKEN_BACK_FACTOR,
      takenBack: { quote: 'Actually no, with so few spam invoices accuracy says nothing.', turnIndex: 4 },
    });
    expect(corrected.score).toBeGreaterThan(before.score - RED_FLAG_DEDUCTIONS.major);
    // Taking back comes right after, in the same step; a later "actually" about something else does not.
    const filler = (text: string): TranscriptTurn => ({ role: 'candidate', step: 'evaluation', text });
    const late = stepOf(
      score([EVAL_OPEN, ACCURACY, filler('We log every invoice.'), filler('And keep a week.'), retract]),
      'evaluation',
    )!;
    expect(late.redFlags[0]?.takenBack).toBeUndefined();
    expect(late.redFlags[0]?.deduction).toBe(RED_FLAG_DEDUCTIONS.major);
  });

  it('costs half when the answer to a challenge puts something else in its place, in full when it holds to it', () => {
    const challenge: TranscriptTurn = {
      role: 'interviewer',
      step: 'evaluation',
      kind: 'challenge',
      text: 'A filter that never flags anything: how accurate is it?',
    };
    const reply = (text: string): TranscriptTurn => ({ role: 'candidate', step: 'evaluation', text });
    const deduction = (text: string, turn = challenge) =>
      stepOf(score([EVAL_OPEN, ACCURACY, turn, reply(text)]), 'evaluation')!.redFlags[0]?.deduction;
    const changed = 'So per-class precision and recall on the spam invoices then?';
    expect(deduction(changed)).toBe(RED_FLAG_DEDUCTIONS.major * TAKEN_BACK_FACTOR);
    // Held to, restated, or left without an answer: the claim stands.
    expect(deduction("I'd still report accuracy, it is what finance reads.")).toBe(RED_FLAG_DEDUCTIONS.major);
    expect(deduction("Hmm, I don't know what else I would use there.")).toBe(RED_FLAG_DEDUCTIONS.major);
    expect(deduction('We would aim for high accuracy on the monthly invoices.')).toBe(
      RED_FLAG_DEDUCTIONS.major,
    );
    // The same words after a question that did not push back change nothing.
    expect(deduction(changed, { ...challenge, kind: 'probe' })).toBe(RED_FLAG_DEDUCTIONS.major);
  });

  it('reads the severity from the rubric', () => {
    expect(stepOf(score([EVAL_OPEN, PRECISION, ACCURACY], 'minor'), 'evaluation')?.redFlags[0]).toMatchObject(
      {
        severity: 'minor',
        deduction: 5,
      },
    );
    const severe = stepOf(score([EVAL_OPEN, PRECISION, ACCURACY], 'severe'), 'evaluation');
    expect(severe?.redFlags[0]?.deduction).toBe(25);
    expect(severe?.score).toBeCloseTo((severe?.contentScore ?? 0) - 25, 5);
  });

  it('never takes a step below 0', () => {
    const step = stepOf(score([EVAL_OPEN, ACCURACY], 'severe'), 'evaluation');
    expect(step).toMatchObject({ contentScore: 0, score: 0, reached: true });
  });
});

describe('steps not reached', () => {
  const report = score([
    { role: 'interviewer', step: 'requirements', text: 'Let us talk about the requirements.' },
    {
      role: 'candidate',
      step: 'requirements',
      text: `At 10 billion emails per day we cannot afford a heavy model per message. ${CALIBRATION}`,
    },
  ]);

  it('score 0 even when points were raised early, which stay visible', () => {
    const model = stepOf(report, 'model');
    expect(model?.reached).toBe(false);
    expect(model?.score).toBe(0);
    expect(model?.contentScore).toBeGreaterThan(0);
    expect(model?.covered.map((point) => point.pointId)).toEqual(['calibrated-scores']);
  });

  it('count as 0 in the overall and are left out of driving', () => {
    const requirements = stepOf(report, 'requirements');
    expect(report.stepsWeighted).toBeCloseTo(((requirements?.score ?? 0) * 5) / 45, 1);
    expect(report.overall).toBe(calibratedOverall(report.stepsWeighted ?? -1));
    expect(report.unpromptedShare).toBe(1);
    expect(
      report.steps.filter((step) => step.reached).flatMap((step) => step.covered.map((p) => p.pointId)),
    ).toEqual(['email-volume']);
  });
});

describe('hints cost', () => {
  const hinted = (level: 1 | 2 | 3 | undefined, after = false): Report => {
    const hint: TranscriptTurn = {
      role: 'interviewer',
      step: 'model',
      kind: 'hint',
      text: 'Think about how far you trust the raw outputs.',
      hintPointIds: ['calibrated-scores'],
      ...(level ? { hintLevel: level } : {}),
    };
    const answer: TranscriptTurn = { role: 'candidate', step: 'model', text: CALIBRATION };
    const open: TranscriptTurn = { role: 'interviewer', step: 'model', text: 'Let us talk about the model.' };
    return score(after ? [open, answer, hint] : [open, hint, answer]);
  };

  it('discounts a point reached after a hint that named it or pointed at it', () => {
    expect(pointOf(hinted(3), 'calibrated-scores')).toMatchObject({
      credit: HINT_FACTORS[3],
      afterHint: { level: 3, factor: 0.5 },
      unprompted: false,
    });
    expect(pointOf(hinted(2), 'calibrated-scores')).toMatchObject({ credit: 0.8, afterHint: { level: 2 } });
    expect(pointOf(hinted(1), 'calibrated-scores')).toMatchObject({ credit: 1, afterHint: { factor: 1 } });
    // A hint that lists points but not its level pointed at an area.
    expect(pointOf(hinted(undefined), 'calibrated-scores')?.afterHint?.level).toBe(2);
    expect(stepOf(hinted(3), 'model')?.score).toBeLessThan(stepOf(hinted(2), 'model')?.score ?? 0);
  });

  it('reads a file turn with a hint level and no kind as a hint', () => {
    const report = score([
      { role: 'interviewer', step: 'model', text: 'Let us talk about the model.' },
      {
        role: 'interviewer',
        step: 'model',
        text: 'Think about calibration.',
        hintLevel: 3,
        hintPointIds: ['calibrated-scores'],
      },
      { role: 'candidate', step: 'model', text: CALIBRATION },
    ]);
    expect(pointOf(report, 'calibrated-scores')?.afterHint).toEqual({ level: 3, factor: 0.5 });
    expect(stepOf(report, 'model')?.interventions?.hints).toBe(1);
  });

  it('counts a probe inferred from the text of a turn of unknown kind', () => {
    const probe = fixtureRubric().study.steps.model.points.find((p) => p.id === 'baseline-first')?.probe;
    const report = score([{ role: 'interviewer', step: 'model', text: `Fine. ${probe}` }]);
    expect(stepOf(report, 'model')?.interventions).toEqual({
      probes: 1,
      followUps: 0,
      hints: 0,
      challenges: 0,
    });
  });

  it('does not discount a point said before the hint, and counts hints per step', () => {
    const report = hinted(3, true);
    expect(pointOf(report, 'calibrated-scores')).toMatchObject({ credit: 1, unprompted: true });
    expect(pointOf(report, 'calibrated-scores')?.afterHint).toBeUndefined();
    expect(stepOf(report, 'model')?.interventions).toEqual({
      probes: 0,
      followUps: 0,
      hints: 1,
      challenges: 0,
    });
  });
});

describe('turn kinds in a live session', () => {
  let n = 0;
  const turn = (role: Turn['role'], kind: Turn['kind'], text: string, extra: Partial<Turn> = {}): Turn => ({
    id: `t${++n}`,
    role,
    step: 'model',
    kind,
    text,
    at: START + n * 60_000,
    ...extra,
  });
  const probeText =
    fixtureRubric().study.steps.model.points.find((p) => p.id === 'baseline-first')?.probe ?? '';
  const run = (asker: Turn) => {
    const { study, framework } = fixtureRubric();
    return buildReport({
      study,
      framework,
      now: 0,
      turns: [
        turn('interviewer', 'opening', 'Let us talk about the model of the spam filter now.'),
        asker,
        turn(
          'candidate',
          'answer',
          'Start with logistic regression as a simple baseline, since it trains in minutes.',
        ),
      ],
    });
  };

  it('treats a follow-up or a hint about a point as prompting it, a challenge not', () => {
    const followUp = run(
      turn('interviewer', 'follow-up', 'Why that?', { probedPointIds: ['baseline-first'] }),
    );
    expect(pointOf(followUp, 'baseline-first')?.unprompted).toBe(false);
    const hint = run(
      turn('interviewer', 'hint', 'Think simple.', { hintLevel: 2, hintPointIds: ['baseline-first'] }),
    );
    expect(pointOf(hint, 'baseline-first')?.unprompted).toBe(false);
    // The challenge happens to say the point's probe: it still prompts nothing.
    const challenge = run(
      turn('interviewer', 'challenge', `Are you sure? ${probeText}`, {
        challengedFlagIds: ['accuracy-metric'],
      }),
    );
    expect(pointOf(challenge, 'baseline-first')?.unprompted).toBe(true);
    expect(stepOf(challenge, 'model')?.interventions).toEqual({
      probes: 0,
      followUps: 0,
      hints: 0,
      challenges: 1,
    });
    expect(stepOf(followUp, 'model')?.interventions?.followUps).toBe(1);
  });
});

describe('near misses', () => {
  it('carry the matcher near miss of a missed point into the report, quote checked', () => {
    const question = 'Do we already track precision and recall?';
    const report = score([EVAL_OPEN, { role: 'candidate', step: 'evaluation', text: question }]);
    const missed = stepOf(report, 'evaluation')?.missed.find((p) => p.pointId === 'precision-recall');
    expect(missed?.nearMiss).toMatchObject({ quote: question, turnIndex: 1 });
    expect(missed?.nearMiss?.why).toBeTruthy();
  });
});
