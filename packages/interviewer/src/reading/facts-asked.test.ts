import { join } from 'node:path';
import { CaseStudy, loadYamlFile } from '@mlsd/rubric';
import { describe, expect, it } from 'vitest';
import { factsAsked } from './facts-asked.ts';
import { readIntent } from './intent.ts';

const loaded = loadYamlFile(
  join(import.meta.dirname, '../../../../rubrics/cases/fraud-detection.yaml'),
  CaseStudy,
);
if (!loaded.ok) throw new Error('the fraud-detection rubric does not load');
const fraud = loaded.value;
const found = (text: string) => factsAsked(fraud, text, readIntent(text)).found;

describe('a question whose subject is only "that"', () => {
  it('is looked up with the sentence it points at', () => {
    expect(
      found(
        "In the other, a wrongful decline costs us the customer's goodwill. Do we have a number for that?",
      ),
    ).toEqual(['decline-budget']);
    expect(found('Card testing seems common. How often does that happen?')).toEqual(['adversaries']);
  });

  it('keeps a question that names its own subject', () => {
    expect(found('Card testing seems common. How much fraud is there?')).toEqual(['fraud-rate']);
  });
});

describe('the goal restated as a check', () => {
  it('is answered with the goal fact, which says how success is judged, not read back from the brief', () => {
    expect(
      found('So the goal is to reduce fraud losses but also not decline too many good customers?'),
    ).toEqual(['business-goal']);
  });
});
