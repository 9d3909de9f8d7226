import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { withFrameworkFlags } from './framework-flags.ts';
import { loadRubrics } from './load.ts';
import type { CaseStudy, RedFlag } from './schema.ts';
import { STEP_IDS } from './steps.ts';

const loaded = loadRubrics(fileURLToPath(new URL('../../../rubrics', import.meta.url)));
if (!loaded.ok) throw new Error('the rubrics do not load');
const { framework, cases } = loaded.value;

const flagsOf = (study: CaseStudy): RedFlag[] => STEP_IDS.flatMap((id) => study.steps[id].redFlags);
const frameworkFlag = (id: string): RedFlag => {
  const flag = framework.steps.flatMap((step) => step.redFlags).find((each) => each.id === id);
  if (!flag) throw new Error(`no framework flag ${id}`);
  return flag;
};

describe('the framework red flags joined to a case', () => {
  it('are the mistakes of every case: a random split of logs, features from after the prediction, raw data kept forever, a score on tuned data, a model left alone', () => {
    expect(framework.steps.flatMap((step) => step.redFlags.map((flag) => flag.id))).toEqual([
      'random-split-of-logs',
      'features-from-the-future',
      'keep-raw-data-forever',
      'test-on-tuning-data',
      'train-once-and-forget',
    ]);
  });

  it("give their phrasings to a case's flag for the same mistake, which keeps its id, title and challenge", () => {
    const eta = cases.get('eta-prediction');
    if (!eta) throw new Error('eta-prediction');
    const own = flagsOf(eta).find((flag) => flag.id === 'random-split');
    expect(own?.title).toBe('Shuffles orders into a random test set');
    expect(own?.signals).toContain('random 80-20 split');
    expect(own?.signals).toContain('shuffle the orders and split');
    expect(flagsOf(eta).map((flag) => flag.id)).not.toContain('random-split-of-logs');
  });

  it('join the step of a case that has no flag for the mistake', () => {
    const study = cases.get('video-search');
    if (!study) throw new Error('video-search');
    expect(study.steps.data.redFlags.map((flag) => flag.id)).toContain('keep-raw-data-forever');
    expect(study.steps.monitoring.redFlags.map((flag) => flag.id)).toContain('train-once-and-forget');
  });

  it('never change the case they are joined to', () => {
    const study = cases.get('ad-click-prediction');
    if (!study) throw new Error('ad-click-prediction');
    const steps = { ...study.steps };
    for (const id of STEP_IDS) steps[id] = { ...study.steps[id], redFlags: [] };
    const bare: CaseStudy = { ...study, steps };
    const before = JSON.stringify(bare);
    const joined = withFrameworkFlags(bare, framework);
    expect(JSON.stringify(bare)).toBe(before);
    expect(flagsOf(joined).map((flag) => flag.id)).toEqual([
      'random-split-of-logs',
      'features-from-the-future',
      'keep-raw-data-forever',
      'test-on-tuning-data',
      'train-once-and-forget',
    ]);
    expect(joined.steps.data.redFlags[0]).toEqual(frameworkFlag('random-split-of-logs'));
  });
});
