import type { StepId } from '@mlsd/rubric';
import { describe, expect, it } from 'vitest';
import { AnalysisCache, analyse } from './analyse.ts';
import { compileRubric } from './compile.ts';
import { stepCoverage } from './coverage.ts';
import { fixtureRubric } from './fixture.ts';
import { matchPoints, type Utterance } from './matcher.ts';
import { meaningCandidates, sameWord, takesStance } from './meaning.ts';
import { meaningStatus } from './word-vectors.ts';

describe('words the meaning reader treats as one', () => {
  it('takes a word plus an ending for the word, never another word', () => {
    expect(sameWord('count', 'counter')).toBe(true);
    expect(sameWord('place', 'placement')).toBe(true);
    expect(sameWord('view', 'viewable')).toBe(true);
    expect(sameWord('click', 'clickbait')).toBe(false);
    expect(sameWord('part', 'party')).toBe(false);
    expect(sameWord('ad', 'ads')).toBe(false);
  });

  it('sees a negation or a dismissal, which a topic cannot read', () => {
    const stance = (text: string) => takesStance(analyse(text).segments[0] ?? analyse('x').segments[0]!);
    expect(stance("We won't adjust the numbers, so the cut-off drifts.")).toBe(true);
    expect(stance("The threshold is 0.5, so there's nothing to choose.")).toBe(true);
    expect(stance('Adjusting the numbers is overkill here.')).toBe(true);
    expect(stance('We adjust the numbers on a week we kept aside, so the cut-off keeps its meaning.')).toBe(
      false,
    );
  });
});

/**
 * The fixture case with one point given a strong answer in prose (the fixture's are all alike), and
 * a red flag in the model step for the test that needs one.
 */
function studyWithProse(flagInModel = false, wrongWayFlag = false) {
  const { study, framework } = fixtureRubric();
  const calibrated = study.steps.model.points.find((point) => point.id === 'calibrated-scores');
  if (!calibrated) throw new Error('fixture: no calibrated-scores');
  calibrated.strong =
    'A strong candidate calibrates the predicted probabilities on held-out data, so a predicted 0.9 ' +
    'matches the observed rate of spam. The folder threshold keeps its meaning after each retrain.';
  const flag = (id: string, title: string, signal: string, why: string) =>
    study.steps.model.redFlags.push({ id, title, signals: [signal], why, severity: 'major' });
  if (flagInModel)
    flag(
      'test-on-train',
      'Evaluates on the training data',
      'evaluate on the training set',
      'It measures memory, not the filter.',
    );
  if (wrongWayFlag)
    flag(
      'raw-numbers-as-chances',
      'Takes the raw numbers as real chances',
      'take the numbers the model gives as how often messages turn out to be junk',
      'Raw scores drift with every retrain.',
    );
  return { study, framework };
}

/** In everyday words: no "calibration", "probability" or "held-out" anywhere. */
const PLAIN =
  'After training I would adjust our numbers on a week we kept aside, so that a predicted nine in ten ' +
  'matches how often those messages really turn out to be junk.';

function match(texts: { text: string; step: StepId | null }[], flagInModel = false) {
  const { study, framework } = studyWithProse(flagInModel);
  const rubric = compileRubric(study, framework);
  const cache = new AnalysisCache();
  const utterances: Utterance[] = texts.map(({ text, step }, index) => ({
    analysis: cache.analysis(text),
    turnIndex: index,
    order: index,
    step,
    prompt: null,
  }));
  const point = rubric.byId.get('calibrated-scores');
  if (!point) throw new Error('no point');
  return matchPoints(rubric, utterances, [point])[0];
}

