import { join } from 'node:path';
import { CaseStudy, Framework, loadYamlFile } from '@mlsd/rubric';
import { describe, expect, it } from 'vitest';
import { BUDGETS, MINUTE, started, T0 } from '../test/fixtures.ts';
import { createConfig } from './config.ts';
import { transition } from './machine.ts';
import type { InterviewerMove } from './types.ts';
import { stepProgress, turnKindOf } from './views.ts';

const rubrics = join(import.meta.dirname, '../../../rubrics');
const framework = loadYamlFile(join(rubrics, 'framework.yaml'), Framework);
if (!framework.ok) throw new Error('framework.yaml does not load');

describe('stepProgress', () => {
  it('reports used time per step with titles from the framework', () => {
    const state = transition(started(), { type: 'move-on' }, T0 + 2 * MINUTE).state;
    const progress = stepProgress(state, T0 + 3 * MINUTE, framework.value);
    expect(progress[0]).toEqual({
      id: 'requirements',
      title: framework.value.steps[0]!.title,
      budgetMs: BUDGETS.requirements,
      usedMs: 2 * MINUTE,
      status: 'done',
    });
    expect(progress[1]).toMatchObject({ id: 'framing', usedMs: MINUTE, status: 'active' });
    expect(progress[2]).toMatchObject({ id: 'data', usedMs: 0, status: 'pending' });
  });
});

describe('turnKindOf', () => {
  it('maps every move to a transcript turn kind', () => {
    const base = { index: 0, step: 'data' as const };
    const cases: [InterviewerMove, string][] = [
      [{ ...base, kind: 'opening', withPrompt: false }, 'opening'],
      [
        {
          ...base,
          kind: 'answer-facts',
          facts: [{ id: 'f', repeat: false }],
          unanswered: [],
          ambiguous: [],
          late: false,
        },
        'answer',
      ],
      [
        {
          ...base,
          kind: 'answer-facts',
          facts: [],
          unanswered: [],
          ambiguous: [{ question: 'q', options: ['a', 'b'] }],
          late: false,
        },
        'clarification',
      ],
      [{ ...base, kind: 'clarify', reason: 'no-fact', unanswered: ['q'], late: false }, 'clarification'],
      [{ ...base, kind: 'hint', level: 2, pointId: 'x' }, 'hint'],
      [{ ...base, kind: 'follow-up', pointId: 'x', angle: 'why' }, 'follow-up'],
      [{ ...base, kind: 'challenge', flagId: 'x' }, 'challenge'],
      [{ ...base, kind: 'redirect', reason: 'meta', stepRemainingMs: 1 }, 'redirect'],
      [{ ...base, kind: 'probe', pointId: 'x' }, 'probe'],
      [{ ...base, kind: 'acknowledge', allCovered: false, late: false, lastStep: false }, 'acknowledgement'],
      [{ ...base, kind: 'curveball', curveballId: 'x' }, 'curveball'],
      [{ ...base, kind: 'time-warning', remainingMs: 1 }, 'warning'],
      [{ ...base, kind: 'move-on', reason: 'candidate', nextStep: 'model' }, 'move-on'],
      [{ ...base, kind: 'wrap-up', reason: 'completed' }, 'wrap-up'],
    ];
    for (const [move, kind] of cases) expect(turnKindOf(move)).toBe(kind);
  });
});

// The case files are written by the rubric authors; skip (visibly) while this one is mid-edit.
const loaded = loadYamlFile(join(rubrics, 'cases/ad-click-prediction.yaml'), CaseStudy);

describe('createConfig', () => {
  it.skipIf(!loaded.ok)("builds a session's config from the framework and a real case", () => {
    if (!loaded.ok) return;
    const config = createConfig(framework.value, loaded.value, { durationMinutes: 30 });
    expect(config.durationMinutes).toBe(30);
    expect(Object.values(config.budgetsMs).reduce((a, b) => a + b, 0)).toBe(30 * MINUTE);
    expect(config.curveballs).toEqual(loaded.value.curveballs.map(({ id, step }) => ({ id, step })));
    expect(config).toMatchObject({ maxProbesPerStep: 2, curveballAfterAnswers: 2, maxSpeakingMs: 60_000 });
  });
});
