import { join } from 'node:path';
import { Framework, loadYamlFile } from '@mlsd/rubric';
import { describe, expect, it } from 'vitest';
import { BUDGETS, MINUTE } from '../test/fixtures.ts';
import { stepBudgetsMs, warningLeadMs } from './budgets.ts';

const loaded = loadYamlFile(join(import.meta.dirname, '../../../rubrics/framework.yaml'), Framework);
if (!loaded.ok) throw new Error(`framework.yaml does not load: ${JSON.stringify(loaded.issues)}`);
const framework = loaded.value;

const sum = (budgets: Record<string, number>) => Object.values(budgets).reduce((a, b) => a + b, 0);

describe('stepBudgetsMs', () => {
  it('gives the framework minutes for a 45-minute session', () => {
    expect(stepBudgetsMs(framework, 45)).toEqual(BUDGETS);
  });

  it('scales to 30 and 60 minutes and always adds up to the session length', () => {
    const thirty = stepBudgetsMs(framework, 30);
    const sixty = stepBudgetsMs(framework, 60);
    expect(thirty.requirements).toBe(200_000); // 5 min * 30/45 = 3 min 20 s
    expect(thirty.model).toBe(6 * MINUTE);
    expect(sixty.data).toBe(640_000); // 8 min * 60/45 = 10 min 40 s
    expect(sixty.monitoring).toBe(400_000);
    expect(sum(thirty)).toBe(30 * MINUTE);
    expect(sum(stepBudgetsMs(framework, 45))).toBe(45 * MINUTE);
    expect(sum(sixty)).toBe(60 * MINUTE);
  });

  it('rounds awkward splits to whole seconds without losing any', () => {
    const odd: Framework = {
      steps: framework.steps.map((step) => ({ ...step, minutes: 45 / 7 })),
    };
    const budgets = stepBudgetsMs(odd, 30);
    for (const ms of Object.values(budgets)) expect(ms % 1000).toBe(0);
    expect(sum(budgets)).toBe(30 * MINUTE);
    expect(Math.max(...Object.values(budgets)) - Math.min(...Object.values(budgets))).toBeLessThanOrEqual(
      1000,
    );
  });

  it('refuses a session length that is not a positive number', () => {
    expect(() => stepBudgetsMs(framework, 0)).toThrow(/positive/);
    expect(() => stepBudgetsMs(framework, Number.NaN)).toThrow(/positive/);
  });
});

describe('warningLeadMs', () => {
  it('warns a minute ahead, or at half time for budgets under two minutes', () => {
    expect(warningLeadMs(5 * MINUTE)).toBe(MINUTE);
    expect(warningLeadMs(2 * MINUTE)).toBe(MINUTE);
    expect(warningLeadMs(90_000)).toBe(45_000);
  });
});
