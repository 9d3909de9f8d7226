import { join } from 'node:path';
import { loadRubrics } from '@mlsd/rubric';
import { describe, expect, it } from 'vitest';
import { factIndexFor } from '../facts.ts';
import { readIntent } from '../reading/intent.ts';
import { asksForGoal } from './goal.ts';

const loaded = loadRubrics(join(import.meta.dirname, '../../../../rubrics'));
if (!loaded.ok) throw new Error('the rubrics do not load');
const { cases } = loaded.value;

describe('a question about what the system is for', () => {
  it.each([
    'what do we optimize for, ticket purchases or just clicks / RSVPs?',
    'optimizing for what?',
    'Optimization target?',
    "What's being minimized?",
    'Are we trying to maximize bookings or browsing time?',
    "what's the main goal here?",
    'What is the ETA system for?',
    'what are we trying to achieve?',
    'What would success look like a quarter after launch?',
    'how do we measure success?',
    "what can't we let slip while we improve enforcement?",
    'which guardrails do we keep an eye on?',
  ])('is recognised: "%s"', (question) => {
    expect(asksForGoal(question)).toBe(true);
  });

  it.each([
    "what's the latency target?",
    'what recall do we need to achieve?',
    'maybe optimize for accepted requests, not sent ones?',
    'so the objective would be total watch time per session, correct?',
    'is it better to optimize for clicks or for purchases?',
    'what are common guardrails people put in ride pricing?',
    'is it worth adding a diversity term in the ranking objective?',
    'do you want the ML objective or the business one?',
    'how do we optimize the feature pipeline?',
    "what's the training objective, log loss?",
  ])('is not: "%s"', (question) => {
    expect(asksForGoal(question)).toBe(false);
  });
});

describe('the goal asked in a case', () => {
  it('gives the fact the rubric marks as the goal, not the fact the question shares words with', () => {
    // "ticket purchases", "clicks": the words of the fact about what is logged.
    const [part] = factIndexFor(cases.get('event-recommendation')!).lookup(
      'what do we optimize for, ticket purchases or just clicks / RSVPs?',
    ).parts;
    expect(part?.status).toBe('found');
    expect(part?.fact?.goal).toBe(true);
  });

  it('reads a goal asked as a design question as a question for the case', () => {
    expect(readIntent('what should we optimize for?').intent).toBe('facts');
    expect(readIntent('optimizing for what?').intent).toBe('facts');
  });

  it('answers what the company wants out of the project, with no word of the fact in it', () => {
    const parts = factIndexFor(cases.get('llm-content-moderation')!).lookup(
      'what does the company most want out of this?',
    ).parts;
    expect(parts.map((part) => part.fact?.goal)).toEqual([true]);
  });

  it('folds the options named after the goal question into it ("trips? ETA? driver earnings?")', () => {
    const parts = factIndexFor(cases.get('ride-pricing')!).lookup(
      'goal -> what does leadership want? trips? ETA? driver earnings?',
    ).parts;
    expect(parts).toHaveLength(1);
    expect(parts[0]?.fact?.goal).toBe(true);
  });

  it('leaves a subject with a target of its own to its fact', () => {
    const [part] = factIndexFor(cases.get('event-recommendation')!).lookup(
      "what's the latency target?",
    ).parts;
    expect(part?.fact?.id).toBe('latency-budget');
  });

  it('every case marks a goal fact', () => {
    for (const study of cases.values())
      expect(
        study.facts.some((fact) => fact.goal),
        study.id,
      ).toBe(true);
  });
});

describe('words of the asking', () => {
  it('"requirement" names no subject the case leaves out: the latency fact is given as the answer', () => {
    const [part] = factIndexFor(cases.get('event-recommendation')!).lookup(
      'is there a latency requirement for the page?',
    ).parts;
    expect(part?.fact?.id).toBe('latency-budget');
    expect(part?.nearby).toBeUndefined();
  });
});
