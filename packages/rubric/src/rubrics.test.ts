import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { followUpLeaks, MINIMUMS, probeLeaks } from './lint.ts';
import { loadRubrics } from './load.ts';
import { STEP_IDS } from './schema.ts';

const RUBRICS_DIR = fileURLToPath(new URL('../../../rubrics', import.meta.url));

/** The ten classic cases the product promises, plus at least four newer ones. */
const REQUIRED_CASES = [
  'visual-search',
  'street-view-blurring',
  'video-search',
  'harmful-content-detection',
  'video-recommendation',
  'event-recommendation',
  'ad-click-prediction',
  'similar-listings',
  'news-feed-ranking',
  'people-you-may-know',
];

describe('the shipped rubrics', () => {
  const loaded = loadRubrics(RUBRICS_DIR);

  it('all load without a single problem', () => {
    expect(loaded.ok ? [] : loaded.issues).toEqual([]);
  });

  it('hold at least fourteen cases, including the ten required ids', () => {
    if (!loaded.ok) throw new Error('rubrics failed to load');
    expect(loaded.value.cases.size).toBeGreaterThanOrEqual(14);
    for (const id of REQUIRED_CASES) expect(loaded.value.cases.has(id), id).toBe(true);
  });

  it('meet the minimums in every case and step', () => {
    if (!loaded.ok) throw new Error('rubrics failed to load');
    for (const study of loaded.value.cases.values()) {
      expect(study.facts.length, `${study.id} facts`).toBeGreaterThanOrEqual(MINIMUMS.facts);
      expect(study.curveballs.length, `${study.id} curveballs`).toBeGreaterThanOrEqual(MINIMUMS.curveballs);
      for (const stepId of STEP_IDS) {
        expect(study.steps[stepId].points.length, `${study.id} ${stepId}`).toBeGreaterThanOrEqual(
          MINIMUMS.pointsPerStep,
        );
      }
    }
  });

  it('have framework minutes that add up to 45', () => {
    if (!loaded.ok) throw new Error('rubrics failed to load');
    expect(loaded.value.framework.steps.reduce((sum, step) => sum + step.minutes, 0)).toBe(45);
  });
});

describe('probeLeaks', () => {
  const point = {
    id: 'calibration',
    title: 'Calibrated scores',
    weight: 3,
    signals: ['calibration', 'isotonic regression'],
    plain: [] as string[],
    probe: 'Advertisers pay on these numbers. How far do you trust the raw scores?',
    followUps: [] as string[],
    strong: 'x'.repeat(50),
  };

  it('passes a probe that asks about the need', () => {
    expect(probeLeaks(point)).toBeNull();
  });

  it('flags a probe that names a signal, whatever its word endings', () => {
    expect(probeLeaks({ ...point, probe: 'Would you calibrate the scores before billing?' })).toBe(
      'calibration',
    );
    expect(probeLeaks({ ...point, probe: 'Have you thought of regressions that are isotonic?' })).toBe(
      'isotonic regression',
    );
  });
});

describe('followUpLeaks', () => {
  const base = {
    weight: 2,
    plain: [] as string[],
    probe: 'x'.repeat(10),
    strong: 'x'.repeat(50),
    followUps: [],
  };
  const calibration = {
    ...base,
    id: 'calibration',
    title: 'Calibrated scores',
    signals: ['calibration', 'isotonic regression'],
  };
  const sampling = {
    ...base,
    id: 'sampling',
    title: 'Negative sampling',
    signals: ['negative downsampling', 'sample negatives'],
  };
  const step = [calibration, sampling];

  it("allows the point's own words: the candidate has just said them", () => {
    expect(
      followUpLeaks('How often would you refit the calibration when bids change weekly?', calibration, step),
    ).toBeNull();
  });

  it('names the other point whose signal a follow-up hands over', () => {
    expect(
      followUpLeaks(
        'Does calibration still hold once you sample the negatives at one in ten?',
        calibration,
        step,
      ),
    ).toEqual({ point: 'sampling', signal: 'sample negatives' });
  });
});

describe('lintCurveballPremises', () => {
  it('names a premise id that is no talking point, and passes real ones', async () => {
    const { lintCurveballPremises } = await import('./lint.ts');
    const loaded = loadRubrics(RUBRICS_DIR);
    if (!loaded.ok) throw new Error('the repo rubrics do not load');
    const study = structuredClone(loaded.value.cases.get('rag-assistant')!);
    const generic = new Set(loaded.value.framework.steps.flatMap((step) => step.points.map((p) => p.id)));
    const file = `${RUBRICS_DIR}/cases/rag-assistant.yaml`;
    expect(lintCurveballPremises(study, generic, file, 'rag-assistant.yaml')).toEqual([]);
    study.curveballs[0]!.requires = ['no-such-point'];
    const [issue] = lintCurveballPremises(study, generic, file, 'rag-assistant.yaml');
    expect(issue?.message).toMatch(/requires "no-such-point", which is no talking point/);
    study.curveballs[0]!.requires = [];
    study.curveballs[0]!.answeredBy = ['no-such-answer'];
    const [answered] = lintCurveballPremises(study, generic, file, 'rag-assistant.yaml');
    expect(answered?.message).toMatch(/is answered by "no-such-answer", which is no talking point/);
    expect(answered?.field).toBe('curveballs.0.answeredBy.0');
  });
});

describe('lintNotApplicable', () => {
  it('names an id that is no framework point of the step, or one the case redefines', async () => {
    const { lintNotApplicable } = await import('./lint.ts');
    const loaded = loadRubrics(RUBRICS_DIR);
    if (!loaded.ok) throw new Error('the repo rubrics do not load');
    const study = structuredClone(loaded.value.cases.get('street-view-blurring')!);
    const file = `${RUBRICS_DIR}/cases/street-view-blurring.yaml`;
    const lint = () => lintNotApplicable(study, loaded.value.framework, file, 'street-view-blurring.yaml');
    expect(lint()).toEqual([]);
    study.steps.serving.notApplicable.push({ id: 'online-experiment', why: 'It belongs to evaluation.' });
    expect(lint()[0]?.message).toMatch(/"online-experiment" is no framework point of the serving step/);
    study.steps.serving.notApplicable.pop();
    const own = study.steps.serving.points[0]!.id;
    study.steps.serving.notApplicable.push({ id: own, why: 'A mistake.' });
    expect(lint()[0]?.message).toMatch(/is a talking point of this case/);
  });
});
