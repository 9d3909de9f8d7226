import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { conceptDuplicates, findDuplicates } from './duplicates.ts';
import { lintRubrics } from './lint.ts';
import { loadRubrics } from './load.ts';
import { formatIssue } from './locate.ts';
import type { CaseStudy, Framework, TalkingPoint } from './schema.ts';

const RUBRICS_DIR = fileURLToPath(new URL('../../../rubrics', import.meta.url));

function point(id: string, title: string, signals: string[], plain: string[] = []): TalkingPoint {
  return {
    id,
    title,
    weight: 2,
    signals,
    plain,
    probe: 'What would you ask here?',
    followUps: [],
    strong: 'x'.repeat(50),
  };
}

/** A case whose serving step holds the given points (other steps empty), and a framework of one step's points. */
function rubric(
  casePoints: TalkingPoint[],
  genericPoints: TalkingPoint[],
): { study: CaseStudy; framework: Framework } {
  const empty = { opening: 'Open the step now.', points: [], redFlags: [] };
  const steps = Object.fromEntries(
    ['requirements', 'framing', 'data', 'model', 'evaluation', 'serving', 'monitoring'].map((id) => [
      id,
      id === 'serving' ? { ...empty, points: casePoints } : empty,
    ]),
  ) as unknown as CaseStudy['steps'];
  const study = { id: 'case', steps } as unknown as CaseStudy;
  const framework = {
    steps: ['requirements', 'framing', 'data', 'model', 'evaluation', 'serving', 'monitoring'].map((id) => ({
      id,
      points: id === 'serving' ? genericPoints : [],
    })),
  } as unknown as Framework;
  return { study, framework };
}

const SAFE_ROLLOUT = point('safe-rollout', 'Safe rollout and rollback', [
  'canary',
  'shadow mode',
  'rollback',
]);
const FALLBACK = point('graceful-fallback', 'Fallback when the model fails', [
  'fallback',
  'degrade gracefully',
]);

describe('conceptDuplicates', () => {
  it('finds a case point that shares two phrasings with a framework point of the same step', () => {
    const { study, framework } = rubric(
      [
        point('price-safe-rollout', 'Rollout that watches price shifts', [
          'shadow mode',
          'canary',
          'traffic ramp',
        ]),
      ],
      [SAFE_ROLLOUT],
    );
    expect(conceptDuplicates(study, framework)).toEqual(new Map([['safe-rollout', 'price-safe-rollout']]));
    expect(findDuplicates(study, framework)[0]?.sharedPhrases).toEqual(['canary', 'shadow mode']);
  });

  it('needs a title word in common when only one phrasing is shared', () => {
    const titled = rubric(
      [point('scoring-fallback', 'Fallback when scoring times out', ['fallback', 'cached scores'])],
      [FALLBACK],
    );
    expect(conceptDuplicates(titled.study, titled.framework).get('graceful-fallback')).toBe(
      'scoring-fallback',
    );
    const passing = rubric(
      [
        point('latency-budget-stages', 'Latency budget across stages', [
          'p99 per stage',
          'fallback',
          'timeouts',
        ]),
      ],
      [FALLBACK],
    );
    expect(conceptDuplicates(passing.study, passing.framework).size).toBe(0);
  });

  it('matches plain phrasings too, once word endings are ignored', () => {
    const { study, framework } = rubric(
      [
        point(
          'slow-path',
          'Slow scoring path',
          ['timeouts'],
          ['fall back to a cached answer', 'degrading gracefully'],
        ),
      ],
      [
        point(
          'graceful-fallback',
          'Fallback when the model fails',
          ['fallback'],
          ['falls back to cached answers', 'degrade gracefully'],
        ),
      ],
    );
    expect(conceptDuplicates(study, framework).get('graceful-fallback')).toBe('slow-path');
  });

  it('takes two title words, half the framework title, as the same concept without shared phrasings', () => {
    const sampling = point('sampling-and-imbalance', 'Sampling and class imbalance', ['downsampling']);
    const same = rubric(
      [point('imbalance-sampling', 'Sampling for imbalance', ['class weights'])],
      [sampling],
    );
    expect(conceptDuplicates(same.study, same.framework).get('sampling-and-imbalance')).toBe(
      'imbalance-sampling',
    );
    const llmLabels = point('llm-labels', 'LLM-assisted labels audited against people', ['spot checks']);
    // Two words of five: the case point audits labels; the framework one is about who writes them.
    const different = rubric(
      [point('label-audit', 'Audit and align the existing labels', ['inter-rater agreement'])],
      [llmLabels],
    );
    expect(conceptDuplicates(different.study, different.framework).size).toBe(0);
  });

  it('does not count title words most of the step shares, which name its theme', () => {
    const generic = [1, 2, 3].map((n) => point(`generic-${n}`, `Point alpha${n} canary`, [`alpha${n}`]));
    const own = [1, 2, 3].map((n) => point(`own-${n}`, `Point beta${n} canary`, [`beta${n}`]));
    const { study, framework } = rubric(own, generic);
    expect(conceptDuplicates(study, framework).size).toBe(0);
  });

  it('leaves out framework points whose id the case reuses', () => {
    const { study, framework } = rubric(
      [point('safe-rollout', 'Our rollout', ['canary', 'shadow mode'])],
      [SAFE_ROLLOUT],
    );
    expect(conceptDuplicates(study, framework).size).toBe(0);
  });
});

describe('the shipped rubrics', () => {
  const loaded = loadRubrics(RUBRICS_DIR);
  if (!loaded.ok) throw new Error(loaded.issues.map(formatIssue).join('\n'));
  const { framework, cases } = loaded.value;

  it('fold the generic rollout point into the ad-click case point about the same concept', () => {
    const adClick = cases.get('ad-click-prediction');
    if (!adClick) throw new Error('no ad-click case');
    expect(conceptDuplicates(adClick, framework).get('safe-rollout')).toBe('price-safe-rollout');
  });

  it('report each duplicate as a warning that does not stop loading', () => {
    const warnings = lintRubrics(loaded.value).filter((issue) => issue.severity === 'warning');
    expect(warnings.length).toBeGreaterThan(0);
    expect(loaded.value.warnings).toEqual(warnings);
    expect(formatIssue(warnings[0]!)).toMatch(
      /:\d+:\d+ warning: steps\.\w+\.points\.\d+: "[\w-]+" covers the framework point/,
    );
  });
});
