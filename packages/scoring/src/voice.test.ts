import { describe, expect, it } from 'vitest';
import { analyse } from './analyse.ts';
import { isGeneralRemark, isUniversalClaim } from './voice.ts';

const general = (text: string) => analyse(text).segments.every((segment) => isGeneralRemark(segment));

describe('general remarks', () => {
  it.each([
    "There's always a tension between what's measurable and what matters.",
    'At big companies everything is big, so you have to think about distributed systems from day one.',
    'In a lot of companies the metric becomes the goal, and then people game it.',
    'You can use SMOTE or class weights, or focal loss.',
    'Teams often retrain too rarely, because pipelines are fragile.',
  ])('reads "%s" as a remark about the world, not this design', (text) => {
    expect(general(text)).toBe(true);
  });

  it.each([
    "We'd retrain daily because clicks drift.",
    'In a lot of companies the metric becomes the goal, so we would track return visits instead.',
    'The label is whether the user clicked within an hour, because later clicks are rare.',
    'I think you can see position bias in our logs, so I would log the slot.',
  ])('keeps "%s" as the candidate\'s own design', (text) => {
    expect(general(text)).toBe(false);
  });
});

const universal = (text: string) => analyse(text).segments.some((segment) => isUniversalClaim(segment));

describe('claims true of any system', () => {
  it.each([
    "Safety and integrity are important for any social platform, so we'd handle harmful content appropriately.",
    'Content changes over time, so drift monitoring is something every production model needs.',
    "Bigger models are usually more accurate but slower, so there's always a trade-off to manage.",
    'Computer vision models have gotten very good, so detection is quite tractable nowadays.',
  ])('reads "%s" as true of any design, even in the candidate\'s voice', (text) => {
    expect(universal(text)).toBe(true);
  });

  it.each([
    // Sentences of strong calibration answers that a looser pattern caught.
    'Fallbacks: every live feature has a default and a maximum age.',
    'Rules plus the 2019 logistic regression are the baseline every model must beat at the same decline rate.',
    'When any model changes, embedding, reranker, generator or grader, I re-run the full suite.',
    "I'd record the exact details the ordering model used for every product it ranked.",
    'Searched against the full 600 million index, since a small gallery makes every model look great.',
  ])('keeps "%s" about this design', (text) => {
    expect(universal(text)).toBe(false);
  });
});