describe.skipIf(!meaningStatus().available)('reading plain-worded answers by meaning', () => {
  it('credits a point explained in everyday words, in its own step, with the verbatim sentence', () => {
    const found = match([{ text: PLAIN, step: 'model' }]);
    expect(found?.level).toBe('explained');
    expect(found?.evidence?.quote).toBe(PLAIN);
  });

  it('does not credit it for a turn in another step: a topic alone does not say which question it answers', () => {
    expect(match([{ text: PLAIN, step: 'data' }])?.level).toBe('missed');
  });

  it('reads a text of no known step (live coverage) only when the point is the best of all', () => {
    const { study, framework } = studyWithProse();
    const coverage = stepCoverage(study, framework, 'model', [PLAIN]);
    expect(coverage.points.find((point) => point.pointId === 'calibrated-scores')?.level).toBe('explained');
  });

  it('credits nothing for the same idea negated, asked, or without a reason (but credits it proposed)', () => {
    const negated =
      "After training I wouldn't adjust our numbers on a week we kept aside, so a predicted nine in ten " +
      'may not match how often those messages really turn out to be junk.';
    expect(match([{ text: negated, step: 'model' }])?.level).toBe('missed');
    const asked =
      'Do we already adjust our numbers on a week we kept aside so a predicted nine in ten matches how often messages turn out to be junk?';
    expect(match([{ text: asked, step: 'model' }])?.level).toBe('missed');
    // Put up as a proposal with a rising voice, the idea is the candidate's and counts.
    const proposed =
      'Should we adjust our numbers on a week we kept aside so a predicted nine in ten matches how often messages turn out to be junk?';
    expect(match([{ text: proposed, step: 'model' }])?.level).not.toBe('missed');
    expect(match([{ text: 'Our numbers get adjusted on a week kept aside.', step: 'model' }])?.level).toBe(
      'missed',
    );
  });

  it('reads the clauses a negation leaves standing: plain answers often say what they mean with a "not"', () => {
    const withNot =
      'After training I would adjust our numbers on a week we kept aside, so that a predicted nine in ten ' +
      "matches how often those messages really turn out to be junk, and the cut-off doesn't drift.";
    expect(match([{ text: withNot, step: 'model' }])?.level).toBe('explained');
  });

  it('leaves jargon-dense answers to the rubric phrasings', () => {
    const dense =
      'After XGBoost training with LightGBM, CatBoost and sklearn pipelines in Kubeflow, I would adjust ' +
      'our numbers on a week we kept aside, so that a predicted nine in ten matches how often messages turn out to be junk.';
    expect(match([{ text: dense, step: 'model' }])?.level).toBe('missed');
  });

  it("credits nothing by meaning to a sentence much nearer one of the case's mistakes than any point", () => {
    const wrongWay =
      'After training I would take the numbers the model gives as how often those messages turn out to be junk, so nine in ten is junk.';
    const explained = (wrongWayFlag: boolean, text: string) => {
      const { study, framework } = studyWithProse(false, wrongWayFlag);
      return stepCoverage(study, framework, 'model', [text])
        .points.filter((point) => point.level === 'explained')
        .map((point) => point.pointId);
    };
    expect(explained(false, wrongWay)).not.toEqual([]);
    expect(explained(true, wrongWay)).toEqual([]);
    // The right idea, in words near that red flag's, stays credited beside it.
    expect(explained(true, PLAIN)).toContain('calibrated-scores');
  });

  it("reads past a point the sentence already names: the step's best by meaning is one it does not name", () => {
    const { study, framework } = studyWithProse();
    const rubric = compileRubric(study, framework);
    const calibrated = rubric.byId.get('calibrated-scores')?.index ?? -1;
    const segment = new AnalysisCache().analysis(PLAIN).segments[0];
    if (!segment) throw new Error('no segment');
    const best = (named: Set<number>) => meaningCandidates(rubric, segment, null, named).map((c) => c.point);
    expect(best(new Set())).toContain(calibrated);
    expect(best(new Set([calibrated]))).not.toContain(calibrated);
  });

  it('reads nothing by meaning in a step where the candidate stated a red flag', () => {
    const flag = { text: 'We would evaluate on the training set to save time.', step: 'model' as const };
    expect(match([{ text: PLAIN, step: 'model' }, flag], true)?.level).toBe('missed');
    expect(match([{ text: PLAIN, step: 'model' }], true)?.level).toBe('explained');
  });
});
